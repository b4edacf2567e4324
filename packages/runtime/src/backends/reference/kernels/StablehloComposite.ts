// tfl.STABLEHLO_COMPOSITE: a named composite op, run through its decomposition subgraph.
import type { KernelConfig } from '../../../kernel';
import { present, writeOutputs } from '../control-flow';

export const stablehloComposite: KernelConfig = {
  op: 'tfl.STABLEHLO_COMPOSITE',
  backend: 'reference',
  supports: (node) => (typeof node.attrs['decompositionSubgraphIndex'] === 'number' ? true : 'no decomposition subgraph'),
  run(ctx) {
    writeOutputs(ctx, ctx.runSubgraph(Number(ctx.attrs['decompositionSubgraphIndex']), present(ctx)));
  },
};
