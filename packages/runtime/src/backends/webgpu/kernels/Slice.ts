// tfl.SLICE on WebGPU (f32/i32, constant begin/size; size -1 = to the end).
import type { GpuKernel } from '../kernel';
import { affineCopy } from './affine';
import { all, constNumbers, isConst, rankOk, stridesOf } from './util';
import { movable } from './movable';

export const slice: GpuKernel = {
  op: 'tfl.SLICE',
  supports: (node) => all(() => movable(node), () => rankOk(node),
    () => (isConst(node, 1) && isConst(node, 2) ? true : 'begin/size must be constants')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const begin = constNumbers(ctx.constant(1))!, size = constNumbers(ctx.constant(2))!;
    const outShape = shape.map((d, i) => (size[i]! < 0 ? d - begin[i]! : size[i]!));
    if (outShape.some((s, i) => s < 0 || begin[i]! < 0 || begin[i]! + s > shape[i]!)) throw new Error(`slice begin [${begin}] size [${size}] is outside [${shape}]`);
    const out = ctx.output(0, outShape);
    affineCopy(ctx, ctx.input(0), out, { begin, step: shape.map(() => 1), stride: stridesOf(shape), size: [...shape] });
  },
};
