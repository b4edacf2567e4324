// tfl.FLOOR_DIV: ⌊a / b⌋ with broadcasting (f32, i8, i16, i32, i64). Integer zero divisors are an error.
import { binaryMap, binaryMapBig, bigs, kernel, nums, supportsDtypes } from './elementwise-utils';
import { divisionByZero } from './arith-utils';

export const floorDiv = kernel('tfl.FLOOR_DIV', {
  supports: supportsDtypes(['f32', 'i8', 'i16', 'i32', 'i64'], true),
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (dtype === 'f32') {
      binaryMap(ctx, (a, b) => Math.floor(Math.fround(a / b)));
    } else if (dtype === 'i64') {
      for (const v of bigs(ctx.inputs[1]!)) if (v === 0n) divisionByZero(ctx);
      binaryMapBig(ctx, (a, b) => {
        const q = a / b;
        return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
      });
    } else {
      for (const v of nums(ctx.inputs[1]!)) if (v === 0) divisionByZero(ctx);
      binaryMap(ctx, (a, b) => Math.floor(a / b));
    }
  },
});
