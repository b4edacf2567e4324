// tfl.LOGICAL_OR: a || b on bool tensors, broadcasting.
import { binaryMap, kernel, supportsDtypes } from './elementwise-utils';

export const logicalOr = kernel('tfl.LOGICAL_OR', {
  supports: supportsDtypes(['bool'], true),
  run(ctx) {
    binaryMap(ctx, (a, b) => (a || b ? 1 : 0));
  },
});
