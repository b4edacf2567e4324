// tfl.TRANSPOSE: output dim i is input dim perm[i].
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, stridedCopy, stridesOf, supportsDtypes } from '../core-util';

export const transpose: KernelConfig = {
  op: 'tfl.TRANSPOSE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const rank = input.shape.length;
    const perm = ints(ctx.inputs[1], 'perm').map((p) => (p < 0 ? p + rank : p));
    if (perm.length !== rank || new Set(perm).size !== rank || perm.some((p) => p < 0 || p >= rank)) {
      fail(ctx.node, `perm [${perm.join(', ')}] is not a permutation of rank ${rank}`);
    }
    const shape = perm.map((p) => input.shape[p]!);
    const out = ctx.output(0, shape);
    const is = stridesOf(input.shape);
    const ps = perm.map((p) => is[p]!);
    stridedCopy(dataOf(out), dataOf(input), 0, ps, shape);
  },
};
