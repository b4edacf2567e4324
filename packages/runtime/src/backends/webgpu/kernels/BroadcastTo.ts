// tfl.BROADCAST_TO on WebGPU (f32/i32, constant target shape).
import type { GpuKernel } from '../kernel';
import { tileInto } from './tile-utils';
import { all, broadcastShapes, constNumbers, isConst, rankOk } from './util';
import { movable } from './movable';

export const broadcastTo: GpuKernel = {
  op: 'tfl.BROADCAST_TO',
  supports: (node) => all(() => movable(node), () => rankOk(node), () => (isConst(node, 1) ? true : 'the shape must be a constant')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const target = constNumbers(ctx.constant(1))!;
    const b = broadcastShapes(shape, target);
    if (!b || b.length !== target.length || b.some((d, i) => d !== target[i])) throw new Error(`[${shape}] does not broadcast to [${target}]`);
    tileInto(ctx, ctx.input(0), ctx.output(0, target));
  },
};
