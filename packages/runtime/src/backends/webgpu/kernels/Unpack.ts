// tfl.UNPACK on WebGPU (f32/i32): one output per index along `axis`, without that dim.
import type { GpuKernel } from '../kernel';
import { splitInto } from './split-utils';
import { all, intAttr, normAxis, rankOk } from './util';
import { movable } from './movable';

export const unpack: GpuKernel = {
  op: 'tfl.UNPACK',
  supports: (node) => all(() => movable(node), () => rankOk(node)),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const axis = normAxis(intAttr(ctx.attrs, 'axis', 0), shape.length);
    splitInto(ctx, ctx.input(0), axis, new Array<number>(shape[axis]!).fill(1), (_, b) => b.filter((__, j) => j !== axis));
  },
};
