// Topological order of NodeDefs by data edges; cycles are ConversionErrors naming their nodes.
import type { NodeDef } from '@liteml/schema';
import { ConversionError } from '../errors';
import { refNode } from './refs';

/** Data-flow order (stable where the NodeDef order already is one). Cycles are ConversionErrors. */
export function topoOrder(nodes: NodeDef[], dataInputs: Map<NodeDef, string[]>, byName: Map<string, NodeDef>, cuts: Map<string, unknown>): NodeDef[] {
  const state = new Map<NodeDef, 1 | 2>();
  const inSet = new Set(nodes);
  const order: NodeDef[] = [];
  for (const root of nodes) {
    if (state.has(root)) continue;
    const stack: { n: NodeDef; i: number }[] = [{ n: root, i: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = dataInputs.get(top.n)!;
      let pushed = false;
      while (top.i < deps.length) {
        const r = deps[top.i++]!;
        if (cuts.has(r)) continue;
        const p = byName.get(refNode(r))!;
        if (!inSet.has(p)) continue;
        const s = state.get(p);
        if (s === 2) continue;
        if (s === 1) {
          const cycle = [...stack.slice(stack.findIndex((f) => f.n === p)).map((f) => f.n), p];
          const names = cycle.map((c) => c.name);
          if (cycle.some((c) => c.op === 'NextIteration' || c.op === 'RefNextIteration')) {
            throw new ConversionError('UNSUPPORTED_CONTROL_FLOW', `the graph has a TF1 while loop (${names.join(' -> ')}); TF1 dataflow loops are not supported: export the model with TF2 control flow (tf.while_loop in a tf.function)`, names);
          }
          throw new ConversionError('CYCLE', `the graph has a cycle: ${names.join(' -> ')}`, names);
        }
        state.set(p, 1);
        stack.push({ n: p, i: 0 });
        pushed = true;
        break;
      }
      if (!pushed) {
        stack.pop();
        state.set(top.n, 2);
        order.push(top.n);
      }
    }
  }
  return order;
}
