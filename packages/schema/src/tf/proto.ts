// Reflection-driven conversion between protobuf wire bytes and the plain objects of
// src/generated/tf/types.ts: camelCase fields, enums as value names, 64-bit integers as
// `number` (or `bigint` past 2^53 where the field allows it), bytes as Uint8Array,
// scalars always present (proto3 defaults), absent sub-messages and oneof members omitted.
import * as protobufNs from 'protobufjs/light.js';
import { ModelFormatError } from '../errors';
import { tfDescriptor } from '../generated/tf/descriptor';

type PbModule = typeof protobufNs;
/** protobufjs (light build), whether it arrives as a CommonJS default export or as a namespace. */
export const pb: PbModule = (protobufNs as unknown as { default?: PbModule }).default ?? protobufNs;

export type PbType = protobufNs.Type;
export type PbField = protobufNs.Field;

/** 64-bit fields that keep full precision (`bigint` when beyond Number.MAX_SAFE_INTEGER). */
const WIDE_INT64 = new Set([
  'tensorflow.TensorProto.int64Val',
  'tensorflow.TensorProto.uint64Val',
  'tensorflow.ResourceHandleProto.hashCode',
  'tensorflow.AttrValue.i',
  'tensorflow.AttrValue.ListValue.i',
  'tensorflow.StructuredValue.int64Value',
  'tensorflow.CollectionDef.Int64List.value',
  'tensorflow.FullTypeDef.i',
]);
const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const UNSIGNED64 = new Set(['uint64', 'fixed64']);

let root: protobufNs.Root | undefined;
const typeCache = new Map<string, PbType>();

/** The reflection type `tensorflow.<name>` (e.g. `GraphDef`, `TensorShapeProto.Dim`). */
export function tfType(name: string): PbType {
  let t = typeCache.get(name);
  if (!t) {
    root ??= pb.Root.fromJSON(tfDescriptor as unknown as protobufNs.INamespace);
    t = root.lookupType(`tensorflow.${name}`);
    t.setup();
    typeCache.set(name, t);
  }
  return t;
}

type Obj = Record<string, unknown>;
interface LongLike { low: number; high: number; unsigned?: boolean }

function isLongLike(v: unknown): v is LongLike {
  return typeof v === 'object' && v !== null && typeof (v as LongLike).low === 'number' && typeof (v as LongLike).high === 'number';
}

function longToBigInt(v: LongLike, unsigned: boolean): bigint {
  const big = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  return unsigned ? big : BigInt.asIntN(64, big);
}

function int64Value(v: unknown, field: PbField, wide: boolean): number | bigint {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return wide && !Number.isSafeInteger(Number(v)) ? v : Number(v);
  if (typeof v === 'string') return int64Value(BigInt(v), field, wide);
  if (isLongLike(v)) {
    const big = longToBigInt(v, UNSIGNED64.has(field.type));
    const n = Number(big);
    return wide && !Number.isSafeInteger(n) ? big : n;
  }
  throw new ModelFormatError('BAD_VALUE', `expected an integer for ${field.name}, got ${typeof v}`, field.fullName.slice(1));
}

function scalarDefault(field: PbField): unknown {
  if (field.resolvedType instanceof pb.Enum) return field.resolvedType.valuesById[0] ?? 0;
  switch (field.type) {
    case 'string': return '';
    case 'bool': return false;
    case 'bytes': return new Uint8Array(0);
    default: return 0;
  }
}

function toBytes(v: unknown, field: PbField): Uint8Array {
  if (v instanceof Uint8Array) return v.constructor === Uint8Array ? v : new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return new TextEncoder().encode(v);
  if (Array.isArray(v)) return Uint8Array.from(v as number[]);
  throw new ModelFormatError('BAD_VALUE', `expected bytes for ${field.name}`, field.fullName.slice(1));
}

/** One element value → plain form. `fromWire` distinguishes decoded messages from plain input. */
function plainValue(field: PbField, v: unknown, fromWire: boolean): unknown {
  const rt = field.resolvedType;
  if (rt instanceof pb.Type) return toPlainMessage(rt, v as Obj, fromWire);
  if (rt instanceof pb.Enum) {
    if (typeof v === 'number') return rt.valuesById[v] ?? v;
    if (typeof v === 'string' && v in rt.values) return v;
    throw new ModelFormatError('BAD_VALUE', `unknown ${rt.name} value ${String(v)} for ${field.name}`, field.fullName.slice(1));
  }
  if (INT64.has(field.type)) return int64Value(v, field, WIDE_INT64.has(field.fullName.slice(1)));
  if (field.type === 'bytes') return toBytes(v, field);
  return v;
}

