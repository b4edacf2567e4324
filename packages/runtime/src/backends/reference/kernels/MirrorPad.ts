// tfl.MIRROR_PAD: pads by reflecting the input (REFLECT excludes the edge, SYMMETRIC repeats it).
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, MOVABLE_DTYPES, stridesOf, supportsDtypes } from '../core-util';
import { paddingsOf } from './Pad';

export const mirrorPad: KernelConfig = {
  op: 'tfl.MIRROR_PAD',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const pads = paddingsOf(ctx, input.shape.length);
    const reflect = (ctx.attrs['mode'] ?? 'REFLECT') === 'REFLECT';
    const off0 = reflect ? 1 : 0;
    pads.forEach(([a, b], d) => {
      const lim = input.shape[d]! - off0;
      if (a < 0 || b < 0 || a > lim || b > lim) fail(ctx.node, `padding (${a}, ${b}) too large for dim ${d} of size ${input.shape[d]} in ${reflect ? 'REFLECT' : 'SYMMETRIC'} mode`);
    });
    const shape = input.shape.map((d, i) => d + pads[i]![0] + pads[i]![1]);
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(input);
    const is = stridesOf(input.shape);
    forEachIndex(shape, (i, c) => {
      let off = 0;
      for (let d = 0; d < c.length; d++) {
        const n = input.shape[d]!;
        let x = c[d]! - pads[d]![0];
        if (x < 0) x = -x - 1 + off0;
        else if (x >= n) x = 2 * n - x - 1 - off0;
        off += x * is[d]!;
      }
      od[i] = src[off];
    });
  },
};
