// tfl.BUCKETIZE: the index of the bucket of every value given sorted `boundaries` (the number of
// boundaries ≤ x), as int32.
import { kernel, nums, supportsDtypes } from './elementwise-utils';

export const bucketize = kernel('tfl.BUCKETIZE', {
  supports: supportsDtypes(['f32', 'f64', 'i32']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    const boundaries = (ctx.attrs['boundaries'] as readonly number[] | undefined) ?? [];
    const out = ctx.output(0, a.shape, 'i32');
    const x = nums(a), z = nums(out);
    for (let i = 0; i < x.length; i++) {
      // upper bound by binary search
      let lo = 0, hi = boundaries.length;
      const v = x[i]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (boundaries[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      z[i] = lo;
    }
  },
});
