// tfl.SPLIT: splits input 1 along axis (input 0) into numSplits equal parts.
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { dataOf, fail, MOVABLE_DTYPES, normAxis, scalar, sizeOf, supportsDtypes } from '../core-util';

/** Writes consecutive slices of `input` along `axis` with the given sizes to outputs 0..n-1. */
export function splitInto(ctx: KernelContext, input: Tensor, axis: number, sizes: number[]): void {
  const outer = sizeOf(input.shape.slice(0, axis));
  const inner = sizeOf(input.shape.slice(axis + 1));
  const dim = input.shape[axis]!;
  const src = dataOf(input);
  let start = 0;
  sizes.forEach((size, k) => {
    const shape = [...input.shape];
    shape[axis] = size;
    const od = dataOf(ctx.output(k, shape));
    for (let o = 0; o < outer; o++) {
      const s = (o * dim + start) * inner;
      const d = o * size * inner;
      for (let j = 0; j < size * inner; j++) od[d + j] = src[s + j];
    }
    start += size;
  });
}

export const split: KernelConfig = {
  op: 'tfl.SPLIT',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES, 1),
  run(ctx) {
    const input = ctx.inputs[1]!;
    const axis = normAxis(scalar(ctx.inputs[0], 'axis'), input.shape.length);
    const n = ctx.node.outputs.length;
    const dim = input.shape[axis]!;
    if (dim % n !== 0) fail(ctx.node, `dim ${axis} of size ${dim} does not split into ${n} equal parts`);
    splitInto(ctx, input, axis, new Array<number>(n).fill(dim / n));
  },
};
