// tfl.WHILE: loop variables go through the body subgraph while the cond subgraph returns true.
import type { KernelConfig } from '../../../kernel';
import { present, writeOutputs } from '../control-flow';

export const whileKernel: KernelConfig = {
  op: 'tfl.WHILE',
  backend: 'reference',
  run(ctx) {
    const cond = Number(ctx.attrs['condSubgraphIndex']);
    const body = Number(ctx.attrs['bodySubgraphIndex']);
    let vars = present(ctx);
    for (;;) {
      const [c] = ctx.runSubgraph(cond, vars);
      if (!c || !c.data[0]) break;
      vars = ctx.runSubgraph(body, vars);
    }
    writeOutputs(ctx, vars);
  },
};
