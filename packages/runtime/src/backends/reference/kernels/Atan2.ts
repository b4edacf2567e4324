// tfl.ATAN2: atan2(y, x) element-wise with broadcasting (f32, f64).
import { binaryMap, kernel, supportsDtypes } from './elementwise-utils';

export const atan2 = kernel('tfl.ATAN2', {
  supports: supportsDtypes(['f32', 'f64'], true),
  run(ctx) {
    binaryMap(ctx, Math.atan2);
  },
});
