import { Builder, type Offset } from 'flatbuffers';
import { ModelFormatError } from '../errors';
import { tfliteReflection } from '../generated/tflite-reflection';
import { builtinCodeOf } from './opcodes';
import type { ReflField } from './reflection-types';
import type { TfliteModel } from './types';

export interface WriteTfliteOptions {
  /**
   * Where buffer data (and custom options) go:
   * - `'inline'`: inside the flatbuffer (the usual layout; limited to 2 GB in all);
   * - `'append'`: after the flatbuffer, referenced by `Buffer.offset/size` and
   *   `Operator.largeCustomOptionsOffset/Size` (the layout TFLite uses for files over 2 GB);
   * - `'auto'` (default): `'append'` when the data would not fit in 2 GB; else data that the source
   *   file stored after the flatbuffer (`offset > 1`) goes there again and the rest inline.
   */
  weights?: 'auto' | 'inline' | 'append';
}

type Obj = Record<string, unknown>;
const refl = tfliteReflection;
const EMPTY = new Uint8Array(0);
const FLATBUFFER_LIMIT = 0x7fff_0000; // just under 2 GiB, leaving room for everything else
const SIZE: Record<string, number> = { bool: 1, byte: 1, ubyte: 1, utype: 1, short: 2, ushort: 2, int: 4, uint: 4, float: 4, long: 8, ulong: 8, double: 8 };
const align16 = (n: number): number => (n + 15) & ~15;

function fail(message: string, where: string): never {
  throw new ModelFormatError('BAD_VALUE', message, where);
}

/** Serializes any table of the schema from an object with the object API's field names. */
class Packer {
  /**
   * Scalar vectors already written, by content: identical ones (per-channel zero points, scales,
   * shapes, operator index lists) are stored once and shared, which FlatBuffers allows (an offset
   * may point at any vector written before). Per-channel quantized models repeat these a lot.
   */
  private readonly written = new Map<string, Offset>();

  constructor(private readonly b: Builder) {}

