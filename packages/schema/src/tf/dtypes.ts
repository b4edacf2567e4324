// TensorFlow DataType names ↔ liteml's element-type strings (the same strings as graph-ir's DType).
import { ModelFormatError } from '../errors';
import type { DataType } from '../generated/tf/types';

/** Element types as liteml names them (identical to @liteml/graph-ir's `DType`). */
export type TfElementType =
  | 'f32' | 'f16' | 'bf16' | 'f64' | 'i4' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'u64'
  | 'bool' | 'string' | 'complex64' | 'complex128' | 'resource' | 'variant';

const BY_TF: Record<string, TfElementType> = {
  DT_FLOAT: 'f32', DT_DOUBLE: 'f64', DT_INT32: 'i32', DT_UINT8: 'u8', DT_INT16: 'i16', DT_INT8: 'i8',
  DT_STRING: 'string', DT_COMPLEX64: 'complex64', DT_INT64: 'i64', DT_BOOL: 'bool',
  DT_QINT8: 'i8', DT_QUINT8: 'u8', DT_QINT32: 'i32', DT_BFLOAT16: 'bf16', DT_QINT16: 'i16',
  DT_QUINT16: 'u16', DT_UINT16: 'u16', DT_COMPLEX128: 'complex128', DT_HALF: 'f16',
  DT_RESOURCE: 'resource', DT_VARIANT: 'variant', DT_UINT32: 'u32', DT_UINT64: 'u64', DT_INT4: 'i4',
};

const TO_TF: Record<TfElementType, DataType> = {
  f32: 'DT_FLOAT', f64: 'DT_DOUBLE', i32: 'DT_INT32', u8: 'DT_UINT8', i16: 'DT_INT16', i8: 'DT_INT8',
  string: 'DT_STRING', complex64: 'DT_COMPLEX64', i64: 'DT_INT64', bool: 'DT_BOOL', bf16: 'DT_BFLOAT16',
  u16: 'DT_UINT16', complex128: 'DT_COMPLEX128', f16: 'DT_HALF', resource: 'DT_RESOURCE',
  variant: 'DT_VARIANT', u32: 'DT_UINT32', u64: 'DT_UINT64', i4: 'DT_INT4',
};

/** `DT_FLOAT` → `f32`; `_REF` types map like their base type. Throws for types liteml cannot hold. */
export function tfDataTypeToElementType(dt: DataType | number, where?: string): TfElementType {
  let name = typeof dt === 'number' ? String(dt) : dt;
  if (name.endsWith('_REF')) name = name.slice(0, -4);
  const t = BY_TF[name];
  if (!t) throw new ModelFormatError('BAD_VALUE', `unsupported TensorFlow dtype ${name}`, where);
  return t;
}

/** `f32` → `DT_FLOAT`. */
export function elementTypeToTfDataType(t: TfElementType): DataType {
  return TO_TF[t];
}

/** Bytes per element of fixed-size types (0 for string/resource/variant; i4 packs two per byte). */
export function tfElementByteSize(t: TfElementType): number {
  switch (t) {
    case 'f64': case 'i64': case 'u64': case 'complex64': return 8;
    case 'complex128': return 16;
    case 'f32': case 'i32': case 'u32': return 4;
    case 'f16': case 'bf16': case 'i16': case 'u16': return 2;
    case 'i8': case 'u8': case 'bool': case 'i4': return 1;
    default: return 0;
  }
}

export type TfTypedArray =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array
  | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

/** A typed array of `n` elements for fixed-size type `t` (complex types hold interleaved re/im). */
export function allocTyped(t: TfElementType, n: number): TfTypedArray {
  try {
    return allocUnchecked(t, n);
  } catch (e) {
    if (e instanceof RangeError) throw new ModelFormatError('TOO_LARGE', `cannot allocate a ${t} tensor of ${n} elements`);
    throw e;
  }
}

function allocUnchecked(t: TfElementType, n: number): TfTypedArray {
  switch (t) {
    case 'f32': return new Float32Array(n);
    case 'f64': return new Float64Array(n);
    case 'complex64': return new Float32Array(2 * n);
    case 'complex128': return new Float64Array(2 * n);
    case 'i8': case 'i4': return new Int8Array(n);
    case 'u8': case 'bool': return new Uint8Array(n);
    case 'i16': return new Int16Array(n);
    case 'f16': case 'bf16': case 'u16': return new Uint16Array(n);
    case 'i32': return new Int32Array(n);
    case 'u32': return new Uint32Array(n);
    case 'i64': return new BigInt64Array(n);
    case 'u64': return new BigUint64Array(n);
    default: throw new ModelFormatError('BAD_VALUE', `no typed array for element type ${t}`);
  }
}

/** Copies little-endian bytes into a fresh typed array of type `t` (always aligned, always a copy). */
export function typedFromBytes(t: TfElementType, bytes: Uint8Array, n: number, where?: string): TfTypedArray {
  const need = n * tfElementByteSize(t);
  if (bytes.byteLength !== need) {
    throw new ModelFormatError('BAD_LENGTH', `${t} tensor of ${n} elements needs ${need} bytes, found ${bytes.byteLength}`, where);
  }
  const out = allocTyped(t, n);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
