import type { Graph, Model, Node, Value } from '../ir';
import { replaceValue } from '../rewrite/rewrite';
import { formatLiteral, toHex } from '../text/literal';
import type { Pass } from './pass';
import { hasSideEffects } from './side-effects';

const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => {
  let i = ids.get(o);
  if (i === undefined) ids.set(o, (i = nextId++));
  return i;
};

function keyOf(n: Node): string {
  const outs = n.outputs.map((o) => formatLiteral([o.dtype, o.shape ?? null, o.quant ?? null, o.shapeSignature ?? null], (b) => toHex(b)));
  const sortedAttrs = Object.fromEntries(Object.entries(n.attrs).sort(([a], [b]) => (a < b ? -1 : 1)));
  return `${n.op}|${n.version ?? ''}|${n.inputs.map((v) => (v ? idOf(v) : '_')).join(',')}|${formatLiteral(sortedAttrs, (b) => toHex(b))}|${outs.join(';')}`;
}

/**
 * Common-subexpression elimination: of two side-effect-free nodes with the same op, version,
 * inputs, attributes and output types, the later one's outputs are replaced by the earlier one's.
 * Nodes whose outputs are graph outputs are left alone (their names matter).
 */
export function eliminateCommonSubexpressions(graph: Graph, model?: Model): boolean {
  const seen = new Map<string, Node>();
  const outputs = new Set<Value>(graph.outputs);
  const dead = new Set<Node>();
  for (const n of graph.nodes) {
    if (hasSideEffects(n) || n.intermediates?.length || n.outputs.some((o) => outputs.has(o))) continue;
    const key = keyOf(n);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, n);
      continue;
    }
    n.outputs.forEach((o, i) => replaceValue(graph, o, first.outputs[i]!, model));
    dead.add(n);
  }
  if (dead.size > 0) graph.nodes = graph.nodes.filter((n) => !dead.has(n));
  return dead.size > 0;
}

export const commonSubexpressionElimination: Pass = {
  name: 'cse',
  run: (model) => model.graphs.map((g) => eliminateCommonSubexpressions(g, model)).some(Boolean),
};
