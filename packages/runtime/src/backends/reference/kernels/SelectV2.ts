// tfl.SELECT_V2: cond ? x : y with NumPy broadcasting of all three inputs.
import { kernel } from './elementwise-utils';
import { selectBroadcast } from './select-utils';

export const selectV2 = kernel('tfl.SELECT_V2', {
  supports: (node) => (node.inputs[0]?.dtype === 'bool' ? true : `condition must be bool, got ${node.inputs[0]?.dtype}`),
  run(ctx) {
    selectBroadcast(ctx, ctx.inputs[0]!.shape);
  },
});
