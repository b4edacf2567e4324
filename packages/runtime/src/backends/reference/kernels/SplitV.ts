// tfl.SPLIT_V: splits input 0 along axis (input 2) into parts of size_splits (input 1; one may be -1).
import type { KernelConfig } from '../../../kernel';
import { fail, ints, MOVABLE_DTYPES, normAxis, scalar, supportsDtypes } from '../core-util';
import { splitInto } from './Split';

export const splitV: KernelConfig = {
  op: 'tfl.SPLIT_V',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const axis = normAxis(scalar(ctx.inputs[2], 'axis'), input.shape.length);
    const sizes = ints(ctx.inputs[1], 'size_splits');
    const dim = input.shape[axis]!;
    const unknown = sizes.indexOf(-1);
    if (unknown >= 0) sizes[unknown] = dim - sizes.reduce((a, s, i) => (i === unknown ? a : a + s), 0);
    if (sizes.reduce((a, b) => a + b, 0) !== dim || sizes.some((s) => s < 0)) fail(ctx.node, `size_splits [${sizes.join(', ')}] do not add up to ${dim}`);
    splitInto(ctx, input, axis, sizes);
  },
};
