// tfl.ONE_HOT: on_value where the index matches, off_value elsewhere, on a new `axis` of size depth.
import type { KernelConfig } from '../../../kernel';
import { dataOf, ints, scalar, sizeOf } from '../core-util';

export const oneHot: KernelConfig = {
  op: 'tfl.ONE_HOT',
  backend: 'reference',
  run(ctx) {
    const indicesT = ctx.inputs[0]!;
    const idx = ints(indicesT, 'indices');
    const depth = scalar(ctx.inputs[1], 'depth');
    const on = ctx.inputs[2]!.data[0], off = ctx.inputs[3]!.data[0];
    let axis = Number(ctx.attrs['axis'] ?? -1);
    if (axis < 0) axis = indicesT.shape.length;
    const shape = [...indicesT.shape];
    shape.splice(axis, 0, depth);
    const out = ctx.output(0, shape, ctx.inputs[2]!.dtype);
    const od = dataOf(out);
    const outer = sizeOf(indicesT.shape.slice(0, axis));
    const inner = sizeOf(indicesT.shape.slice(axis));
    for (let o = 0; o < outer; o++) for (let d = 0; d < depth; d++) for (let i = 0; i < inner; i++) {
      od[(o * depth + d) * inner + i] = idx[o * inner + i] === d ? on : off;
    }
  },
};
