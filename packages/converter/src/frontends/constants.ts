// TensorFlow tensors (TensorProto, checkpoint and tfjs weights) → constant data for graph-ir Values:
// raw little-endian bytes, strings in TFLite's string-tensor layout.
import type { DType } from '@liteml/graph-ir';
import { decodeTensor, ModelFormatError, shapeDims, tfDataTypeToElementType, tfElementByteSize } from '@liteml/schema';
import type { TensorProto, TfTensor } from '@liteml/schema';
import { ConversionError } from '../errors';

/** A decoded constant: what a constant Value carries. */
export interface ConstantData {
  dtype: DType;
  shape: number[];
  data: Uint8Array;
}

/** Byte arrays in TFLite's string-tensor layout (count, offsets, bytes). */
export function encodeStringBytes(items: readonly Uint8Array[]): Uint8Array {
  const header = 4 * (items.length + 2);
  const out = new Uint8Array(header + items.reduce((s, b) => s + b.length, 0));
  const dv = new DataView(out.buffer);
  dv.setInt32(0, items.length, true);
  let off = header;
  items.forEach((b, i) => {
    dv.setInt32(4 + 4 * i, off, true);
    out.set(b, off);
    off += b.length;
  });
  dv.setInt32(4 + 4 * items.length, off, true);
  return out;
}

/** A decoded TF tensor (schema's `TfTensor`) as constant data. */
export function tfTensorToConstant(t: TfTensor, where: string): ConstantData {
  if (t.dtype === 'string') {
    const enc = new TextEncoder();
    const items = t.bytes ?? (t.data as string[]).map((s) => enc.encode(s));
    return { dtype: 'string', shape: [...t.shape], data: encodeStringBytes(items) };
  }
  if (t.dtype === 'resource' || t.dtype === 'variant') {
    throw new ConversionError('UNSUPPORTED_DTYPE', `'${where}': ${t.dtype} constants cannot be imported`, [where]);
  }
  const d = t.data as Exclude<TfTensor['data'], string[]>;
  return { dtype: t.dtype, shape: [...t.shape], data: new Uint8Array(d.buffer, d.byteOffset, d.byteLength) };
}

/** A TensorProto as constant data (zero-copy for `tensor_content`). Throws ConversionError naming `where`. */
export function tensorToConstant(t: TensorProto, where: string): ConstantData {
  try {
    if (t.tensorContent.length > 0) {
      const dtype = tfDataTypeToElementType(t.dtype, where);
      const shape = shapeDims(t.tensorShape, where);
      const size = tfElementByteSize(dtype);
      if (size > 0 && dtype !== 'i4' && t.tensorContent.length === shape.reduce((a, b) => a * b, 1) * size) {
        return { dtype, shape, data: t.tensorContent };
      }
    }
    return tfTensorToConstant(decodeTensor(t, where), where);
  } catch (e) {
    if (e instanceof ModelFormatError) throw new ConversionError('BAD_MODEL', `constant '${where}': ${e.message}`, [where], { cause: e });
    throw e;
  }
}
