import { IRError } from './errors';

/** Element types of IR values (docs/contracts.md). */
export type DType =
  | 'f32' | 'f16' | 'bf16' | 'f64' | 'i4' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64'
  | 'bool' | 'string' | 'complex64' | 'complex128' | 'resource' | 'variant';

/** Every DType, in a stable order. */
export const DTYPES: readonly DType[] = [
  'f32', 'f16', 'bf16', 'f64', 'i4', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64',
  'bool', 'string', 'complex64', 'complex128', 'resource', 'variant',
];

const BYTE_SIZE: Record<DType, number> = {
  f32: 4, f16: 2, bf16: 2, f64: 8, i4: 0.5, i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8,
  bool: 1, string: 0, complex64: 8, complex128: 16, resource: 0, variant: 0,
};

export function isDType(s: unknown): s is DType {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(BYTE_SIZE, s);
}

/**
 * Bytes per element: 0.5 for `i4` (two per byte, packed), 0 for types without a fixed size
 * (`string`, `resource`, `variant`).
 */
export function dtypeByteSize(dtype: DType): number {
  const n = BYTE_SIZE[dtype];
  if (n === undefined) throw new IRError('UNSUPPORTED_DTYPE', `unknown dtype '${String(dtype)}'`);
  return n;
}

export function isFloatDType(d: DType): boolean {
  return d === 'f32' || d === 'f16' || d === 'bf16' || d === 'f64';
}
export function isIntDType(d: DType): boolean {
  return d === 'i4' || d === 'i8' || d === 'u8' || d === 'i16' || d === 'u16' || d === 'i32' || d === 'u32' || d === 'i64' || d === 'u64';
}

/** The typed array a dtype's data is viewed as (docs/contracts.md, runtime kernels). */
export type TypedArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array;

type ArrayCtor = { new (buf: ArrayBufferLike, offset: number, length: number): TypedArray; BYTES_PER_ELEMENT: number };

const VIEW: Partial<Record<DType, ArrayCtor>> = {
  f32: Float32Array, f16: Uint16Array, bf16: Uint16Array, f64: Float64Array, i8: Int8Array, u8: Uint8Array,
  i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, i64: BigInt64Array, u64: BigUint64Array,
  bool: Uint8Array, complex64: Float32Array, complex128: Float64Array, resource: Uint8Array, variant: Uint8Array,
};

/**
 * A typed view of constant bytes: f32 Float32Array, f16/bf16 Uint16Array (raw bits), i64
 * BigInt64Array, bool Uint8Array (0/1), complex64 Float32Array (re, im interleaved) …
 * Zero-copy when the bytes are aligned for the element size, a copy otherwise.
 * `i4` is unpacked (low nibble first, sign-extended) into a new Int8Array; `string` decodes the
 * TFLite string-tensor layout (int32 count, int32 offsets, bytes) into `string[]`.
 */
export function typedArrayOf(v: { dtype: DType; data?: Uint8Array; name?: string }): TypedArray | string[] {
  const data = v.data;
  if (!data) {
    throw new IRError('INVALID_GRAPH', `value '${v.name ?? '?'}' has no constant data`, { values: v.name ? [v.name] : [] });
  }
  if (v.dtype === 'string') return decodeStrings(data, v.name);
  if (v.dtype === 'i4') {
    const out = new Int8Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      const b = data[i]!;
      out[2 * i] = ((b & 0x0f) << 28) >> 28;
      out[2 * i + 1] = ((b >> 4) << 28) >> 28;
    }
    return out;
  }
  const Ctor = VIEW[v.dtype];
  if (!Ctor) throw new IRError('UNSUPPORTED_DTYPE', `cannot view dtype '${v.dtype}' as a typed array`);
  const size = Ctor.BYTES_PER_ELEMENT;
  if (data.byteLength % size !== 0) {
    throw new IRError('INVALID_GRAPH', `value '${v.name ?? '?'}': ${data.byteLength} bytes is not a multiple of ${size} (${v.dtype})`, {
      values: v.name ? [v.name] : [],
    });
  }
  if (data.byteOffset % size === 0) return new Ctor(data.buffer, data.byteOffset, data.byteLength / size);
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return new Ctor(copy.buffer, 0, data.byteLength / size);
}

/** The raw little-endian bytes of a typed array (zero-copy), or the TFLite encoding of strings. */
export function bytesOf(data: TypedArray | readonly string[]): Uint8Array {
  if (Array.isArray(data)) return encodeStrings(data as readonly string[]);
  const t = data as TypedArray;
  return new Uint8Array(t.buffer, t.byteOffset, t.byteLength);
}

