// tfl.REDUCE_PROD over the constant axes (input 1), `keepDims`: f32 in float32, i32 wrapping, i64;
// i8/i16 quantized as TFLite: every factor (q − z_in) is multiplied into an int32 accumulator that
// is rescaled at each step by s_in / s_out^(1/n) (n = reduced elements), then z_out is added.
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { bigs, nums, qp } from './elementwise-utils';
import { reduceKernel } from './reduce-utils';

export const reduceProd = reduceKernel('tfl.REDUCE_PROD', ['f32', 'i8', 'i16', 'i32', 'i64'], (ctx, plan, out) => {
  const a = ctx.inputs[0]!;
  if (a.dtype === 'i64') {
    const x = bigs(a), z = bigs(out);
    z.fill(1n);
    for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] = BigInt.asIntN(64, z[plan.outIndex[i]!]! * x[i]!);
    return;
  }
  const x = nums(a), z = nums(out);
  if (a.dtype === 'i8' || a.dtype === 'i16') {
    const qi = qp(a, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    // the scaling depends on the reduction size, known once the plan is
    const { multiplier, shift } = quantizeMultiplier(qi.scale / Math.pow(qo.scale, 1 / plan.count));
    const acc = new Int32Array(plan.outSize).fill(1);
    for (let i = 0; i < x.length; i++) {
      const o = plan.outIndex[i]!;
      acc[o] = multiplyByQuantizedMultiplier(Math.imul(acc[o]!, x[i]! - qi.zeroPoint), multiplier, shift);
    }
    const [lo, hi] = intRange(a.dtype);
    for (let o = 0; o < plan.outSize; o++) {
      const v = acc[o]! + qo.zeroPoint;
      z[o] = v < lo ? lo : v > hi ? hi : v;
    }
    return;
  }
  z.fill(1);
  if (a.dtype === 'i32') for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] = Math.imul(z[plan.outIndex[i]!]!, x[i]!);
  else for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] *= x[i]!;
});
