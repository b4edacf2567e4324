// tfl.NEG: −x (f32, i32 wrapping, i64).
import { bigs, kernel, supportsDtypes, unaryMap } from './elementwise-utils';

export const neg = kernel('tfl.NEG', {
  supports: supportsDtypes(['f32', 'i32', 'i64']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'i64') {
      const out = ctx.output(0, a.shape);
      const x = bigs(a), z = bigs(out) as BigInt64Array;
      for (let i = 0; i < z.length; i++) z[i] = BigInt.asIntN(64, -x[i]!);
    } else if (a.dtype === 'i32') unaryMap(ctx, (x) => -x | 0);
    else unaryMap(ctx, (x) => -x);
  },
});
