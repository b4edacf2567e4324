// Integer and quantization helpers of the NN kernels (conv family, FC, batch matmul, pools,
// RNN/LSTM/SVDF), written to match TFLite's reference kernels bit for bit. 32x32→64-bit products
// are done in exact double arithmetic on split halves, never with BigInt (see ../fixed-point.ts).
import type { DType } from '../../../ir';
import {
  multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierInt64, multiplyByQuantizedMultiplierSmallerThanOneExp,
  invSqrtQuantizedMultiplierExp as fpInvSqrt, quantizeMultiplier as fpQuantizeMultiplier, roundHalfAway, roundingDivideByPOT, srdhm,
} from '../fixed-point';

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

// The shared integer math (docs/contracts.md: backends/reference/fixed-point.ts), re-exported
// under the names the NN kernels use.
export {
  roundHalfAway, roundingDivideByPOT, srdhm as saturatingRoundingDoublingHighMul,
  multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierInt64 as multiplyByQuantizedMultiplier64,
  multiplyByQuantizedMultiplierSmallerThanOneExp,
};

/**
 * TFLite's QuantizeMultiplier as a [multiplier, shift] pair (m ≈ multiplier · 2^(shift − 31)),
 * including its saturation of shifts above 30.
 */
export function quantizeMultiplier(m: number): [multiplier: number, shift: number] {
  const q = fpQuantizeMultiplier(m);
  if (q.shift > 30) return [INT32_MAX, 30];
  return [q.multiplier, q.shift];
}

/** [min, max] of an integer dtype. */
export function dtypeRange(dtype: DType): [number, number] {
  switch (dtype) {
    case 'i8': return [-128, 127];
    case 'u8': return [0, 255];
    case 'i16': return [-32768, 32767];
    case 'u16': return [0, 65535];
    case 'i4': return [-8, 7];
    case 'i32': return [INT32_MIN, INT32_MAX];
    default: return [-Infinity, Infinity];
  }
}

export type Activation = 'NONE' | 'RELU' | 'RELU_N1_TO_1' | 'RELU6' | 'TANH' | 'SIGN_BIT';

/** TFLite's CalculateActivationRange for float outputs. */
export function activationRangeFloat(act: Activation): [number, number] {
  switch (act) {
    case 'RELU': return [0, Infinity];
    case 'RELU6': return [0, 6];
    case 'RELU_N1_TO_1': return [-1, 1];
    default: return [-Infinity, Infinity];
  }
}

/** TFLite's CalculateActivationRangeQuantized (zero point + round(f / scale) in float). */
export function activationRangeQuantized(act: Activation, dtype: DType, scale: number, zeroPoint: number): [number, number] {
  const [qmin, qmax] = dtypeRange(dtype);
  const q = (f: number): number => zeroPoint + roundHalfAway(Math.fround(f / scale));
  switch (act) {
    case 'RELU': return [Math.max(qmin, q(0)), qmax];
    case 'RELU6': return [Math.max(qmin, q(0)), Math.min(qmax, q(6))];
    case 'RELU_N1_TO_1': return [Math.max(qmin, q(-1)), Math.min(qmax, q(1))];
    default: return [qmin, qmax];
  }
}

