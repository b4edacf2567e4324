// Weight and bias quantization (symmetric int8 weights, per-channel or per-tensor; int32/int64 bias).
import type { QuantParams } from '@liteml/graph-ir';
import { roundHalfAway } from './numeric';

export interface QuantizedWeights {
  q: Int8Array;
  quant: QuantParams;
}

/**
 * Symmetric int8 in [-127, 127], zero point 0; per channel along `axis` (TFLite's quantized
 * dimension) or per tensor when `axis` is undefined.
 */
export function quantizeWeights(w: Float32Array, shape: readonly number[], axis: number | undefined): QuantizedWeights {
  const channels = axis === undefined ? 1 : shape[axis] ?? 1;
  let inner = 1;
  if (axis !== undefined) for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  const maxAbs = new Float64Array(channels);
  for (let i = 0; i < w.length; i++) {
    const c = axis === undefined ? 0 : Math.floor(i / inner) % channels;
    const a = Math.abs(w[i]!);
    if (a > maxAbs[c]!) maxAbs[c] = a;
  }
  // An all-zero channel gets scale 1 (any scale represents it exactly).
  const scale = Array.from(maxAbs, (m) => (m > 0 ? m / 127 : 1));
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const c = axis === undefined ? 0 : Math.floor(i / inner) % channels;
    const v = roundHalfAway(w[i]! / scale[c]!);
    q[i] = v > 127 ? 127 : v < -127 ? -127 : v;
  }
  const quant: QuantParams = { scale, zeroPoint: scale.map(() => 0) };
  if (axis !== undefined) quant.axis = axis;
  return { q, quant };
}

/** Bias with scale input_scale × weight_scale[c], zero point 0, as int32 or int64. */
export function quantizeBias(b: Float32Array, inputScale: number, weightScales: readonly number[], dtype: 'i32' | 'i64'):
  { data: Int32Array | BigInt64Array; quant: QuantParams } {
  const perChannel = weightScales.length > 1;
  const scale = perChannel ? weightScales.map((s) => s * inputScale) : [weightScales[0]! * inputScale];
  const lim = dtype === 'i32' ? 2147483647 : Number.MAX_SAFE_INTEGER;
  const data = dtype === 'i32' ? new Int32Array(b.length) : new BigInt64Array(b.length);
  for (let i = 0; i < b.length; i++) {
    const s = scale[perChannel ? i : 0]!;
    let v = s > 0 ? roundHalfAway(b[i]! / s) : 0;
    v = Math.max(-lim, Math.min(lim, v));
    if (data instanceof Int32Array) data[i] = v;
    else data[i] = BigInt(v);
  }
  const quant: QuantParams = { scale, zeroPoint: scale.map(() => 0) };
  if (perChannel) quant.axis = 0;
  return { data, quant };
}
