// tfl.TILE: repeats the input multiples[d] times along each dim.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, stridesOf, supportsDtypes } from '../core-util';

export const tile: KernelConfig = {
  op: 'tfl.TILE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const m = ints(ctx.inputs[1], 'multiples');
    if (m.length !== input.shape.length || m.some((x) => x < 0)) fail(ctx.node, `multiples [${m.join(', ')}] do not fit rank ${input.shape.length}`);
    const shape = input.shape.map((d, i) => d * m[i]!);
    const out = ctx.output(0, shape);
    const is = stridesOf(input.shape);
    const od = dataOf(out), src = dataOf(input);
    forEachIndex(shape, (i, c) => {
      let off = 0;
      for (let d = 0; d < c.length; d++) off += (c[d]! % input.shape[d]!) * is[d]!;
      od[i] = src[off];
    });
  },
};
