// tfl.EXPAND_DIMS: inserts a size-1 dim at `axis` (the second input; negative counts from the end).
import type { KernelConfig } from '../../../kernel';
import { copyInto, fail, MOVABLE_DTYPES, scalar, supportsDtypes } from '../core-util';

export const expandDims: KernelConfig = {
  op: 'tfl.EXPAND_DIMS',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const rank = input.shape.length;
    let axis = scalar(ctx.inputs[1], 'axis');
    if (axis < 0) axis += rank + 1;
    if (axis < 0 || axis > rank) fail(ctx.node, `axis ${axis} out of range for rank ${rank}`);
    const shape = [...input.shape];
    shape.splice(axis, 0, 1);
    copyInto(ctx.output(0, shape), input);
  },
};