function decodeStrings(data: Uint8Array, name?: string): string[] {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const bad = () => new IRError('INVALID_GRAPH', `string tensor '${name ?? '?'}' has a malformed buffer`, { values: name ? [name] : [] });
  if (data.byteLength < 4) throw bad();
  const n = dv.getInt32(0, true);
  if (n < 0 || 4 * (n + 2) > data.byteLength) throw bad();
  const dec = new TextDecoder();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = dv.getInt32(4 + 4 * i, true);
    const b = dv.getInt32(8 + 4 * i, true);
    if (a < 0 || b < a || b > data.byteLength) throw bad();
    out.push(dec.decode(data.subarray(a, b)));
  }
  return out;
}

/** Encodes strings in the TFLite string-tensor layout. */
export function encodeStrings(strings: readonly string[]): Uint8Array {
  const enc = new TextEncoder();
  const parts = strings.map((s) => enc.encode(s));
  const header = 4 * (strings.length + 2);
  const total = header + parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, strings.length, true);
  let off = header;
  parts.forEach((p, i) => {
    dv.setInt32(4 + 4 * i, off, true);
    out.set(p, off);
    off += p.length;
  });
  dv.setInt32(4 + 4 * strings.length, off, true);
  return out;
}

// ---- TFLite TensorType <-> DType (values of schema.fbs `enum TensorType : byte`) ----
const TFLITE_TYPES: readonly (DType | undefined)[] = [
  'f32', 'f16', 'i32', 'u8', 'i64', 'string', 'bool', 'i16', 'complex64', 'i8', 'f64', 'complex128', 'u64',
  'resource', 'variant', 'u32', 'u16', 'i4', 'bf16',
];

/** DType of a TFLite `TensorType` value; throws IRError(UNSUPPORTED_DTYPE) for types liteml lacks. */
export function dtypeFromTflite(tensorType: number, where?: string): DType {
  const d = TFLITE_TYPES[tensorType];
  if (!d) {
    throw new IRError('UNSUPPORTED_DTYPE', `TFLite tensor type ${tensorType}${where ? ` of '${where}'` : ''} is not supported`, {
      values: where ? [where] : [],
    });
  }
  return d;
}

/** The TFLite `TensorType` value of a DType. */
export function dtypeToTflite(dtype: DType): number {
  const i = TFLITE_TYPES.indexOf(dtype);
  if (i < 0) throw new IRError('UNSUPPORTED_DTYPE', `dtype '${dtype}' has no TFLite tensor type`);
  return i;
}

// ---- TensorFlow DataType (types.proto) <-> DType ----
const TF_TYPES: Record<number, DType> = {
  1: 'f32', 2: 'f64', 3: 'i32', 4: 'u8', 5: 'i16', 6: 'i8', 7: 'string', 8: 'complex64', 9: 'i64', 10: 'bool',
  11: 'i8' /* qint8 */, 12: 'u8' /* quint8 */, 13: 'i32' /* qint32 */, 14: 'bf16', 15: 'i16' /* qint16 */,
  16: 'u16' /* quint16 */, 17: 'u16', 18: 'complex128', 19: 'f16', 20: 'resource', 21: 'variant', 22: 'u32',
  23: 'u64', 29: 'i4',
};
const TF_OF: Record<DType, number> = {
  f32: 1, f64: 2, i32: 3, u8: 4, i16: 5, i8: 6, string: 7, complex64: 8, i64: 9, bool: 10, bf16: 14, u16: 17,
  complex128: 18, f16: 19, resource: 20, variant: 21, u32: 22, u64: 23, i4: 29,
};

/**
 * DType of a TensorFlow `DataType` value. Reference types (`DT_FLOAT_REF` = 101 …) map like
 * their base type; quantized types map to their storage type (DT_QINT8 → 'i8').
 */
export function dtypeFromTf(dataType: number, where?: string): DType {
  const base = dataType > 100 ? dataType - 100 : dataType;
  const d = TF_TYPES[base];
  if (!d) {
    throw new IRError('UNSUPPORTED_DTYPE', `TensorFlow DataType ${dataType}${where ? ` of '${where}'` : ''} is not supported`, {
      values: where ? [where] : [],
    });
  }
  return d;
}

/** The TensorFlow `DataType` value of a DType. */
export function dtypeToTf(dtype: DType): number {
  const n = TF_OF[dtype];
  if (n === undefined) throw new IRError('UNSUPPORTED_DTYPE', `dtype '${dtype}' has no TensorFlow DataType`);
  return n;
}
