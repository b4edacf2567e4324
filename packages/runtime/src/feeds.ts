// Turning what users pass to run() into tensors, with clear errors for wrong dtype/shape.
import type { DType, QuantParams } from './ir';
import type { Tensor, TypedArray } from './kernel';
import { allocData, sizeOf, typedArrayCtor } from './dtypes';
import { RuntimeError } from './errors';

/** What run() accepts per input: a Tensor, `{ data, shape? }`, a typed array or plain numbers/strings. */
export type TensorLike =
  | Tensor
  | { data: TypedArray | ArrayLike<number> | readonly bigint[] | readonly string[]; shape?: readonly number[]; dtype?: DType | string }
  | TypedArray
  | readonly number[]
  | readonly bigint[]
  | readonly string[];

const DTYPE_NAMES = new Set<string>(['f32', 'f16', 'bf16', 'f64', 'i4', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'bool', 'string', 'complex64', 'complex128', 'resource', 'variant']);

export interface TensorInfo {
  name: string;
  index: number;
  dtype: DType;
  shape: number[];
  shapeSignature: number[];
  quant?: QuantParams;
}

/** Converts a feed to a tensor matching `info` (dtype) with its own or the current shape. */
export function toTensor(feed: TensorLike, info: TensorInfo): Tensor {
  const where = `input '${info.name}' (#${info.index}, ${info.dtype} [${info.shape.join(', ')}])`;
  let data: unknown;
  let shape: readonly number[] | undefined;
  let dtype: string | undefined;
  if (ArrayBuffer.isView(feed) || Array.isArray(feed)) data = feed;
  else if (feed && typeof feed === 'object' && 'data' in feed) {
    data = feed.data;
    shape = feed.shape;
    dtype = feed.dtype;
  } else throw new RuntimeError('BAD_INPUT', `${where}: expected a typed array, an array or { data, shape }, got ${typeof feed}`, [info.name]);
  // Only liteml dtype names are compared (e.g. a readNpy() result says 'f4'; its typed array is checked below).
  if (dtype !== undefined && DTYPE_NAMES.has(dtype) && dtype !== info.dtype) {
    throw new RuntimeError('BAD_INPUT', `${where}: got a ${dtype} tensor; convert it to ${info.dtype} first`, [info.name]);
  }
  const n = (data as ArrayLike<unknown>).length;
  if (shape === undefined) {
    if (n !== sizeOf(info.shape)) {
      throw new RuntimeError('BAD_INPUT', `${where}: got ${n} values but the input holds ${sizeOf(info.shape)}; pass { data, shape } (and resizeInput for another shape)`, [info.name]);
    }
    shape = info.shape;
  } else {
    if (!shape.every((d) => Number.isInteger(d) && d >= 0)) throw new RuntimeError('BAD_INPUT', `${where}: invalid shape [${shape.join(', ')}]`, [info.name]);
    if (sizeOf(shape) !== n) throw new RuntimeError('BAD_INPUT', `${where}: shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${n}`, [info.name]);
    const sig = info.shapeSignature;
    const same = shape.length === info.shape.length && shape.every((d, i) => d === info.shape[i]);
    const fitsSignature = shape.length === sig.length && shape.every((d, i) => sig[i] === -1 || sig[i] === d);
    if (!same && !fitsSignature) {
      throw new RuntimeError('BAD_INPUT', `${where}: got shape [${shape.join(', ')}]; call resizeInput('${info.name}', [${shape.join(', ')}]) first to run with another shape`, [info.name]);
    }
  }
  return { name: info.name, dtype: info.dtype, shape: [...shape], data: convertData(data, info, where), quant: info.quant };
}

function convertData(data: unknown, info: TensorInfo, where: string): TypedArray | string[] {
  if (info.dtype === 'string') {
    if (!Array.isArray(data)) throw new RuntimeError('BAD_INPUT', `${where}: string inputs take an array of strings`, [info.name]);
    return data.map(String);
  }
  const C = typedArrayCtor(info.dtype);
  if (ArrayBuffer.isView(data)) {
    if (data instanceof C) return data as TypedArray;
    throw new RuntimeError('BAD_INPUT', `${where}: got a ${data.constructor.name}, expected a ${C.name} for ${info.dtype}`, [info.name]);
  }
  const arr = data as ArrayLike<number | bigint | boolean>;
  const out = allocData(info.dtype, arr.length) as TypedArray;
  const big = out instanceof BigInt64Array || out instanceof BigUint64Array;
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i]!;
    if (typeof v === 'string') throw new RuntimeError('BAD_INPUT', `${where}: got strings for a ${info.dtype} input`, [info.name]);
    (out as Float64Array)[i] = (big ? BigInt(v as number) : Number(v)) as number;
  }
  return out;
}
