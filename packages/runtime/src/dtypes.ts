// Typed-array helpers per dtype, shared by the interpreter and every kernel.
import type { DType, Shape } from './ir';
import type { Tensor, TypedArray } from './kernel';
import { RuntimeError } from './errors';

type Ctor = { new (n: number): TypedArray; new (b: ArrayBufferLike, off: number, n: number): TypedArray; BYTES_PER_ELEMENT: number };

const CTORS: Partial<Record<DType, Ctor>> = {
  f32: Float32Array, f16: Uint16Array, bf16: Uint16Array, f64: Float64Array,
  i8: Int8Array, u8: Uint8Array, i16: Int16Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array,
  i64: BigInt64Array, u64: BigUint64Array, bool: Uint8Array,
  // i4 tensors are unpacked to one value per Int8Array element; resource/variant hold an Int32Array handle.
  i4: Int8Array, resource: Int32Array, variant: Int32Array,
  complex64: Float32Array, complex128: Float64Array,
};

/** Elements of the typed array per logical element (complex numbers take two). */
export function lanesOf(dtype: DType): number {
  return dtype === 'complex64' || dtype === 'complex128' ? 2 : 1;
}

/** Bytes per element in memory (i4 is unpacked to one byte). */
export function elementBytes(dtype: DType): number {
  if (dtype === 'string') return 0;
  return CTORS[dtype]!.BYTES_PER_ELEMENT * lanesOf(dtype);
}

export function typedArrayCtor(dtype: DType): Ctor {
  const c = CTORS[dtype];
  if (!c) throw new RuntimeError('BAD_ARGUMENT', `dtype '${dtype}' has no typed array`);
  return c;
}

/** A fresh zeroed array of `n` elements of `dtype` (string: an array of empty strings). */
export function allocData(dtype: DType, n: number): TypedArray | string[] {
  if (dtype === 'string') return new Array<string>(n).fill('');
  return new (typedArrayCtor(dtype))(n * lanesOf(dtype));
}

/** A typed view of `bytes` (zero-copy when aligned) holding `n` elements of `dtype`. */
export function viewData(dtype: DType, buffer: ArrayBufferLike, byteOffset: number, n: number): TypedArray {
  const C = typedArrayCtor(dtype);
  return new C(buffer, byteOffset, n * lanesOf(dtype));
}

/** Number of elements of a static shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Whether every dim of `shape` is a known non-negative number. */
export function isStatic(shape: Shape | undefined): shape is readonly number[] {
  return shape !== undefined && shape.every((d) => typeof d === 'number' && d >= 0);
}

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** Reads element `i` of any numeric tensor as a number (bigints converted). */
export function numberAt(data: TypedArray | string[], i: number): number {
  const v = data[i];
  return typeof v === 'bigint' ? Number(v) : (v as number);
}

/** The values of an integer tensor (i32/i64/…) as plain numbers. */
export function toNumbers(t: Tensor): number[] {
  const out = new Array<number>(t.data.length);
  for (let i = 0; i < t.data.length; i++) out[i] = numberAt(t.data, i);
  return out;
}

/** Writes a number into element `i` of a typed array of any dtype (bigint arrays get BigInt). */
export function setNumber(data: TypedArray, i: number, v: number): void {
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(Math.trunc(v));
  else (data as Float32Array)[i] = v;
}

/** Whether a dtype is a float type held as numbers in its typed array. */
export function isFloat(dtype: DType): boolean {
  return dtype === 'f32' || dtype === 'f64';
}

/** Whether a dtype is held in a bigint array. */
export function isBig(dtype: DType): boolean {
  return dtype === 'i64' || dtype === 'u64';
}
