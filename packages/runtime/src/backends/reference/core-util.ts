// Small helpers shared by the core (data movement / control flow) reference kernels.
import type { DType, Node } from '../../ir';
import type { Tensor, TypedArray } from '../../kernel';
import { RuntimeError } from '../../errors';
import { numberAt, sizeOf, stridesOf } from '../../dtypes';

export { sizeOf, stridesOf, numberAt };

/** Element-wise copyable data: same-dtype tensors can move values with plain indexing. */
export type AnyData = { [i: number]: unknown; length: number };

export function dataOf(t: Tensor): AnyData {
  return t.data as unknown as AnyData;
}

/** Dtypes that pure data-movement kernels can handle (everything with a typed array or strings). */
export const MOVABLE_DTYPES: readonly DType[] = ['f32', 'f16', 'bf16', 'f64', 'i4', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'bool', 'string', 'complex64', 'complex128'];

/** supports() for kernels that move data of any dtype: checks input `i` (default 0). */
export function supportsDtypes(dtypes: readonly DType[], input = 0): (node: Node) => true | string {
  return (node) => {
    const v = node.inputs[input];
    if (!v) return `input ${input} is missing`;
    return dtypes.includes(v.dtype) ? true : `dtype ${v.dtype} of input ${input} is not supported (supported: ${dtypes.join(', ')})`;
  };
}

/** The integer values of an index/shape tensor. */
export function ints(t: Tensor | undefined, what: string): number[] {
  if (!t) throw new RuntimeError('BAD_MODEL', `${what} is missing`);
  if (Array.isArray(t.data)) throw new RuntimeError('BAD_MODEL', `${what} must be an integer tensor, got ${t.dtype}`);
  const out = new Array<number>(t.data.length);
  for (let i = 0; i < out.length; i++) out[i] = numberAt(t.data, i);
  return out;
}

/** A scalar input's value as a number. */
export function scalar(t: Tensor | undefined, what: string): number {
  const v = ints(t, what);
  if (v.length < 1) throw new RuntimeError('BAD_MODEL', `${what} is empty`);
  return v[0]!;
}

/** Normalizes a possibly negative axis; throws when out of range. */
export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!(a >= 0 && a < rank)) throw new RuntimeError('SHAPE_MISMATCH', `${what} ${axis} is out of range for rank ${rank}`);
  return a;
}

/** Copies `t` into a freshly allocated output 0 of `shape` (reshape-like ops). */
export function copyInto(out: Tensor, src: Tensor): void {
  if (Array.isArray(out.data)) { for (let i = 0; i < src.data.length; i++) out.data[i] = src.data[i] as string; return; }
  (out.data as TypedArray & { set(a: ArrayLike<number | bigint>): void }).set(src.data as never);
}

/** Calls fn(outIndex, coords) for every element of `shape` in row-major order (coords reused). */
export function forEachIndex(shape: readonly number[], fn: (i: number, coords: number[]) => void): void {
  const n = sizeOf(shape);
  const coords = new Array<number>(shape.length).fill(0);
  for (let i = 0; i < n; i++) {
    fn(i, coords);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d]! < shape[d]!) break;
      coords[d] = 0;
    }
  }
}

/**
 * out[i] = src[base + Σ coords(i)[d]·strides[d]] for every index i of `shape` (row-major), i.e. a
 * strided block copy. Adjacent dims that stay contiguous in `src` are merged, and unit-stride
 * rows of typed arrays are copied with `set`.
 */
export function stridedCopy(out: AnyData, src: AnyData, base: number, strides: readonly number[], shape: readonly number[]): void {
  if (sizeOf(shape) === 0) return;
  const dims: number[] = [], st: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = dims.length - 1;
    if (k >= 0 && st[k] === strides[d]! * shape[d]!) {
      dims[k]! *= shape[d]!;
      st[k] = strides[d]!;
    } else {
      dims.push(shape[d]!);
      st.push(strides[d]!);
    }
  }
  const rank = dims.length;
  const len = rank ? dims[rank - 1]! : 1, step = rank ? st[rank - 1]! : 0;
  const rows = sizeOf(dims) / len;
  const typed = ArrayBuffer.isView(out) && ArrayBuffer.isView(src) && step === 1 && len >= 32;
  const coords = new Array<number>(Math.max(0, rank - 1)).fill(0);
  for (let r = 0, o = 0, off = base; r < rows; r++, o += len) {
    if (typed) (out as unknown as Uint8Array).set((src as unknown as Uint8Array).subarray(off, off + len), o);
    else for (let k = 0, s = off; k < len; k++, s += step) out[o + k] = src[s];
    for (let d = rank - 2; d >= 0; d--) {
      if (++coords[d]! < dims[d]!) {
        off += st[d]!;
        break;
      }
      off -= st[d]! * (dims[d]! - 1);
      coords[d] = 0;
    }
  }
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

export function fail(node: Node, message: string): never {
  throw new RuntimeError('SHAPE_MISMATCH', `${node.op} '${node.name}': ${message}`, [node.name]);
}

/** The float clamp range of a fused activation ('NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'). */
export function activationRange(act: unknown): [number, number] {
  switch (act) {
    case 'RELU': return [0, Infinity];
    case 'RELU6': return [0, 6];
    case 'RELU_N1_TO_1': return [-1, 1];
    default: return [-Infinity, Infinity];
  }
}

/** Integer range of a quantized dtype. */
export function qRange(dtype: DType): [number, number] {
  switch (dtype) {
    case 'i8': return [-128, 127];
    case 'u8': return [0, 255];
    case 'i16': return [-32768, 32767];
    case 'u16': return [0, 65535];
    case 'i4': return [-8, 7];
    default: return [-2147483648, 2147483647];
  }
}

/** Whether the two tensors' quantization differs (so values must be requantized). */
export function quantDiffers(a: Tensor, b: Tensor): boolean {
  if (!a.quant || !b.quant) return false;
  return a.quant.scale[0] !== b.quant.scale[0] || a.quant.zeroPoint[0] !== b.quant.zeroPoint[0];
}

/** Whether the dtype holds quantized integers (its values are not used as plain numbers). */
export function isQuantizedInt(t: Tensor): boolean {
  return (t.dtype === 'i8' || t.dtype === 'u8' || t.dtype === 'i16') && t.quant !== undefined && t.quant.scale.length > 0;
}

/**
 * Requantizes from `from`'s to `to`'s parameters like TFLite's ConcatenationWithScaling, in
 * float32: scale = s_in * (1 / s_out), bias = -zp_in * scale, q' = round(q * scale + bias) + zp_out.
 */
export function requantizer(from: Tensor, to: Tensor): (q: number) => number {
  const f = Math.fround;
  const scale = f(f(from.quant!.scale[0]!) * f(1 / f(to.quant!.scale[0]!)));
  const bias = f(-from.quant!.zeroPoint[0]! * scale);
  const zp = to.quant!.zeroPoint[0]!;
  const [lo, hi] = qRange(to.dtype);
  return (q) => Math.min(hi, Math.max(lo, roundHalfAway(f(f(q * scale) + bias)) + zp));
}

/** std::round: halves away from zero. */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