function toPlainMessage(type: PbType, msg: Obj, fromWire: boolean): Obj {
  const out: Obj = {};
  for (const field of type.fieldsArray) {
    const name = field.name;
    const v = msg[name];
    if (field.map) {
      const m: Obj = {};
      if (v) for (const k of Object.keys(v as Obj)) m[k] = plainValue(field, (v as Obj)[k], fromWire);
      out[name] = m;
    } else if (field.repeated) {
      out[name] = Array.isArray(v) ? v.map((x) => plainValue(field, x, fromWire)) : [];
    } else if (field.partOf) {
      const set = fromWire ? msg[field.partOf.name] === name : Object.prototype.hasOwnProperty.call(msg, name) && v !== undefined;
      if (set && v != null) out[name] = plainValue(field, v, fromWire);
    } else if (field.resolvedType instanceof pb.Type) {
      if (v != null) out[name] = plainValue(field, v, fromWire);
    } else {
      out[name] = v == null ? scalarDefault(field) : plainValue(field, v, fromWire);
    }
  }
  return out;
}

/** Fills proto3 defaults and normalizes values of a plain object (text parser output, user input). */
export function completePlain<T>(typeName: string, obj: object): T {
  return toPlainMessage(tfType(typeName), obj as Obj, false) as T;
}

function wrapDecodeError(e: unknown, what: string): ModelFormatError {
  if (e instanceof ModelFormatError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new ModelFormatError('BAD_PROTO', `not a valid ${what} protobuf: ${msg}`, what);
}

/** Decodes `bytes` as `tensorflow.<typeName>` into its plain object. Throws ModelFormatError. */
export function decodeMessage<T>(typeName: string, bytes: Uint8Array): T {
  if (!(bytes instanceof Uint8Array)) throw new ModelFormatError('BAD_VALUE', `expected a Uint8Array to decode ${typeName}`);
  const type = tfType(typeName);
  let msg: protobufNs.Message;
  try {
    msg = type.decode(bytes);
  } catch (e) {
    throw wrapDecodeError(e, typeName);
  }
  try {
    return toPlainMessage(type, msg as unknown as Obj, true) as T;
  } catch (e) {
    throw wrapDecodeError(e, typeName);
  }
}

// ---- plain → wire ------------------------------------------------------------------------

function bigToLong(b: bigint, unsigned: boolean): unknown {
  const u = BigInt.asUintN(64, b);
  const low = Number(u & 0xffffffffn) | 0;
  const high = Number(u >> 32n) | 0;
  const L = pb.util.Long as unknown as { fromBits?: (l: number, h: number, u: boolean) => unknown } | undefined;
  return L?.fromBits ? L.fromBits(low, high, unsigned) : { low, high, unsigned };
}

function wireValue(field: PbField, v: unknown, path: string): unknown {
  const rt = field.resolvedType;
  if (rt instanceof pb.Type) {
    if (typeof v !== 'object' || v === null) throw new ModelFormatError('BAD_VALUE', `expected an object for ${rt.name}`, path);
    return toWireMessage(rt, v as Obj, path);
  }
  if (rt instanceof pb.Enum) {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && v in rt.values) return rt.values[v];
    throw new ModelFormatError('BAD_VALUE', `${String(v)} is not a ${rt.name} value`, path);
  }
  if (INT64.has(field.type)) {
    const unsigned = UNSIGNED64.has(field.type);
    if (typeof v === 'bigint') return bigToLong(v, unsigned);
    if (typeof v === 'number' && Number.isInteger(v)) return Number.isSafeInteger(v) ? v : bigToLong(BigInt(v), unsigned);
    if (isLongLike(v)) return v;
    throw new ModelFormatError('BAD_VALUE', `expected an integer, got ${String(v)}`, path);
  }
  switch (field.type) {
    case 'string':
      if (typeof v !== 'string') throw new ModelFormatError('BAD_VALUE', `expected a string, got ${typeof v}`, path);
      return v;
    case 'bytes': return toBytes(v, field);
    case 'bool':
      if (typeof v !== 'boolean') throw new ModelFormatError('BAD_VALUE', `expected a boolean, got ${typeof v}`, path);
      return v;
    default:
      if (typeof v !== 'number') throw new ModelFormatError('BAD_VALUE', `expected a number, got ${typeof v}`, path);
      return v;
  }
}

function isDefaultScalar(v: unknown): boolean {
  return v === 0 || v === '' || v === false || v === 0n || (v instanceof Uint8Array && v.length === 0);
}

function toWireMessage(type: PbType, obj: Obj, path: string): Obj {
  const out: Obj = {};
  for (const field of type.fieldsArray) {
    const v = obj[field.name];
    if (v === undefined || v === null) continue;
    const p = `${path}.${field.name}`;
    if (field.map) {
      const m: Obj = {};
      for (const k of Object.keys(v as Obj)) m[k] = wireValue(field, (v as Obj)[k], `${p}[${k}]`);
      out[field.name] = m;
    } else if (field.repeated) {
      if (!Array.isArray(v) && !ArrayBuffer.isView(v)) throw new ModelFormatError('BAD_VALUE', 'expected an array', p);
      out[field.name] = Array.from(v as ArrayLike<unknown>, (x, i) => wireValue(field, x, `${p}[${i}]`));
    } else if (field.partOf || field.resolvedType instanceof pb.Type) {
      out[field.name] = wireValue(field, v, p);
    } else {
      // proto3: default-valued scalars are not written (keeps output canonical, like TensorFlow's).
      const w = wireValue(field, v, p);
      if (field.resolvedType instanceof pb.Enum ? w !== 0 : !isDefaultScalar(v)) out[field.name] = w;
    }
  }
  return out;
}

