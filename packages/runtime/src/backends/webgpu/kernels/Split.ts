// tfl.SPLIT on WebGPU (f32/i32; constant axis, equal parts).
import type { GpuKernel } from '../kernel';
import { splitInto } from './split-utils';
import { all, constNumbers, intAttr, isConst, normAxis, rankOk } from './util';
import { movable } from './movable';

export const split: GpuKernel = {
  op: 'tfl.SPLIT',
  supports: (node) => all(() => movable(node, [1]), () => rankOk(node), () => (isConst(node, 0) ? true : 'the axis must be a constant')),
  run(ctx) {
    const shape = ctx.inputs[1]!.shape;
    const axis = normAxis(constNumbers(ctx.constant(0))![0]!, shape.length);
    const parts = intAttr(ctx.attrs, 'numSplits', ctx.node.outputs.length) || ctx.node.outputs.length;
    if (shape[axis]! % parts !== 0) throw new Error(`dim ${axis} of size ${shape[axis]} does not split into ${parts}`);
    splitInto(ctx, ctx.input(1), axis, new Array<number>(parts).fill(shape[axis]! / parts), (_, b) => b);
  },
};
