// tfl.IF: runs the then or else subgraph on inputs 1.. depending on the boolean input 0.
import type { KernelConfig } from '../../../kernel';
import { present, writeOutputs } from '../control-flow';

export const ifKernel: KernelConfig = {
  op: 'tfl.IF',
  backend: 'reference',
  run(ctx) {
    const cond = ctx.inputs[0]!;
    const g = Number(cond.data[0]) ? Number(ctx.attrs['thenSubgraphIndex']) : Number(ctx.attrs['elseSubgraphIndex']);
    writeOutputs(ctx, ctx.runSubgraph(g, present(ctx).slice(1)));
  },
};