  table(name: string, obj: Obj, where: string): Offset {
    if (typeof obj !== 'object' || obj === null) fail(`expected a ${name} object, got ${obj === null ? 'null' : typeof obj}`, where);
    const fields = refl.tables[name]!;
    const offsets: [number, Offset][] = [];
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      if (f.deprecated || SIZE[f.type] !== undefined) continue;
      const v = obj[f.name];
      if (v === null || v === undefined) continue;
      const at = `${where}.${f.name}`;
      let off: Offset;
      if (f.type === 'string') {
        if (typeof v !== 'string' && !(v instanceof Uint8Array)) fail(`expected a string, got ${typeof v}`, at);
        off = this.b.createString(v);
      }
      else if (f.type === 'table') off = this.table(f.ref!, v as Obj, at);
      else if (f.type === 'vector') {
        if (typeof v !== 'object' || typeof (v as ArrayLike<unknown>).length !== 'number') fail(`expected an array, got ${typeof v}`, at);
        off = this.vector(f, v as ArrayLike<unknown>, at);
      }
      else {
        const tag = obj[fields[i - 1]!.name] as number;
        if (!tag) continue;
        const member = refl.unions[f.ref!]![tag];
        if (!member) fail(`unknown ${f.ref} type ${tag}`, at);
        off = this.table(member, v as Obj, at);
      }
      offsets.push([f.id, off]);
    }
    const b = this.b;
    b.startObject(fields.length ? fields[fields.length - 1]!.id + 1 : 0);
    // Widest scalars first keeps padding small.
    for (const width of [8, 4, 2, 1]) {
      for (const f of fields) {
        if (f.deprecated || SIZE[f.type] !== width) continue;
        const v = obj[f.name];
        if (v === null || v === undefined) continue;
        this.scalar(f, v);
      }
    }
    for (const [id, off] of offsets) b.addFieldOffset(id, off, 0);
    return b.endObject();
  }

  private scalar(f: ReflField, v: unknown): void {
    const b = this.b;
    const d = f.default ?? 0;
    switch (f.type) {
      case 'bool': b.addFieldInt8(f.id, v ? 1 : 0, d ? 1 : 0); break;
      case 'byte': case 'ubyte': case 'utype': b.addFieldInt8(f.id, Number(v), Number(d)); break;
      case 'short': case 'ushort': b.addFieldInt16(f.id, Number(v), Number(d)); break;
      case 'int': case 'uint': b.addFieldInt32(f.id, Number(v), Number(d)); break;
      case 'float': b.addFieldFloat32(f.id, Number(v), Number(d)); break;
      case 'double': b.addFieldFloat64(f.id, Number(v), Number(d)); break;
      default: b.addFieldInt64(f.id, BigInt.asIntN(64, BigInt(v as bigint | number)), BigInt.asIntN(64, BigInt(d as number)));
    }
  }

  private vector(f: ReflField, v: ArrayLike<unknown>, where: string): Offset {
    const b = this.b;
    const n = v.length;
    const el = f.element!;
    if (el === 'string' || el === 'table') {
      const offs: Offset[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (el === 'table') offs[i] = this.table(f.ref!, x as Obj, `${where}[${i}]`);
        else if (typeof x === 'string' || x instanceof Uint8Array) offs[i] = b.createString(x);
        else fail(`expected a string, got ${typeof x}`, `${where}[${i}]`);
      }
      b.startVector(4, n, 4);
      for (let i = n - 1; i >= 0; i--) b.addOffset(offs[i]!);
      return b.endVector();
    }
    const size = SIZE[el]!;
    const align = Math.max(size, f.forceAlign ?? 1);
    if (size === 1) {
      // Byte-sized elements: one bulk copy (buffer data can be hundreds of MB).
      const bytes = v instanceof Uint8Array ? v
        : ArrayBuffer.isView(v) ? new Uint8Array((v as Uint8Array).buffer, (v as Uint8Array).byteOffset, n)
        : Uint8Array.from(v as ArrayLike<number>, (x) => Number(x) & 0xff);
      b.prep(Math.max(4, align), n);
      return b.createByteVector(bytes);
    }
    // String(x) keeps every double exactly; -0 is spelled out so it does not merge with 0.
    const key = n > 0 && n <= 65536 ? `${el}/${align}:${Array.from(v, (x) => (Object.is(x, -0) ? '-0' : String(x))).join(',')}` : undefined;
    const seen = key === undefined ? undefined : this.written.get(key);
    if (seen !== undefined) return seen;
    b.startVector(size, n, align);
    for (let i = n - 1; i >= 0; i--) {
      const x = v[i];
      switch (el) {
        case 'short': case 'ushort': b.addInt16(Number(x)); break;
        case 'int': case 'uint': b.addInt32(Number(x)); break;
        case 'float': b.addFloat32(Number(x)); break;
        case 'double': b.addFloat64(Number(x)); break;
        default: b.addInt64(BigInt.asIntN(64, BigInt(x as bigint | number)));
      }
    }
    const off = b.endVector();
    if (key !== undefined) this.written.set(key, off);
    return off;
  }
}

interface Blob { data: Uint8Array; offset: bigint }

