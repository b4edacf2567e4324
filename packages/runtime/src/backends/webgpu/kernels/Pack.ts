// tfl.PACK on WebGPU (f32/i32): stacks the inputs along a new axis.
import type { GpuKernel } from '../kernel';
import { copySlabs } from './Concatenation';
import { all, intAttr, rankOk, sizeOf } from './util';
import { movable } from './movable';

export const pack: GpuKernel = {
  op: 'tfl.PACK',
  supports: (node) => all(() => movable(node, node.inputs.map((_, i) => i)), () => rankOk(node)),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    let axis = intAttr(ctx.attrs, 'axis', 0);
    if (axis < 0) axis += shape.length + 1;
    const n = ctx.inputs.length;
    const out = ctx.output(0, [...shape.slice(0, axis), n, ...shape.slice(axis)]);
    copySlabs(ctx, ctx.inputs.map((_, i) => ({ t: ctx.input(i), along: 1 })), out, n, sizeOf(shape.slice(axis)));
  },
};
