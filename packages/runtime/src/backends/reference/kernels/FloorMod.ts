// tfl.FLOOR_MOD: a − ⌊a / b⌋·b (the result takes the divisor's sign) with broadcasting
// (f32 via fmod, i8/i16/i32/i64). Integer zero divisors are an error.
import { binaryMap, binaryMapBig, bigs, kernel, nums, supportsDtypes } from './elementwise-utils';
import { divisionByZero } from './arith-utils';

export const floorMod = kernel('tfl.FLOOR_MOD', {
  supports: supportsDtypes(['f32', 'i8', 'i16', 'i32', 'i64'], true),
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (dtype === 'i64') {
      for (const v of bigs(ctx.inputs[1]!)) if (v === 0n) divisionByZero(ctx);
      binaryMapBig(ctx, (a, b) => {
        const m = a % b;
        return m !== 0n && (b < 0n) !== (m < 0n) ? m + b : m;
      });
      return;
    }
    if (dtype !== 'f32') for (const v of nums(ctx.inputs[1]!)) if (v === 0) divisionByZero(ctx);
    // JS % is C's fmod for floats and the truncated remainder for integers.
    binaryMap(ctx, (a, b) => {
      const m = a % b;
      return m !== 0 && (b < 0) !== (m < 0) ? m + b : m;
    });
  },
});
