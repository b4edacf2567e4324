// Generic conversion between flatc object-API tables and plain IR data, driven by the schema
// reflection (no per-op code): enums become member names, 64-bit ints numbers, ubyte vectors
// Uint8Array, unions `{ type: 'TableName', value: {...} }`.
import { tflite, tfliteReflection } from '@liteml/schema';
import { IRError } from '../errors';

type Field = (typeof tfliteReflection.tables)[string][number];
type Plain = Record<string, unknown>;

const INT64 = new Set(['long', 'ulong']);

export function tableFields(table: string): Field[] {
  const fields = tfliteReflection.tables[table];
  if (!fields) throw new IRError('INVALID_ATTR', `unknown TFLite table '${table}'`);
  return fields.filter((f) => !f.deprecated && f.type !== 'utype');
}

function enumName(enumRef: string, value: number): string | number {
  const values = tfliteReflection.enums[enumRef]?.values;
  if (!values) return value;
  for (const [k, v] of Object.entries(values)) if (v === value) return k;
  return value; // a value newer than our schema: kept as a number
}

function enumValue(enumRef: string, name: unknown, where: string): number {
  if (typeof name === 'number') return name;
  const v = tfliteReflection.enums[enumRef]?.values[String(name)];
  if (v === undefined) {
    const members = Object.keys(tfliteReflection.enums[enumRef]?.values ?? {}).join(', ');
    throw new IRError('INVALID_ATTR', `${where}: '${String(name)}' is not a ${enumRef} (${members})`);
  }
  return v;
}

function toNumber(x: unknown): unknown {
  if (typeof x === 'bigint') {
    const n = Number(x);
    return Number.isSafeInteger(n) ? n : x;
  }
  return x;
}

/** A flatc object-API table (or undefined/null: all defaults) as plain data, every field present. */
export function tableToPlain(table: string, obj: unknown): Plain {
  const src = (obj ?? newTable(table)) as Plain;
  const out: Plain = {};
  for (const f of tableFields(table)) out[f.name] = fieldToPlain(f, src[f.name], src[`${f.name}Type`]);
  return out;
}

function fieldToPlain(f: Field, v: unknown, unionType: unknown): unknown {
  switch (f.type) {
    case 'string':
      return v ?? null;
    case 'table':
      return v == null ? null : tableToPlain(f.ref!, v);
    case 'union': {
      const member = tfliteReflection.unions[f.ref!]?.[Number(unionType ?? 0)];
      return v == null || !member || member === 'NONE' ? null : { type: member, value: tableToPlain(member, v) };
    }
    case 'vector': {
      const arr = (v ?? []) as ArrayLike<unknown>;
      if (f.element === 'ubyte') return Uint8Array.from(arr as ArrayLike<number>);
      if (f.element === 'table') return Array.from(arr, (x) => tableToPlain(f.ref!, x));
      if (f.element === 'string') return Array.from(arr, (x) => String(x));
      if (f.element === 'bool') return Array.from(arr, Boolean);
      if (f.ref && tfliteReflection.enums[f.ref]) return Array.from(arr, (x) => enumName(f.ref!, Number(x)));
      return Array.from(arr, toNumber);
    }
    default:
      if (f.ref && tfliteReflection.enums[f.ref]) return enumName(f.ref, Number(v ?? f.default ?? 0));
      if (f.type === 'bool') return Boolean(v ?? f.default ?? false);
      return toNumber(v ?? f.default ?? 0);
  }
}

/** A new flatc object-API instance of a table (`tflite.<Table>T`) with schema defaults. */
export function newTable(table: string): Plain {
  const Ctor = (tflite as unknown as Record<string, new () => Plain>)[`${table}T`];
  if (!Ctor) throw new IRError('INVALID_ATTR', `the schema package has no class ${table}T`);
  return new Ctor();
}

/**
 * Plain data (as `tableToPlain` makes it; missing fields keep schema defaults) back into a flatc
 * object-API instance. `where` names the node/tensor for error messages.
 */
