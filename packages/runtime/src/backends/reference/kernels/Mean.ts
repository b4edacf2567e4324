// tfl.MEAN over the constant axes (input 1), `keepDims`. f32 sums in float32 then divides; i32/i64
// integer division; i8/u8/i16 with TFLite's integer QuantizedMeanOrSum, except TFLite's special
// case of a 4-D mean over axes {1, 2} with keepDims (global average pooling), which has its own
// rounding: i8/i16 rescale Σ(q − z_in) by s_in/s_out then divide by n rounding half away from zero;
// u8 rescales Σq by s_in/(n·s_out) and adds a bias computed in float32. Requantization mode
// 'xnnpack' (matching real tfjs-tflite) uses that build's float32 QuantizedMeanOrSum for the rest.
import type { KernelContext, Tensor } from '../../../kernel';
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { bigs, nums, qp } from './elementwise-utils';
import { getRequantization } from './nn-quant-utils';
import { quantizedMeanFloat } from './quantized-mean-float';
import { prepareQuantizedMeanSum, quantizedMeanOrSum } from './quantized-mean-sum';
import { reducesInnermost, reductionAxes, reduceKernel, type ReducePlan } from './reduce-utils';

function isHwMean(ctx: KernelContext): boolean {
  const axes = reductionAxes(ctx);
  return ctx.attrs['keepDims'] === true && ctx.inputs[0]!.shape.length === 4 && axes.length === 2 && axes[0] === 1 && axes[1] === 2;
}

function hwMean(ctx: KernelContext, plan: ReducePlan, out: Tensor): void {
  const a = ctx.inputs[0]!;
  const qi = qp(a, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
  const x = nums(a), z = nums(out);
  const n = plan.count;
  const sums = new Float64Array(plan.outSize);
  const [lo, hi] = intRange(out.dtype);
  if (a.dtype === 'u8') {
    for (let i = 0; i < x.length; i++) sums[plan.outIndex[i]!] += x[i]!;
    const temp = Math.fround(Math.fround(qi.zeroPoint * qi.scale) / qo.scale);
    const bias = qo.zeroPoint - Math.trunc(temp > 0 ? Math.fround(temp + 0.5) : Math.fround(temp - 0.5));
    const { multiplier, shift } = quantizeMultiplier(Math.fround(qi.scale / Math.fround(n * qo.scale)));
    for (let o = 0; o < plan.outSize; o++) {
      const v = multiplyByQuantizedMultiplier(sums[o]! | 0, multiplier, shift) + bias;
      z[o] = v < lo ? lo : v > hi ? hi : v;
    }
    return;
  }
  for (let i = 0; i < x.length; i++) sums[plan.outIndex[i]!] += x[i]! - qi.zeroPoint;
  const { multiplier, shift } = quantizeMultiplier(qi.scale / qo.scale);
  const half = Math.trunc(n / 2);
  for (let o = 0; o < plan.outSize; o++) {
    const acc = multiplyByQuantizedMultiplier(sums[o]! | 0, multiplier, shift);
    const v = Math.trunc(acc > 0 ? (acc + half) / n : (acc - half) / n) + qo.zeroPoint;
    z[o] = v < lo ? lo : v > hi ? hi : v;
  }
}

/** f32 mean: each output's elements summed in input order in float32, then divided. */
function meanF32(x: Float32Array, z: Float32Array, plan: ReducePlan, innermost: boolean): void {
  const n = plan.count;
  if (innermost) {
    for (let o = 0, i = 0; o < plan.outSize; o++) {
      let s = 0;
      for (const end = i + n; i < end; i++) s = Math.fround(s + x[i]!);
      z[o] = s / n;
    }
    return;
  }
  const acc = new Float32Array(plan.outSize), idx = plan.outIndex;
  for (let i = 0; i < x.length; i++) acc[idx[i]!] += x[i]!;
  for (let o = 0; o < plan.outSize; o++) z[o] = acc[o]! / n;
}

/** i32 mean: float64 sums in input order, truncating division. */
function meanI32(x: Int32Array, z: Int32Array, plan: ReducePlan, innermost: boolean): void {
  const n = plan.count;
  if (innermost) {
    for (let o = 0, i = 0; o < plan.outSize; o++) {
      let s = 0;
      for (const end = i + n; i < end; i++) s += x[i]!;
      z[o] = Math.trunc(s / n);
    }
    return;
  }
  const acc = new Float64Array(plan.outSize), idx = plan.outIndex;
  for (let i = 0; i < x.length; i++) acc[idx[i]!] += x[i]!;
  for (let o = 0; o < plan.outSize; o++) z[o] = Math.trunc(acc[o]! / n);
}

export const mean = reduceKernel('tfl.MEAN', ['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], (ctx, plan, out) => {
  const a = ctx.inputs[0]!;
  if (a.dtype === 'i8' || a.dtype === 'u8' || a.dtype === 'i16') {
    if (isHwMean(ctx)) hwMean(ctx, plan, out);
    else if (getRequantization() === 'xnnpack') quantizedMeanFloat(ctx, plan, out);
    else quantizedMeanOrSum(ctx, plan, out, true);
    return;
  }
  if (a.dtype === 'i64') {
    const x = bigs(a), z = bigs(out);
    const acc = new Array<bigint>(plan.outSize).fill(0n);
    for (let i = 0; i < x.length; i++) acc[plan.outIndex[i]!]! += x[i]!;
    for (let o = 0; o < plan.outSize; o++) z[o] = plan.count ? acc[o]! / BigInt(plan.count) : 0n;
    return;
  }
  if (a.dtype === 'i32') meanI32(a.data as Int32Array, out.data as Int32Array, plan, reducesInnermost(ctx));
  else meanF32(a.data as Float32Array, out.data as Float32Array, plan, reducesInnermost(ctx));
}, (ctx) => {
  const d = ctx.inputs[0]!.dtype;
  if (d === 'i8' || d === 'u8' || d === 'i16') prepareQuantizedMeanSum(ctx);
});
