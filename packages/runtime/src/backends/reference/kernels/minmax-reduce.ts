// REDUCE_MAX / REDUCE_MIN: raw-value extremes (quantized inputs share the output's parameters).
import type { KernelConfig } from '../../../kernel';
import { intRange } from '../fixed-point';
import { bigs, nums } from './elementwise-utils';
import { reduceKernel } from './reduce-utils';

export function minMaxReduceKernel(op: string, isMax: boolean): KernelConfig {
  return reduceKernel(op, ['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], (ctx, plan, out) => {
    const a = ctx.inputs[0]!;
    const seen = new Uint8Array(plan.outSize);
    if (a.dtype === 'i64') {
      const x = bigs(a), z = bigs(out);
      for (let i = 0; i < x.length; i++) {
        const o = plan.outIndex[i]!;
        if (!seen[o] || (isMax ? x[i]! > z[o]! : x[i]! < z[o]!)) { z[o] = x[i]!; seen[o] = 1; }
      }
      return;
    }
    const x = nums(a), z = nums(out);
    // empty reductions give the identity (−∞/+∞ for floats, the type's bounds for ints)
    const [tlo, thi] = a.dtype === 'f32' ? [-Infinity, Infinity] : intRange(a.dtype);
    z.fill(isMax ? tlo : thi);
    for (let i = 0; i < x.length; i++) {
      const o = plan.outIndex[i]!, v = x[i]!;
      if (!seen[o] || (isMax ? v > z[o]! : v < z[o]!)) { z[o] = v; seen[o] = 1; }
    }
  });
}
