// tfl.SLICE: the block starting at `begin` with `size` (-1: to the end) elements per dim.
import type { KernelConfig, Tensor } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, stridedCopy, stridesOf, supportsDtypes } from '../core-util';

/** Copies the strided block (begin, stride and extent `shape` per input dim) of `input` into `out`. */
export function copyStrided(out: Tensor, input: Tensor, begin: number[], stride: number[], shape: number[]): Tensor {
  const is = stridesOf(input.shape);
  let base = 0;
  for (let d = 0; d < shape.length; d++) base += begin[d]! * is[d]!;
  stridedCopy(dataOf(out), dataOf(input), base, shape.map((_, d) => stride[d]! * is[d]!), shape);
  return out;
}

export const slice: KernelConfig = {
  op: 'tfl.SLICE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const begin = ints(ctx.inputs[1], 'begin');
    const size = ints(ctx.inputs[2], 'size');
    const rank = input.shape.length;
    if (begin.length !== rank || size.length !== rank) fail(ctx.node, `begin/size need ${rank} values`);
    const shape = size.map((s, d) => (s === -1 ? input.shape[d]! - begin[d]! : s));
    shape.forEach((s, d) => {
      if (begin[d]! < 0 || s < 0 || begin[d]! + s > input.shape[d]!) fail(ctx.node, `slice begin ${begin[d]} size ${size[d]} is outside dim ${d} of size ${input.shape[d]}`);
    });
    copyStrided(ctx.output(0, shape), input, begin, new Array<number>(rank).fill(1), shape);
  },
};
