// tfl.SQUEEZE: drops size-1 dims (all of them, or those in squeezeDims).
import type { KernelConfig } from '../../../kernel';
import { copyInto, fail, MOVABLE_DTYPES, normAxis, supportsDtypes } from '../core-util';

export const squeeze: KernelConfig = {
  op: 'tfl.SQUEEZE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const dims = (ctx.attrs['squeezeDims'] as number[] | undefined) ?? [];
    const rank = input.shape.length;
    const drop = new Set(dims.map((d) => normAxis(d, rank, 'squeeze dim')));
    for (const d of drop) if (input.shape[d] !== 1) fail(ctx.node, `cannot squeeze dim ${d} of size ${input.shape[d]}`);
    const shape = input.shape.filter((d, i) => (drop.size ? !drop.has(i) : d !== 1));
    copyInto(ctx.output(0, shape), input);
  },
};
