import type { Graph, Model } from '../ir';
import type { Pass } from './pass';
import { hasSideEffects } from './side-effects';

/** Removes nodes none of whose outputs are read (graph outputs, signatures and side effects count as reads). */
export function eliminateDeadCode(graph: Graph, model?: Model): boolean {
  const live = new Set(graph.outputs);
  const gi = model ? model.graphs.indexOf(graph) : -1;
  for (const s of model?.signatures ?? []) if (s.graphIndex === gi) for (const e of s.outputs) live.add(e.value);
  const keep: boolean[] = [];
  for (let i = graph.nodes.length - 1; i >= 0; i--) {
    const n = graph.nodes[i]!;
    const needed = hasSideEffects(n) || n.outputs.some((o) => live.has(o));
    keep[i] = needed;
    if (needed) for (const v of n.inputs) if (v) live.add(v);
  }
  const before = graph.nodes.length;
  graph.nodes = graph.nodes.filter((_, i) => keep[i]);
  return graph.nodes.length !== before;
}

/** Dead-code elimination over every graph. */
export const deadCodeElimination: Pass = {
  name: 'dce',
  run: (model) => model.graphs.map((g) => eliminateDeadCode(g, model)).some(Boolean),
};
