// tfl.TILE on WebGPU (f32/i32, constant multiples).
import type { GpuKernel } from '../kernel';
import { tileInto } from './tile-utils';
import { all, constNumbers, isConst, rankOk } from './util';
import { movable } from './movable';

export const tile: GpuKernel = {
  op: 'tfl.TILE',
  supports: (node) => all(() => movable(node), () => rankOk(node), () => (isConst(node, 1) ? true : 'the multiples must be a constant')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const m = constNumbers(ctx.constant(1))!;
    if (m.length !== shape.length) throw new Error(`multiples [${m}] do not match rank ${shape.length}`);
    tileInto(ctx, ctx.input(0), ctx.output(0, shape.map((d, i) => d * m[i]!)));
  },
};
