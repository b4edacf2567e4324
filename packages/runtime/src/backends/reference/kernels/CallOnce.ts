// tfl.CALL_ONCE: runs the init subgraph the first time (per interpreter, until resetVariables).
import type { KernelConfig } from '../../../kernel';
import { resourcesOf } from '../variables';

export const callOnce: KernelConfig = {
  op: 'tfl.CALL_ONCE',
  backend: 'reference',
  run(ctx) {
    const g = Number(ctx.attrs['initSubgraphIndex']);
    const key = `call-once:${g}`;
    const resources = resourcesOf(ctx);
    if (resources.has(key)) return;
    resources.set(key, true);
    ctx.runSubgraph(g, []);
  },
};
