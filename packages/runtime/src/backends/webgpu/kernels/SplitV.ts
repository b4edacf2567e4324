// tfl.SPLIT_V on WebGPU (f32/i32; constant sizes, one may be -1, and constant axis).
import type { GpuKernel } from '../kernel';
import { splitInto } from './split-utils';
import { all, constNumbers, isConst, normAxis, rankOk } from './util';
import { movable } from './movable';

export const splitV: GpuKernel = {
  op: 'tfl.SPLIT_V',
  supports: (node) => all(() => movable(node, [0]), () => rankOk(node), () => (isConst(node, 1) && isConst(node, 2) ? true : 'sizes and axis must be constants')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const axis = normAxis(constNumbers(ctx.constant(2))![0]!, shape.length);
    const sizes = constNumbers(ctx.constant(1))!;
    const known = sizes.reduce((p, s) => (s < 0 ? p : p + s), 0);
    const filled = sizes.map((s) => (s < 0 ? shape[axis]! - known : s));
    if (filled.reduce((p, s) => p + s, 0) !== shape[axis]) throw new Error(`sizes [${sizes}] do not add up to dim ${axis} (${shape[axis]})`);
    splitInto(ctx, ctx.input(0), axis, filled, (_, b) => b);
  },
};
