// Walking a graph: values, producers/consumers maps, topological order.
import { IRError } from './errors';
import type { Graph, Node, Value } from './ir';
import { getOpSchema } from './ops';

/** Every value of a graph (inputs, node inputs/outputs/intermediates, outputs), each once, in first-seen order. */
export function graphValues(graph: Graph): Value[] {
  const seen = new Set<Value>();
  const add = (v: Value | undefined) => {
    if (v) seen.add(v);
  };
  graph.inputs.forEach(add);
  for (const n of graph.nodes) {
    n.inputs.forEach(add);
    n.outputs.forEach(add);
    n.intermediates?.forEach(add);
  }
  graph.outputs.forEach(add);
  return [...seen];
}

/** The node that produces each value (values without an entry are inputs, constants or state). */
export function producers(graph: Graph): Map<Value, Node> {
  const m = new Map<Value, Node>();
  for (const n of graph.nodes) for (const o of n.outputs) m.set(o, n);
  return m;
}

/** The nodes that read each value, in node order (a node reading a value twice is listed once). */
export function consumers(graph: Graph): Map<Value, Node[]> {
  const m = new Map<Value, Node[]>();
  for (const n of graph.nodes) {
    for (const v of new Set(n.inputs)) {
      if (!v) continue;
      const list = m.get(v);
      if (list) list.push(n);
      else m.set(v, [n]);
    }
  }
  return m;
}

/** One more than the largest value id in the graph (a fresh id for a new value). */
export function nextValueId(graph: Graph): number {
  let max = -1;
  for (const v of graphValues(graph)) if (v.id > max) max = v.id;
  return max + 1;
}

/**
 * The nodes in a topological order that keeps the current order wherever it is already valid
 * (a sorted graph comes back unchanged). Assign it: `graph.nodes = toposort(graph)`.
 * Throws IRError(CYCLE) naming the nodes on a cycle.
 */
export function toposort(graph: Graph): Node[] {
  const prod = producers(graph);
  const state = new Map<Node, 1 | 2>(); // 1 = on the stack, 2 = done
  const order: Node[] = [];
  for (const root of graph.nodes) {
    if (state.has(root)) continue;
    const stack: { node: Node; next: number }[] = [{ node: root, next: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const deps = top.node.inputs;
      let pushed = false;
      while (top.next < deps.length) {
        const v = deps[top.next++];
        const p = v && prod.get(v);
        if (!p) continue;
        const s = state.get(p);
        if (s === 2) continue;
        if (s === 1) {
          const cycle = stack.slice(stack.findIndex((f) => f.node === p)).map((f) => f.node.name);
          throw new IRError('CYCLE', `graph '${graph.name}' has a cycle: ${[...cycle, p.name].join(' -> ')}`, { nodes: cycle });
        }
        state.set(p, 1);
        stack.push({ node: p, next: 0 });
        pushed = true;
        break;
      }
      if (!pushed) {
        stack.pop();
        state.set(top.node, 2);
        order.push(top.node);
      }
    }
  }
  return order;
}

/** The model-graph indices a node refers to through its attributes (WHILE, IF, CALL_ONCE …). */
export function subgraphRefs(node: Node): number[] {
  const out: number[] = [];
  for (const [k, v] of Object.entries(node.attrs)) {
    if (!isSubgraphAttr(node.op, k)) continue;
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'number') out.push(x);
  }
  return out;
}

/** True for attributes holding model-graph indices: schema kind 'subgraph', or named `…SubgraphIndex`/`…SubgraphIndices`. */
export function isSubgraphAttr(op: string, attr: string): boolean {
  if (/Subgraph(Index|Indices)$/.test(attr)) return true;
  return getOpSchema(op)?.attrs[attr]?.kind === 'subgraph';
}

/**
 * Makes every reader of `from` (node inputs and intermediates, graph outputs) read `to` instead.
 * A graph output keeps its name: `to` takes `from`'s name when it was not itself a graph
 * input/output. Returns the number of uses changed.
 */
export function replaceAllUses(graph: Graph, from: Value, to: Value): number {
  if (from === to) return 0;
  let n = 0;
  for (const node of graph.nodes) {
    node.inputs.forEach((v, i) => {
      if (v === from) {
        node.inputs[i] = to;
        n++;
      }
    });
  }
  if (graph.outputs.includes(from)) {
    if (!graph.outputs.includes(to) && !graph.inputs.includes(to)) to.name = from.name;
    graph.outputs = graph.outputs.map((v) => (v === from ? to : v));
    n++;
  }
  return n;
}
