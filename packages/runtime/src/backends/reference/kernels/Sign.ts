// tfl.SIGN: −1, 0 or 1 by the sign of x (f32, f64, i32); NaN stays NaN.
import { kernel, supportsDtypes, unaryMap } from './elementwise-utils';

export const sign = kernel('tfl.SIGN', {
  supports: supportsDtypes(['f32', 'f64', 'i32']),
  run(ctx) {
    unaryMap(ctx, (x) => (x > 0 ? 1 : x < 0 ? -1 : x));
  },
});
