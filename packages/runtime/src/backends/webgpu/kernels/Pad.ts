// tfl.PAD / tfl.PADV2 on WebGPU (f32/i32, constant paddings; PADV2's constant pad value).
import type { GpuKernel } from '../kernel';
import { affineCopy } from './affine';
import { all, constNumbers, isConst, rankOk, stridesOf } from './util';
import { movable } from './movable';

export function padKernel(op: string): GpuKernel {
  return {
    op,
    supports: (node) => all(() => movable(node), () => rankOk(node),
      () => (isConst(node, 1) ? true : 'the paddings must be a constant'),
      () => (!node.inputs[2] || isConst(node, 2) ? true : 'the pad value must be a constant')),
    run(ctx) {
      const shape = ctx.inputs[0]!.shape;
      const p = constNumbers(ctx.constant(1)) ?? [];
      if (p.length !== 2 * shape.length) throw new Error(`paddings have ${p.length / 2} rows for rank ${shape.length}`);
      const outShape = shape.map((d, i) => d + p[2 * i]! + p[2 * i + 1]!);
      const pad = constNumbers(ctx.constant(2))?.[0] ?? 0;
      const out = ctx.output(0, outShape);
      affineCopy(ctx, ctx.input(0), out, { begin: shape.map((_, i) => -p[2 * i]!), step: shape.map(() => 1), stride: stridesOf(shape), size: [...shape], pad });
    },
  };
}

export const pad = padKernel('tfl.PAD');
