// Tensors for constant values: zero-copy typed views into the model bytes where aligned.
import type { DType, Value } from './ir';
import type { Tensor, TypedArray } from './kernel';
import { allocData, lanesOf, sizeOf, typedArrayCtor } from './dtypes';
import { RuntimeError } from './errors';

/** Decodes TFLite's string-tensor buffer: int32 count, count+1 int32 offsets, then the bytes. */
export function decodeStrings(bytes: Uint8Array): string[] {
  if (bytes.byteLength < 4) return [];
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = dv.getInt32(0, true);
  const dec = new TextDecoder();
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const a = dv.getInt32(4 + 4 * i, true);
    const b = dv.getInt32(8 + 4 * i, true);
    out[i] = dec.decode(bytes.subarray(a, b));
  }
  return out;
}

/** A typed array of `n` elements over `bytes`: a view when aligned, a copy otherwise. */
export function typedFromBytes(dtype: DType, bytes: Uint8Array, n: number): TypedArray {
  if (dtype === 'i4') {
    // Two signed 4-bit values per byte, low nibble first; unpacked to one Int8 per value.
    const out = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const b = bytes[i >> 1]!;
      const nib = i & 1 ? b >> 4 : b & 15;
      out[i] = nib >= 8 ? nib - 16 : nib;
    }
    return out;
  }
  const C = typedArrayCtor(dtype);
  const count = n * lanesOf(dtype);
  const need = count * C.BYTES_PER_ELEMENT;
  if (bytes.byteLength < need) {
    throw new RuntimeError('BAD_MODEL', `constant needs ${need} bytes for ${n} ${dtype} values but its buffer has ${bytes.byteLength}`);
  }
  if (bytes.byteOffset % C.BYTES_PER_ELEMENT === 0) return new C(bytes.buffer, bytes.byteOffset, count);
  const copy = new Uint8Array(need);
  copy.set(bytes.subarray(0, need));
  return new C(copy.buffer, 0, count);
}

/** The tensor of a constant value (`value.data` set). */
export function constantTensor(value: Value): Tensor {
  const shape = (value.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 0));
  const data = value.data!;
  let tdata: TypedArray | string[];
  if (value.dtype === 'string') tdata = decodeStrings(data);
  else if (data.byteLength === 0 && sizeOf(shape) > 0) tdata = allocData(value.dtype, sizeOf(shape));
  else tdata = typedFromBytes(value.dtype, data, sizeOf(shape));
  return { name: value.name, dtype: value.dtype, shape, data: tdata, quant: value.quant };
}
