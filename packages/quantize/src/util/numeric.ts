// Number formats: quantization parameters, rounding, float16 bits.
import type { DType, QuantParams } from '@liteml/graph-ir';

/** Rounds half away from zero (std::round, what TFLite's quantizer uses). */
export function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function intRange(dtype: DType, narrow = false): [number, number] {
  switch (dtype) {
    case 'i8': return [narrow ? -127 : -128, 127];
    case 'u8': return [narrow ? 1 : 0, 255];
    case 'i16': return [narrow ? -32767 : -32768, 32767];
    case 'i32': return [-2147483648, 2147483647];
    default: throw new Error(`no integer range for ${dtype}`);
  }
}

/** Asymmetric (affine) parameters covering [min, max] (always including 0), TFLite's ChooseQuantizationParams. */
export function affineParams(min: number, max: number, dtype: 'i8' | 'u8'): QuantParams {
  const [qmin, qmax] = intRange(dtype);
  let lo = Math.min(min, 0);
  let hi = Math.max(max, 0);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`non-finite range [${min}, ${max}]`);
  if (hi - lo < 1e-9) { lo = 0; hi = 1e-6 * (qmax - qmin); }
  const scale = (hi - lo) / (qmax - qmin);
  const zpFromMin = qmin - lo / scale;
  const zpFromMax = qmax - hi / scale;
  const errMin = Math.abs(qmin) + Math.abs(lo / scale);
  const errMax = Math.abs(qmax) + Math.abs(hi / scale);
  const zpReal = errMin < errMax ? zpFromMin : zpFromMax;
  const zp = Math.min(qmax, Math.max(qmin, roundHalfAway(zpReal)));
  return { scale: [scale], zeroPoint: [zp], min: [min], max: [max] };
}

/**
 * Asymmetric parameters whose integer grid covers all of [min, max] (and 0): the smallest scale for
 * which some integer zero point represents both ends. TFLite's nudging rounds the zero point of
 * the (max − min) / 255 grid and so clips one end by up to half a step (for [-1, 1]: 1 → 0.996,
 * and inputs made from 8-bit pixels all land halfway between two levels); this costs at most a
 * step of 1/255 of the range more.
 */
export function coveringParams(min: number, max: number, dtype: 'i8' | 'u8'): QuantParams {
  const p = affineParams(min, max, dtype);
  const [qmin, qmax] = intRange(dtype);
  const lo = Math.min(min, 0), hi = Math.max(max, 0);
  const s0 = p.scale[0]!;
  if (hi - lo < 1e-9 || ((qmin - p.zeroPoint[0]!) * s0 <= lo && (qmax - p.zeroPoint[0]!) * s0 >= hi)) return p;
  let best = { scale: Infinity, zp: 0 };
  const zpReal = qmin - lo / s0;
  for (const zp of [Math.floor(zpReal), Math.ceil(zpReal) + 0]) {
    if (zp < qmin || zp > qmax) continue;
    const s = Math.max(zp > qmin ? -lo / (zp - qmin) : lo < 0 ? Infinity : 0, zp < qmax ? hi / (qmax - zp) : hi > 0 ? Infinity : 0);
    if (s > 0 && s < best.scale) best = { scale: s, zp };
  }
  if (!Number.isFinite(best.scale)) return p;
  return { scale: [best.scale], zeroPoint: [best.zp], min: [min], max: [max] };
}

/** Symmetric parameters (zero point 0) for activations (int16) covering [min, max]. */
export function symmetricParams(min: number, max: number, dtype: 'i8' | 'i16'): QuantParams {
  const qmax = dtype === 'i16' ? 32767 : 127;
  let bound = Math.max(Math.abs(min), Math.abs(max));
  if (!Number.isFinite(bound)) throw new Error(`non-finite range [${min}, ${max}]`);
  if (bound < 1e-9) bound = 1e-6 * qmax;
  return { scale: [bound / qmax], zeroPoint: [0], min: [min], max: [max] };
}

/** Quantizes floats with per-tensor affine parameters. */
export function quantizeArray(x: ArrayLike<number>, scale: number, zeroPoint: number, dtype: 'i8' | 'u8' | 'i16'): Int8Array | Uint8Array | Int16Array {
  const [qmin, qmax] = intRange(dtype);
  const out = dtype === 'i8' ? new Int8Array(x.length) : dtype === 'u8' ? new Uint8Array(x.length) : new Int16Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const q = roundHalfAway(x[i]! / scale) + zeroPoint;
    out[i] = q < qmin ? qmin : q > qmax ? qmax : q;
  }
  return out;
}

/** Dequantizes integers with (per-tensor or per-axis) parameters. */
export function dequantizeArray(q: ArrayLike<number>, shape: readonly number[], quant: QuantParams): Float32Array {
  const out = new Float32Array(q.length);
  if (quant.scale.length <= 1) {
    const s = quant.scale[0] ?? 1;
    const z = quant.zeroPoint[0] ?? 0;
    for (let i = 0; i < q.length; i++) out[i] = (q[i]! - z) * s;
    return out;
  }
  const axis = quant.axis ?? 0;
  const channels = shape[axis] ?? 1;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  for (let i = 0; i < q.length; i++) {
    const c = Math.floor(i / inner) % channels;
    out[i] = (q[i]! - (quant.zeroPoint[c] ?? 0)) * quant.scale[c]!;
  }
  return out;
}

/** IEEE binary16 bits of a number (round to nearest even; overflow to ±Inf), and back: the runtime's. */
export { f32ToF16 as toFloat16Bits, f16ToF32 as float16BitsToNumber } from '@liteml/runtime';
