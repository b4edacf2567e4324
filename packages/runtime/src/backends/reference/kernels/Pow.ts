// tfl.POW: a^b with broadcasting. f32 via pow; i32 by repeated squaring with int32 wrap-around
// (negative exponents are an error, as in TFLite).
import { RuntimeError } from '../../../errors';
import { binaryMap, kernel, nums, supportsDtypes } from './elementwise-utils';

function intPow(base: number, exponent: number): number {
  let result = 1;
  while (exponent) {
    if (exponent & 1) result = Math.imul(result, base);
    exponent >>= 1;
    base = Math.imul(base, base);
  }
  return result;
}

export const pow = kernel('tfl.POW', {
  supports: supportsDtypes(['f32', 'i32'], true),
  run(ctx) {
    if (ctx.inputs[0]!.dtype === 'i32') {
      for (const e of nums(ctx.inputs[1]!)) {
        if (e < 0) throw new RuntimeError('KERNEL_FAILED', `tfl.POW '${ctx.node.name}': integer power needs non-negative exponents, got ${e}`, [ctx.node.name]);
      }
      binaryMap(ctx, intPow);
    } else {
      binaryMap(ctx, (a, b) => Math.pow(a, b));
    }
  },
});
