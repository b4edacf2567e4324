// tfl.UNPACK: splits the input along `axis` into `num` outputs with that dim removed.
import type { KernelConfig } from '../../../kernel';
import { dataOf, MOVABLE_DTYPES, normAxis, sizeOf, supportsDtypes } from '../core-util';

export const unpack: KernelConfig = {
  op: 'tfl.UNPACK',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const axis = normAxis(Number(ctx.attrs['axis'] ?? 0), input.shape.length);
    const n = input.shape[axis]!;
    const shape = input.shape.filter((_, i) => i !== axis);
    const outer = sizeOf(input.shape.slice(0, axis));
    const inner = sizeOf(input.shape.slice(axis + 1));
    const src = dataOf(input);
    for (let k = 0; k < Math.min(n, ctx.node.outputs.length); k++) {
      const od = dataOf(ctx.output(k, shape));
      for (let o = 0; o < outer; o++) for (let j = 0; j < inner; j++) od[o * inner + j] = src[(o * n + k) * inner + j];
    }
  },
};