/** Applies a float fused activation that is not a clamp (TANH, SIGN_BIT) — rare in TFLite models. */
export function applyActivationFloat(act: Activation, x: number, lo: number, hi: number): number {
  if (act === 'TANH') return Math.tanh(x);
  if (act === 'SIGN_BIT') return x < 0 ? 1 : 0; // TFLite: signbit
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * TFLite's SymmetricQuantizeFloats on `values[off, off+n)` into `out[off, …)`; returns the
 * scaling factor (float32).
 */
export function symmetricQuantizeFloats(values: Float32Array, off: number, n: number, out: Int8Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[off + i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = n === 0 ? 0 : Math.max(Math.abs(min), Math.abs(max));
  if (range === 0) {
    out.fill(0, off, off + n);
    return 1;
  }
  const inv = Math.fround(127 / range);
  for (let i = 0; i < n; i++) {
    const q = roundHalfAway(Math.fround(values[off + i]! * inv));
    out[off + i] = q > 127 ? 127 : q < -127 ? -127 : q;
  }
  return Math.fround(range / 127);
}

/**
 * TFLite's AsymmetricQuantizeFloats to int8 on `values[off, off+n)`; returns
 * [scaling factor (float32), zero point].
 */
export function asymmetricQuantizeFloats(values: Float32Array, off: number, n: number, out: Int8Array): [number, number] {
  let vmin = Infinity;
  let vmax = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[off + i]!;
    if (v < vmin) vmin = v;
    if (v > vmax) vmax = v;
  }
  const rmin = Math.min(0, n === 0 ? 0 : vmin);
  const rmax = Math.max(0, n === 0 ? 0 : vmax);
  if (rmin === rmax) {
    out.fill(0, off, off + n);
    return [1, 0];
  }
  const scale = (rmax - rmin) / 255;
  const zpFromMin = -128 - rmin / scale;
  const zpFromMax = 127 - rmax / scale;
  const errMin = 128 + Math.abs(rmin / scale);
  const errMax = 127 + Math.abs(rmax / scale);
  const zpDouble = errMin < errMax ? zpFromMin : zpFromMax;
  const zp = zpDouble <= -128 ? -128 : zpDouble >= 127 ? 127 : roundHalfAway(zpDouble);
  const sf = Math.fround(scale);
  const inv = Math.fround(1 / sf);
  for (let i = 0; i < n; i++) {
    const q = roundHalfAway(Math.fround(zp + Math.fround(values[off + i]! * inv)));
    out[off + i] = q > 127 ? 127 : q < -128 ? -128 : q;
  }
  return [sf, zp];
}

/** Per-channel (or per-tensor, broadcast) requantization multipliers of a conv/FC-like op. */
export interface ChannelMultipliers {
  multiplier: Int32Array;
  shift: Int32Array;
}

/**
 * effective_scale[c] = inputScale · filterScale[c] / outputScale (in double, as TFLite's
 * PopulateConvolutionQuantizationParams), quantized per channel.
 */
export function channelMultipliers(inputScale: number, filterScales: readonly number[], outputScale: number, channels: number): ChannelMultipliers {
  const multiplier = new Int32Array(channels);
  const shift = new Int32Array(channels);
  for (let c = 0; c < channels; c++) {
    const fs = filterScales.length === 1 ? filterScales[0]! : filterScales[c]!;
    const [m, s] = quantizeMultiplier((inputScale * fs) / outputScale);
    multiplier[c] = m;
    shift[c] = s;
  }
  return { multiplier, shift };
}

/** TFLite's GetInvSqrtQuantizedMultiplierExp (../fixed-point.ts) as a [multiplier, shift] pair. */
export function invSqrtQuantizedMultiplierExp(input: number, reverseShift: number): [multiplier: number, shift: number] {
  const q = fpInvSqrt(input, reverseShift);
  return [q.multiplier, q.shift];
}

/**
 * How the int8/uint8 conv-family and FC kernels requantize their int32 accumulators:
 * - 'tflite' (default): TFLite's reference kernels, MultiplyByQuantizedMultiplier (fixed-point,
 *   double rounding);
 * - 'xnnpack': what TFLite's default XNNPACK delegate computes for the same ops: the accumulator
 *   times the float32 scale input·weights/output, rounded half to even. Real TFLite deployments
 *   (and the goldens in shared/models) run quantized CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV and
 *   FULLY_CONNECTED through XNNPACK, so this mode reproduces them bit for bit.
 * Process-wide; int16 (16x8) kernels always follow TFLite's reference arithmetic.
 */
export type Requantization = 'tflite' | 'xnnpack';
let requantization: Requantization = 'tflite';
export function setRequantization(mode: Requantization): void {
  requantization = mode;
}
export function getRequantization(): Requantization {
  return requantization;
}

/** XNNPACK's fp32 requantization: round-half-even of float32(acc) · scale (float32). */
export function requantizeFp32(acc: number, scale: number): number {
  const f = Math.fround(Math.fround(acc) * scale);
  const r = Math.round(f);
  return r - f === 0.5 && (r & 1) !== 0 ? r - 1 : r;
}
