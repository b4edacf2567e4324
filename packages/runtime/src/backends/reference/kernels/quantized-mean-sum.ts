// TFLite's integer MEAN / SUM of quantized tensors (QuantizedMeanOrSum): raw values summed in
// int32, the zero point removed (sum − z_in·n), then rescaled by s_in/s_out — for MEAN with 1/n
// folded into the multiplier (multiplier·2^k / n, shift − k, k = ⌊log2 n⌋ capped at 32 and at
// 31 + shift) — plus z_out, clamped.
import type { KernelContext, Tensor } from '../../../kernel';
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { nums, qp } from './elementwise-utils';
import type { ReducePlan } from './reduce-utils';

export function prepareQuantizedMeanSum(ctx: KernelContext): void {
  const qi = qp(ctx.inputs[0]!, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
  ctx.cache['q'] = { ...quantizeMultiplier(qi.scale / qo.scale), zi: qi.zeroPoint, zo: qo.zeroPoint };
}

export function quantizedMeanOrSum(ctx: KernelContext, plan: ReducePlan, out: Tensor, mean: boolean): void {
  const q = ctx.cache['q'] as { multiplier: number; shift: number; zi: number; zo: number };
  const x = nums(ctx.inputs[0]!), z = nums(out);
  const sums = new Float64Array(plan.outSize);
  for (let i = 0; i < x.length; i++) sums[plan.outIndex[i]!] += x[i]!;
  const n = plan.count;
  if (n === 0) return;
  let { multiplier, shift } = q;
  if (mean) {
    let k = 31 - Math.clz32(n);
    if (n >= 2 ** 32) k = Math.floor(Math.log2(n));
    k = Math.min(k, 32, 31 + shift);
    multiplier = Number((BigInt(multiplier) << BigInt(k)) / BigInt(n));
    shift -= k;
  }
  const [lo, hi] = intRange(out.dtype);
  for (let o = 0; o < plan.outSize; o++) {
    const v = multiplyByQuantizedMultiplier((sums[o]! - q.zi * n) | 0, multiplier, shift) + q.zo;
    z[o] = v < lo ? lo : v > hi ? hi : v;
  }
}
