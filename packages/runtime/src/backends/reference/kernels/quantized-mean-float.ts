// Quantized MEAN as the TFLite build that real deployments of this era run (tfjs-tflite, whose
// XNNPACK delegate leaves int8/int16 MEAN to TFLite's own kernel): QuantizedMeanOrSum computing in
// float32 — mean = float(Σq) / n, then round_half_away(mean · (s_in/s_out) − z_in · (s_in/s_out))
// + z_out, clamped — where newer TFLite (and quantized-mean-sum.ts) rescales in fixed point. The two
// differ by 1 LSB on a few elements; requantization mode 'xnnpack' uses this one.
import type { KernelContext, Tensor } from '../../../kernel';
import { intRange } from '../fixed-point';
import { nums, qp } from './elementwise-utils';
import type { ReducePlan } from './reduce-utils';

export function quantizedMeanFloat(ctx: KernelContext, plan: ReducePlan, out: Tensor): void {
  const f = Math.fround;
  const qi = qp(ctx.inputs[0]!, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
  const x = nums(ctx.inputs[0]!), z = nums(out);
  const n = plan.count;
  if (n === 0) return;
  const sums = new Float64Array(plan.outSize);
  for (let i = 0; i < x.length; i++) sums[plan.outIndex[i]!] += x[i]!;
  const scale = f(f(qi.scale) / f(qo.scale));
  const bias = f(-qi.zeroPoint * scale);
  const [lo, hi] = intRange(out.dtype);
  for (let o = 0; o < plan.outSize; o++) {
    const m = f(f(sums[o]! | 0) / f(n));
    const r = f(f(m * scale) + bias);
    const v = Math.sign(r) * Math.round(Math.abs(r)) + qo.zeroPoint;
    z[o] = v < lo ? lo : v > hi ? hi : v;
  }
}