/** Encodes a plain object as `tensorflow.<typeName>`. Throws ModelFormatError BAD_VALUE on bad input. */
export function encodeMessage(typeName: string, obj: object): Uint8Array {
  const type = tfType(typeName);
  let bytes: Uint8Array;
  try {
    bytes = type.encode(toWireMessage(type, obj as Obj, typeName)).finish();
  } catch (e) {
    if (e instanceof ModelFormatError) throw e;
    throw new ModelFormatError('BAD_VALUE', `cannot encode ${typeName}: ${e instanceof Error ? e.message : String(e)}`, typeName);
  }
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// ---- proto3 JSON → plain (tfjs model.json embeds GraphDef / SignatureDef this way) ----------

function base64ToBytes(s: string, path: string): Uint8Array {
  const clean = s.replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new ModelFormatError('BAD_VALUE', 'invalid base64 bytes', path);
  const len = pb.util.base64.length(clean);
  const out = new Uint8Array(len);
  pb.util.base64.decode(clean, out, 0);
  return out;
}

function jsonValue(field: PbField, v: unknown, path: string): unknown {
  const rt = field.resolvedType;
  if (rt instanceof pb.Type) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ModelFormatError('BAD_VALUE', `expected an object for ${rt.name}`, path);
    return jsonMessage(rt, v as Obj, path);
  }
  if (rt instanceof pb.Enum) {
    if (typeof v === 'number' || (typeof v === 'string' && v in rt.values)) return v;
    throw new ModelFormatError('BAD_VALUE', `${String(v)} is not a ${rt.name} value`, path);
  }
  if (INT64.has(field.type) || ['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32'].includes(field.type)) {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v)) return INT64.has(field.type) ? BigInt(v) : Number(v);
    throw new ModelFormatError('BAD_VALUE', `expected an integer, got ${JSON.stringify(v)}`, path);
  }
  switch (field.type) {
    case 'float': case 'double':
      if (typeof v === 'number') return field.type === 'float' ? Math.fround(v) : v;
      if (v === 'NaN') return NaN;
      if (v === 'Infinity') return Infinity;
      if (v === '-Infinity') return -Infinity;
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) return Number(v);
      throw new ModelFormatError('BAD_VALUE', `expected a number, got ${JSON.stringify(v)}`, path);
    case 'bool':
      if (typeof v !== 'boolean') throw new ModelFormatError('BAD_VALUE', `expected a boolean, got ${JSON.stringify(v)}`, path);
      return v;
    case 'bytes':
      if (typeof v !== 'string') throw new ModelFormatError('BAD_VALUE', 'expected base64 bytes', path);
      return base64ToBytes(v, path);
    default:
      if (typeof v !== 'string') throw new ModelFormatError('BAD_VALUE', `expected a string, got ${JSON.stringify(v)}`, path);
      return v;
  }
}

const jsonNameMaps = new WeakMap<PbType, Map<string, PbField>>();
function jsonMessage(type: PbType, json: Obj, path: string): Obj {
  let names = jsonNameMaps.get(type);
  if (!names) {
    names = new Map();
    for (const f of type.fieldsArray) {
      names.set(f.name, f);
      names.set(f.name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), f);
    }
    jsonNameMaps.set(type, names);
  }
  const out: Obj = {};
  for (const key of Object.keys(json)) {
    const field = names.get(key);
    const v = json[key];
    if (!field || v === null) continue; // unknown fields are ignored, as proto3 JSON parsers may
    const p = `${path}.${key}`;
    if (field.map) {
      if (typeof v !== 'object' || Array.isArray(v)) throw new ModelFormatError('BAD_VALUE', 'expected a map object', p);
      const m: Obj = {};
      for (const k of Object.keys(v as Obj)) m[k] = jsonValue(field, (v as Obj)[k], `${p}[${k}]`);
      out[field.name] = m;
    } else if (field.repeated) {
      if (!Array.isArray(v)) throw new ModelFormatError('BAD_VALUE', 'expected an array', p);
      out[field.name] = v.map((x, i) => jsonValue(field, x, `${p}[${i}]`));
    } else out[field.name] = jsonValue(field, v, p);
  }
  return out;
}

/** Converts a proto3-JSON object (camelCase or original field names) to the plain form of `tensorflow.<typeName>`. */
export function fromProtoJson<T>(typeName: string, json: unknown): T {
  if (typeof json !== 'object' || json === null) throw new ModelFormatError('BAD_VALUE', `expected a JSON object for ${typeName}`, typeName);
  return completePlain<T>(typeName, jsonMessage(tfType(typeName), json as Obj, typeName));
}
