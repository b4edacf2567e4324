// REDUCE_MAX / REDUCE_MIN: raw-value extremes (quantized inputs share the output's parameters).
// As TFLite: start from the type's lowest (highest) value and keep `in > cur ? in : cur`, so an
// empty reduction gives that bound and NaNs never win.
import type { KernelConfig } from '../../../kernel';
import { intRange } from '../fixed-point';
import { bigs, nums } from './elementwise-utils';
import { reduceKernel } from './reduce-utils';

const FLT_MAX = 3.4028234663852886e38;

export function minMaxReduceKernel(op: string, isMax: boolean): KernelConfig {
  return reduceKernel(op, ['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], (ctx, plan, out) => {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'i64') {
      const x = bigs(a), z = bigs(out);
      z.fill(isMax ? -(2n ** 63n) : 2n ** 63n - 1n);
      for (let i = 0; i < x.length; i++) {
        const o = plan.outIndex[i]!, v = x[i]!;
        if (isMax ? v > z[o]! : v < z[o]!) z[o] = v;
      }
      return;
    }
    const x = nums(a), z = nums(out);
    const [lo, hi] = a.dtype === 'f32' ? [-FLT_MAX, FLT_MAX] : intRange(a.dtype);
    z.fill(isMax ? lo : hi);
    for (let i = 0; i < x.length; i++) {
      const o = plan.outIndex[i]!, v = x[i]!;
      if (isMax ? v > z[o]! : v < z[o]!) z[o] = v;
    }
  });
}