export function plainToTable(table: string, plain: Plain, where: string): Plain {
  const obj = newTable(table);
  for (const f of tableFields(table)) {
    const v = plain[f.name];
    if (v === undefined) continue;
    fieldFromPlain(obj, f, v, `${where}: ${table}.${f.name}`);
  }
  return obj;
}

function fieldFromPlain(obj: Plain, f: Field, v: unknown, where: string): void {
  const bad = (what: string): never => {
    throw new IRError('INVALID_ATTR', `${where}: expected ${what}, got ${JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? String(x) : x))}`);
  };
  switch (f.type) {
    case 'string':
      if (v !== null && typeof v !== 'string') bad('a string');
      obj[f.name] = v;
      return;
    case 'table':
      obj[f.name] = v === null ? null : plainToTable(f.ref!, v as Plain, where);
      return;
    case 'union': {
      if (v === null) {
        obj[f.name] = null;
        obj[`${f.name}Type`] = 0;
        return;
      }
      const u = v as { type?: unknown; value?: unknown };
      const members = tfliteReflection.unions[f.ref!]!;
      const tag = members.indexOf(String(u.type));
      if (tag <= 0) bad(`{ type: ${members.slice(1).join(' | ')}, value }`);
      obj[`${f.name}Type`] = tag;
      obj[f.name] = plainToTable(members[tag]!, (u.value ?? {}) as Plain, where);
      return;
    }
    case 'vector': {
      if (!Array.isArray(v) && !ArrayBuffer.isView(v)) bad('an array');
      const arr = Array.from(v as ArrayLike<unknown>);
      if (f.element === 'table') obj[f.name] = arr.map((x) => plainToTable(f.ref!, x as Plain, where));
      else if (f.ref && tfliteReflection.enums[f.ref]) obj[f.name] = arr.map((x) => enumValue(f.ref!, x, where));
      else if (INT64.has(f.element!)) obj[f.name] = arr.map((x) => BigInt(x as number));
      else if (f.element === 'bool') obj[f.name] = arr.map(Boolean);
      else obj[f.name] = arr.map((x) => (f.element === 'string' ? String(x) : Number(x)));
      return;
    }
    default:
      if (f.ref && tfliteReflection.enums[f.ref]) obj[f.name] = enumValue(f.ref, v, where);
      else if (f.type === 'bool') obj[f.name] = Boolean(v);
      else if (INT64.has(f.type)) obj[f.name] = BigInt(v as number);
      else {
        if (typeof v !== 'number' && typeof v !== 'bigint') bad('a number');
        obj[f.name] = Number(v);
      }
  }
}

/** Which options union ('BuiltinOptions' or 'BuiltinOptions2') has a member table, and its tag. */
export function optionsUnionOf(table: string): { union: 'BuiltinOptions' | 'BuiltinOptions2'; tag: number } | undefined {
  for (const union of ['BuiltinOptions', 'BuiltinOptions2'] as const) {
    const tag = tfliteReflection.unions[union]!.indexOf(table);
    if (tag > 0) return { union, tag };
  }
  return undefined;
}

/** The member table of an options union tag ('NONE' → undefined). */
export function optionsTableOf(union: 'BuiltinOptions' | 'BuiltinOptions2', tag: number): string | undefined {
  const t = tfliteReflection.unions[union]?.[tag];
  return t && t !== 'NONE' ? t : undefined;
}

/** Every options table of both unions. */
export function allOptionsTables(): string[] {
  return [...tfliteReflection.unions.BuiltinOptions!.slice(1), ...tfliteReflection.unions.BuiltinOptions2!.slice(1)];
}

/** BuiltinOperator name → value and back. */
export function builtinCode(name: string): number | undefined {
  const v = tfliteReflection.enums.BuiltinOperator!.values[name];
  if (v !== undefined) return v;
  const m = /^UNKNOWN_(\d+)$/.exec(name);
  return m ? Number(m[1]) : undefined;
}
export function builtinName(code: number): string {
  const n = enumName('BuiltinOperator', code);
  return typeof n === 'string' ? n : `UNKNOWN_${code}`;
}