/** The model as the packer sees it: opcodes normalized, blobs inline or moved after the flatbuffer. */
function packView(model: TfliteModel, where: Placement, blobs: Blob[]): Obj {
  const out = (offset: bigint | undefined) => where === 'all' || (where === 'keep' && (offset ?? 0n) > 1n);
  const blob = (data: Uint8Array): Blob => {
    const x = { data, offset: 2n };
    blobs.push(x);
    return x;
  };
  const operatorCodes = model.operatorCodes.map((c) => {
    const code = builtinCodeOf(c);
    return { ...c, deprecatedBuiltinCode: Math.min(code, 127), builtinCode: code };
  });
  const buffers = model.buffers.map((buf) => {
    const data = buf.data ?? EMPTY;
    if (!out(buf.offset) || data.length === 0) return { data: data.length ? data : null, offset: 0n, size: 0n };
    const x = blob(data);
    return { data: null, get offset() { return x.offset; }, size: BigInt(data.length) };
  });
  const subgraphs = model.subgraphs.map((sg) => ({
    ...sg,
    operators: sg.operators.map((op) => {
      const custom = op.customOptions ?? EMPTY;
      // An empty custom_options vector must be left out: TFLite rejects builtin ops that have one.
      if (custom.length === 0) return { ...op, customOptions: null, largeCustomOptionsOffset: 0n, largeCustomOptionsSize: 0n };
      if (!out(op.largeCustomOptionsOffset)) return { ...op, largeCustomOptionsOffset: 0n, largeCustomOptionsSize: 0n };
      const x = blob(custom instanceof Uint8Array ? custom : Uint8Array.from(custom as ArrayLike<number>));
      return {
        ...op,
        customOptions: null,
        get largeCustomOptionsOffset() { return x.offset; },
        largeCustomOptionsSize: BigInt(custom.length),
      };
    }),
  }));
  return { ...model, operatorCodes, buffers, subgraphs };
}

type Placement = 'inline' | 'keep' | 'all';

/** 'keep': only the blobs that the source file stored after the flatbuffer go there again. */
function placement(model: TfliteModel, mode: WriteTfliteOptions['weights']): Placement {
  if (mode === 'inline') return 'inline';
  if (mode === 'append') return 'all';
  let total = 0;
  let external = false;
  for (const b of model.buffers) {
    total += b.data?.length ?? 0;
    if ((b.offset ?? 0n) > 1n) external = true;
  }
  for (const sg of model.subgraphs) {
    for (const op of sg.operators) {
      total += op.customOptions?.length ?? 0;
      if ((op.largeCustomOptionsOffset ?? 0n) > 1n) external = true;
    }
  }
  if (total > FLATBUFFER_LIMIT) return 'all';
  return external ? 'keep' : 'inline';
}

function build(view: Obj, sizeHint: number): Uint8Array {
  const b = new Builder(Math.min(FLATBUFFER_LIMIT, sizeHint));
  const root = new Packer(b).table(refl.rootTable, view, refl.rootTable);
  b.finish(root, refl.fileIdentifier);
  return b.asUint8Array();
}

/**
 * Writes a model as a .tflite file (identifier 'TFL3') that TFLite loads. Accepts what
 * `readTflite` returns, or objects built with the `tflite.*T` classes or plain objects with the
 * same field names. Reading the result gives back an equal model (buffer/custom-option offsets
 * aside, which are recomputed).
 */
export function writeTflite(model: TfliteModel, options: WriteTfliteOptions = {}): Uint8Array {
  if (!model || !Array.isArray(model.subgraphs) || !Array.isArray(model.buffers)) {
    fail('expected a TfliteModel (with subgraphs and buffers arrays)', 'Model');
  }
  const blobs: Blob[] = [];
  const view = packView(model, placement(model, options.weights), blobs);
  const append = blobs.length > 0;
  let dataBytes = 0;
  for (const buf of model.buffers) dataBytes += buf.data?.length ?? 0;
  const hint = 1024 + (append ? 0 : dataBytes) + 64 * model.subgraphs.reduce((n, sg) => n + sg.tensors.length + sg.operators.length, 0);
  if (!append) return build(view, hint).slice();

  // Two passes: the flatbuffer's size does not depend on the offset values, so build once with
  // placeholders to learn where the appended data starts, then again with the real offsets.
  const first = build(view, hint).length;
  let cursor = align16(first);
  for (const x of blobs) {
    x.offset = BigInt(cursor);
    cursor = align16(cursor + x.data.length);
  }
  const fb = build(view, hint);
  if (fb.length !== first) throw new Error(`internal error: flatbuffer size changed between passes (${first} → ${fb.length})`);
  const out = new Uint8Array(cursor);
  out.set(fb, 0);
  for (const x of blobs) out.set(x.data, Number(x.offset));
  return out;
}
