// A small FlexBuffers reader for custom-op options (TFLite stores them as a flexbuffer map).
// It decodes the whole value tree into plain JS: maps → objects, vectors → arrays, blobs →
// Uint8Array, ints → number (bigint beyond 2^53).
import { RuntimeError } from './errors';

export type FlexValue = null | boolean | number | bigint | string | Uint8Array | FlexValue[] | { [key: string]: FlexValue };

const enum T {
  NULL = 0, INT = 1, UINT = 2, FLOAT = 3, KEY = 4, STRING = 5, INDIRECT_INT = 6, INDIRECT_UINT = 7,
  INDIRECT_FLOAT = 8, MAP = 9, VECTOR = 10, VECTOR_INT = 11, VECTOR_UINT = 12, VECTOR_FLOAT = 13,
  VECTOR_KEY = 14, VECTOR_STRING_DEPRECATED = 15, VECTOR_INT2 = 16, VECTOR_INT4 = 22, BLOB = 25, BOOL = 26,
  VECTOR_BOOL = 36,
}

class Reader {
  private readonly dv: DataView;
  private readonly dec = new TextDecoder();
  constructor(private readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  }

  private check(off: number, n: number): void {
    if (off < 0 || off + n > this.b.byteLength) throw new RuntimeError('BAD_MODEL', `custom options flexbuffer is truncated or corrupt (read of ${n} bytes at ${off})`);
  }

  int(off: number, w: number): number | bigint {
    this.check(off, w);
    switch (w) {
      case 1: return this.dv.getInt8(off);
      case 2: return this.dv.getInt16(off, true);
      case 4: return this.dv.getInt32(off, true);
      default: { const v = this.dv.getBigInt64(off, true); return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v; }
    }
  }

  uint(off: number, w: number): number | bigint {
    this.check(off, w);
    switch (w) {
      case 1: return this.dv.getUint8(off);
      case 2: return this.dv.getUint16(off, true);
      case 4: return this.dv.getUint32(off, true);
      default: { const v = this.dv.getBigUint64(off, true); return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v; }
    }
  }

  float(off: number, w: number): number {
    this.check(off, w);
    return w === 4 ? this.dv.getFloat32(off, true) : w === 8 ? this.dv.getFloat64(off, true) : Number(this.int(off, w));
  }

  /** Target of an offset stored at `off` with width `w`. */
  indirect(off: number, w: number): number {
    const back = Number(this.uint(off, w));
    // Offsets always point backwards; 0 (a self-reference) would recurse forever.
    if (back <= 0 || back > off) throw new RuntimeError('BAD_MODEL', `custom options flexbuffer has a bad offset ${back} at ${off}`);
    return off - back;
  }

  key(off: number): string {
    let end = off;
    while (end < this.b.byteLength && this.b[end] !== 0) end++;
    return this.dec.decode(this.b.subarray(off, end));
  }

  /** The value stored at `off` in a parent of width `parentWidth`, with packed type `packed`. */
  value(off: number, parentWidth: number, packed: number): FlexValue {
    const type = packed >> 2;
    const w = 1 << (packed & 3);
    switch (type) {
      case T.NULL: return null;
      case T.INT: return this.int(off, parentWidth);
      case T.UINT: return this.uint(off, parentWidth);
      case T.FLOAT: return this.float(off, parentWidth);
      case T.BOOL: return Number(this.uint(off, parentWidth)) !== 0;
      default: break;
    }
    const at = this.indirect(off, parentWidth);
    switch (type) {
      case T.INDIRECT_INT: return this.int(at, w);
      case T.INDIRECT_UINT: return this.uint(at, w);
      case T.INDIRECT_FLOAT: return this.float(at, w);
      case T.KEY: return this.key(at);
      case T.STRING: { const n = Number(this.uint(at - w, w)); this.check(at, n); return this.dec.decode(this.b.subarray(at, at + n)); }
      case T.BLOB: { const n = Number(this.uint(at - w, w)); this.check(at, n); return this.b.subarray(at, at + n); }
      case T.MAP: return this.map(at, w);
      case T.VECTOR: return this.vector(at, w);
      default: return this.typedVector(at, w, type);
    }
  }

  vector(at: number, w: number): FlexValue[] {
    const n = Number(this.uint(at - w, w));
    const types = at + n * w;
    this.check(types, n);
    const out: FlexValue[] = [];
    for (let i = 0; i < n; i++) out.push(this.value(at + i * w, w, this.b[types + i]!));
    return out;
  }

  map(at: number, w: number): { [key: string]: FlexValue } {
    const n = Number(this.uint(at - w, w));
    const keysWidth = Number(this.uint(at - 2 * w, w));
    const keys = this.indirect(at - 3 * w, w);
    const values = this.vector(at, w);
    const out: { [key: string]: FlexValue } = {};
    for (let i = 0; i < n; i++) out[this.key(this.indirect(keys + i * keysWidth, keysWidth))] = values[i]!;
    return out;
  }

  typedVector(at: number, w: number, type: number): FlexValue[] {
    let n: number;
    let elem: number;
    if (type >= T.VECTOR_INT && type <= T.VECTOR_STRING_DEPRECATED) { n = Number(this.uint(at - w, w)); elem = type - T.VECTOR_INT + T.INT; }
    else if (type === T.VECTOR_BOOL) { n = Number(this.uint(at - w, w)); elem = T.BOOL; }
    else if (type >= T.VECTOR_INT2 && type < T.VECTOR_INT4 + 3) {
      const k = type - T.VECTOR_INT2;
      n = 2 + Math.floor(k / 3);
      elem = (k % 3) + T.INT;
    } else throw new RuntimeError('BAD_MODEL', `custom options flexbuffer has an unknown type ${type}`);
    const out: FlexValue[] = [];
    for (let i = 0; i < n; i++) {
      const off = at + i * w;
      if (elem === T.KEY || elem === T.STRING) out.push(this.key(this.indirect(off, w)));
      else out.push(this.value(off, w, (elem << 2) | Math.log2(w)));
    }
    return out;
  }
}

/** Decodes a flexbuffer (e.g. a custom op's `customOptions`) into plain values. */
export function readFlexbuffer(bytes: Uint8Array): FlexValue {
  if (bytes.byteLength < 3) throw new RuntimeError('BAD_MODEL', `custom options flexbuffer is too short (${bytes.byteLength} bytes)`);
  const r = new Reader(bytes);
  const rootWidth = bytes[bytes.byteLength - 1]!;
  const packed = bytes[bytes.byteLength - 2]!;
  if (![1, 2, 4, 8].includes(rootWidth)) throw new RuntimeError('BAD_MODEL', `custom options flexbuffer has a bad root width ${rootWidth}`);
  return r.value(bytes.byteLength - 2 - rootWidth, rootWidth, packed);
}

/** Decodes a flexbuffer map (what TFLite custom ops use for options); an empty buffer is {}. */
export function readFlexbufferMap(bytes: Uint8Array | undefined): Record<string, FlexValue> {
  if (!bytes || bytes.byteLength === 0) return {};
  const v = readFlexbuffer(bytes);
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Uint8Array) {
    throw new RuntimeError('BAD_MODEL', 'custom options are not a flexbuffer map');
  }
  return v;
}
