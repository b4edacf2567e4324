// TensorProto ⇄ { dtype, shape, data }: tensor_content bytes or the typed *_val fields
// (a shorter value list is completed by repeating its last value, as TensorFlow does).
import { ModelFormatError } from '../errors';
import type { DataType, ResourceHandleProto, TensorProto, TensorShapeProto, VariantTensorDataProto } from '../generated/tf/types';
import { allocTyped, elementTypeToTfDataType, tfDataTypeToElementType, tfElementByteSize, typedFromBytes } from './dtypes';
import type { TfElementType, TfTypedArray } from './dtypes';

/** A decoded TensorFlow tensor. Typed arrays follow docs/contracts.md (f16/bf16 raw bits, i64 BigInt64Array, bool 0/1). */
export interface TfTensor {
  dtype: TfElementType;
  /** The TensorFlow DataType name (`DT_QUINT8`, `DT_HALF`, …) for callers that need the exact kind. */
  tfDtype: DataType | number;
  shape: number[];
  /** Elements in row-major order; `string[]` (UTF-8 decoded) for DT_STRING, empty for resource/variant. */
  data: TfTypedArray | string[];
  /** DT_STRING only: the raw bytes of each element (TF strings may be binary). */
  bytes?: Uint8Array[];
  /** DT_RESOURCE only. */
  resources?: ResourceHandleProto[];
  /** DT_VARIANT only. */
  variants?: VariantTensorDataProto[];
}

const MAX_ELEMENTS = 2 ** 31;
/** Tensors whose values are implied (splat / zero-filled) are materialized only up to this size. */
const MAX_IMPLIED_ELEMENTS = 2 ** 28;

/** Dimension sizes of a fully known shape; throws for unknown rank or unknown (-1) dimensions. */
export function shapeDims(shape: TensorShapeProto | undefined, where?: string): number[] {
  if (!shape) return [];
  if (shape.unknownRank) throw new ModelFormatError('BAD_VALUE', 'tensor shape has unknown rank', where);
  return shape.dim.map((d, i) => {
    const s = Number(d.size);
    if (!Number.isSafeInteger(s) || s < 0) throw new ModelFormatError('BAD_VALUE', `dimension ${i} has invalid size ${String(d.size)}`, where);
    return s;
  });
}

export function elementCount(dims: readonly number[], where?: string): number {
  let n = 1;
  for (const d of dims) n *= d;
  if (n > MAX_ELEMENTS) throw new ModelFormatError('TOO_LARGE', `tensor of ${n} elements is too large`, where);
  return n;
}

/** Fills `out` (n elements, `width` numbers each) from `vals`, splatting the last value. */
function fillFrom<T extends number | bigint | boolean>(out: TfTypedArray, vals: readonly T[], n: number, width: number, conv: (v: T) => number | bigint, where?: string): void {
  if (vals.length === 0) return;
  if (vals.length > n * width) throw new ModelFormatError('BAD_LENGTH', `${vals.length / width} values for a tensor of ${n} elements`, where);
  if (vals.length % width !== 0) throw new ModelFormatError('BAD_LENGTH', 'complex values must come in (real, imaginary) pairs', where);
  const o = out as unknown as { [i: number]: number | bigint };
  for (let i = 0; i < vals.length; i++) o[i] = conv(vals[i]!);
  for (let i = vals.length; i < n * width; i++) o[i] = o[i - width]!;
}

const toNum = (v: number | bigint | boolean): number => Number(v);
const toBig = (v: number | bigint | boolean): bigint => (typeof v === 'bigint' ? v : BigInt(Number(v)));

