// tfl.LOGICAL_NOT: !a on a bool tensor.
import { kernel, supportsDtypes, unaryMap } from './elementwise-utils';

export const logicalNot = kernel('tfl.LOGICAL_NOT', {
  supports: supportsDtypes(['bool']),
  run(ctx) {
    unaryMap(ctx, (a) => (a ? 0 : 1));
  },
});
