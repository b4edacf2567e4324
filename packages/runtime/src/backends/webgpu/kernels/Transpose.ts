// tfl.TRANSPOSE on WebGPU (f32/i32, rank <= 6, constant permutation).
import type { GpuKernel } from '../kernel';
import { affineCopy } from './affine';
import { all, constNumbers, isConst, normAxis, rankOk, stridesOf } from './util';
import { movable } from './movable';

export const transpose: GpuKernel = {
  op: 'tfl.TRANSPOSE',
  supports: (node) => all(() => movable(node), () => rankOk(node), () => (isConst(node, 1) ? true : 'the permutation must be a constant')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const perm = (constNumbers(ctx.constant(1)) ?? []).map((p) => normAxis(p, shape.length));
    if (perm.length !== shape.length) throw new Error(`permutation [${perm}] does not match rank ${shape.length}`);
    const st = stridesOf(shape);
    const out = ctx.output(0, perm.map((p) => shape[p]!));
    affineCopy(ctx, ctx.input(0), out, { begin: perm.map(() => 0), step: perm.map(() => 1), stride: perm.map((p) => st[p]!), size: perm.map((p) => shape[p]!) });
  },
};
