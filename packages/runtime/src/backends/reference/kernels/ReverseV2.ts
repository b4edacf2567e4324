// tfl.REVERSE_V2: reverses the input along each axis in the axis input.
import type { KernelConfig } from '../../../kernel';
import { dataOf, forEachIndex, ints, MOVABLE_DTYPES, normAxis, stridesOf, supportsDtypes } from '../core-util';

export const reverseV2: KernelConfig = {
  op: 'tfl.REVERSE_V2',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const rank = input.shape.length;
    const axes = new Set(ints(ctx.inputs[1], 'axis').map((a) => normAxis(a, rank)));
    const out = ctx.output(0, input.shape);
    const is = stridesOf(input.shape);
    const od = dataOf(out), src = dataOf(input);
    forEachIndex(input.shape, (i, c) => {
      let off = 0;
      for (let d = 0; d < rank; d++) off += (axes.has(d) ? input.shape[d]! - 1 - c[d]! : c[d]!) * is[d]!;
      od[i] = src[off];
    });
  },
};
