// How tensor data is laid out in GPU buffers, both ways: f32 as f16 under precision 'f16', bool
// as one u32 per element, i32 as Int32Array, everything padded to a multiple of 4 bytes.
import type { DType } from '../../ir';
import type { TypedArray } from '../../kernel';
import { RuntimeError } from '../../errors';
import { f16ToF32, f32ToF16 } from '../../half';
import { GPU_DTYPES } from './kernel';

export function checkGpuDtype(dtype: DType, name: string): void {
  if (!GPU_DTYPES.includes(dtype)) throw new RuntimeError('KERNEL_FAILED', `tensor '${name}' of dtype ${dtype} cannot live on the GPU`, [name]);
}

/** Bytes per element of a GPU tensor of `dtype`. */
export function bytesOf(dtype: DType, f16: boolean): number {
  return dtype === 'f32' && f16 ? 2 : 4;
}

/** CPU tensor data as a GPU buffer holds it. */
export function toGpuData(dtype: DType, data: TypedArray, f16: boolean): ArrayBufferView {
  if (dtype === 'f32' && f16) {
    const h = new Uint16Array(data.length + (data.length & 1));
    for (let i = 0; i < data.length; i++) h[i] = f32ToF16(data[i] as number);
    return h;
  }
  if (dtype === 'i32' && !(data instanceof Int32Array)) return Int32Array.from(data as ArrayLike<number>, Number);
  if (dtype === 'bool') return Uint32Array.from(data as Uint8Array, (b) => (b ? 1 : 0));
  if (data.byteLength % 4 !== 0) { const c = new Uint8Array(Math.ceil(data.byteLength / 4) * 4); c.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)); return c; }
  return data;
}

/** Fills the first `n` elements of `data` (a CPU tensor's data of `dtype`) from `raw`, the mapped bytes of a GPU buffer. */
export function fromGpuData(dtype: DType, raw: ArrayBuffer, n: number, data: TypedArray, f16: boolean): void {
  if (dtype === 'f32' && f16) {
    const h = new Uint16Array(raw, 0, n);
    for (let j = 0; j < n; j++) (data as Float32Array)[j] = f16ToF32(h[j]!);
  } else if (dtype === 'bool') {
    const w = new Uint32Array(raw, 0, n);
    for (let j = 0; j < n; j++) data[j] = w[j] ? 1 : 0;
  } else data.set(new (data.constructor as Int32ArrayConstructor)(raw, 0, n) as never);
}
