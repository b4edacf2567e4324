// tfl.BROADCAST_TO: numpy-style broadcast of the input to `shape`.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, stridesOf, supportsDtypes } from '../core-util';

export const broadcastTo: KernelConfig = {
  op: 'tfl.BROADCAST_TO',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const shape = ints(ctx.inputs[1], 'shape');
    const lead = shape.length - input.shape.length;
    if (lead < 0) fail(ctx.node, `cannot broadcast [${input.shape.join(', ')}] to the lower rank [${shape.join(', ')}]`);
    const is = stridesOf(input.shape);
    const bs = shape.map((d, i) => {
      if (i < lead) return 0;
      const s = input.shape[i - lead]!;
      if (s !== d && s !== 1) fail(ctx.node, `cannot broadcast [${input.shape.join(', ')}] to [${shape.join(', ')}]`);
      return s === 1 ? 0 : is[i - lead]!;
    });
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(input);
    forEachIndex(shape, (i, c) => {
      let off = 0;
      for (let d = 0; d < c.length; d++) off += c[d]! * bs[d]!;
      od[i] = src[off];
    });
  },
};