/** Decodes a TensorProto's values. Throws ModelFormatError (BAD_VALUE / BAD_LENGTH / TOO_LARGE). */
export function decodeTensor(t: TensorProto, where?: string): TfTensor {
  const dtype = tfDataTypeToElementType(t.dtype, where);
  const shape = shapeDims(t.tensorShape, where);
  const n = elementCount(shape, where);
  const base = { dtype, tfDtype: t.dtype, shape };
  if (dtype === 'string') {
    if (n > MAX_IMPLIED_ELEMENTS) throw new ModelFormatError('TOO_LARGE', `string tensor of ${n} elements is too large`, where);
    if (t.stringVal.length > n) throw new ModelFormatError('BAD_LENGTH', `${t.stringVal.length} strings for a tensor of ${n} elements`, where);
    const bytes: Uint8Array[] = [];
    for (let i = 0; i < n; i++) bytes.push(t.stringVal[Math.min(i, t.stringVal.length - 1)] ?? new Uint8Array(0));
    const dec = new TextDecoder();
    return { ...base, data: bytes.map((b) => dec.decode(b)), bytes };
  }
  if (dtype === 'resource') return { ...base, data: new Uint8Array(0), resources: t.resourceHandleVal };
  if (dtype === 'variant') return { ...base, data: new Uint8Array(0), variants: t.variantVal };
  if (t.tensorContent.length > 0) {
    return { ...base, data: typedFromBytes(dtype, t.tensorContent, n, where) };
  }
  if (n > MAX_IMPLIED_ELEMENTS) throw new ModelFormatError('TOO_LARGE', `refusing to expand ${n} implied elements`, where);
  const out = allocTyped(dtype, n);
  switch (dtype) {
    case 'f32': fillFrom(out, t.floatVal, n, 1, toNum, where); break;
    case 'f64': fillFrom(out, t.doubleVal, n, 1, toNum, where); break;
    case 'complex64': fillFrom(out, t.scomplexVal, n, 2, toNum, where); break;
    case 'complex128': fillFrom(out, t.dcomplexVal, n, 2, toNum, where); break;
    case 'f16': case 'bf16': fillFrom(out, t.halfVal, n, 1, (v) => Number(v) & 0xffff, where); break;
    case 'i64': fillFrom(out, t.int64Val, n, 1, toBig, where); break;
    case 'u64': fillFrom(out, t.uint64Val, n, 1, (v) => BigInt.asUintN(64, toBig(v)), where); break;
    case 'u32': fillFrom(out, t.uint32Val, n, 1, toNum, where); break;
    case 'bool': fillFrom(out, t.boolVal, n, 1, (v) => (v ? 1 : 0), where); break;
    default: fillFrom(out, t.intVal, n, 1, toNum, where); break; // i32, i16, u16, i8, u8, i4 and quantized
  }
  return { ...base, data: out };
}

/** Input of `encodeTensor`: strings as `string[]` or raw `Uint8Array[]`. */
export interface TfTensorInput {
  dtype: TfElementType;
  shape: readonly number[];
  data: TfTypedArray | readonly string[] | readonly Uint8Array[];
}

/** Builds a TensorProto: fixed-size types as little-endian `tensor_content`, strings as `string_val`. */
export function encodeTensor(t: TfTensorInput): TensorProto {
  const n = elementCount(t.shape);
  const proto = emptyTensorProto(elementTypeToTfDataType(t.dtype), t.shape);
  if (t.dtype === 'string') {
    const arr = t.data as readonly (string | Uint8Array)[];
    if (arr.length !== n) throw new ModelFormatError('BAD_LENGTH', `${arr.length} strings for shape [${t.shape.join(',')}]`);
    const enc = new TextEncoder();
    proto.stringVal = arr.map((s) => (typeof s === 'string' ? enc.encode(s) : s));
    return proto;
  }
  const data = t.data as TfTypedArray;
  const width = t.dtype === 'complex64' || t.dtype === 'complex128' ? 2 : 1;
  if (!ArrayBuffer.isView(data) || data.length !== n * width) {
    throw new ModelFormatError('BAD_LENGTH', `${t.dtype} tensor of shape [${t.shape.join(',')}] needs ${n * width} values`);
  }
  if (tfElementByteSize(t.dtype) === 0) throw new ModelFormatError('BAD_VALUE', `cannot encode ${t.dtype} tensor values`);
  proto.tensorContent = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return proto;
}

/** A TensorProto with every field at its default except dtype and shape. */
export function emptyTensorProto(dtype: DataType, shape: readonly number[]): TensorProto {
  return {
    dtype, tensorShape: { dim: shape.map((size) => ({ size, name: '' })), unknownRank: false }, versionNumber: 0,
    tensorContent: new Uint8Array(0), halfVal: [], floatVal: [], doubleVal: [], intVal: [], stringVal: [],
    scomplexVal: [], int64Val: [], boolVal: [], dcomplexVal: [], resourceHandleVal: [], variantVal: [],
    uint32Val: [], uint64Val: [], float8Val: new Uint8Array(0),
  };
}
