// tfl.LOGICAL_AND: a && b on bool tensors, broadcasting.
import { binaryMap, kernel, supportsDtypes } from './elementwise-utils';

export const logicalAnd = kernel('tfl.LOGICAL_AND', {
  supports: supportsDtypes(['bool'], true),
  run(ctx) {
    binaryMap(ctx, (a, b) => (a && b ? 1 : 0));
  },
});
