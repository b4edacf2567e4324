// diffModels: a structural diff of two models, graph by graph. Nodes are matched by name (the
// k-th node of a name matches the k-th of the same name); nameless nodes by op and position.
import type { AttrValue, Graph, Model, Node, Value } from '@liteml/graph-ir';
import { fmtShape } from './format';

export interface NodeChange {
  /** 'op' | 'attr:<name>' | 'input <i>' | 'output <i>' | 'version' … */
  field: string;
  before: string;
  after: string;
}

export interface GraphDiff {
  /** Graph index in `a` and `b` (graphs are matched by index). */
  index: number;
  name: string;
  /** Indices of nodes in b that have no match in a. */
  added: { index: number; name: string; op: string }[];
  /** Indices of nodes in a that have no match in b. */
  removed: { index: number; name: string; op: string }[];
  /** Matched pairs that differ. */
  changed: { indexA: number; indexB: number; name: string; op: string; changes: NodeChange[] }[];
  unchanged: number;
  inputs: NodeChange[];
  outputs: NodeChange[];
}

export interface ModelDiff {
  graphs: GraphDiff[];
  /** Graphs only in a (removed) or only in b (added). */
  graphsRemoved: number[];
  graphsAdded: number[];
  totals: { added: number; removed: number; changed: number; unchanged: number };
  /** True when nothing differs. */
  identical: boolean;
}

function nodeKeys(g: Graph): string[] {
  const seen = new Map<string, number>();
  return g.nodes.map((n, i) => {
    if (!n.name) return `#${n.op}@${i}`;
    const k = seen.get(n.name) ?? 0;
    seen.set(n.name, k + 1);
    return k ? `${n.name}#${k}` : n.name;
  });
}

function attrText(a: AttrValue): string {
  if (a instanceof Uint8Array) return `bytes(${a.byteLength}):${hashBytes(a)}`;
  if (typeof a === 'bigint') return a.toString();
  if (Array.isArray(a)) return `[${(a as unknown[]).map((x) => String(x)).join(',')}]`;
  if (a && typeof a === 'object') return JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(a);
}

/** FNV-1a over the bytes (sampled beyond 1 MiB): changes in constants show up as changed nodes. */
function hashBytes(d: Uint8Array): string {
  let h = 0x811c9dc5;
  const step = d.byteLength > 1 << 20 ? Math.ceil(d.byteLength / (1 << 20)) : 1;
  for (let i = 0; i < d.byteLength; i += step) {
    h ^= d[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function valueText(v: Value | undefined): string {
  if (!v) return '(none)';
  let s = `${v.dtype}[${fmtShape(v.shape, ',')}]`;
  if (v.quant && v.quant.scale.length) {
    s += v.quant.scale.length === 1 ? ` q(${v.quant.scale[0]},${v.quant.zeroPoint[0] ?? 0})` : ` q(axis ${v.quant.axis ?? 0} ×${v.quant.scale.length})`;
  }
  if (v.data) s += ` const ${v.data.byteLength}B:${hashBytes(v.data)}`;
  return s;
}

function compareNodes(a: Node, b: Node): NodeChange[] {
  const ch: NodeChange[] = [];
  if (a.op !== b.op) ch.push({ field: 'op', before: a.op, after: b.op });
  if ((a.version ?? 1) !== (b.version ?? 1)) ch.push({ field: 'version', before: String(a.version ?? 1), after: String(b.version ?? 1) });
  const keys = new Set([...Object.keys(a.attrs), ...Object.keys(b.attrs)]);
  for (const k of [...keys].sort()) {
    const x = a.attrs[k] === undefined ? '(unset)' : attrText(a.attrs[k]);
    const y = b.attrs[k] === undefined ? '(unset)' : attrText(b.attrs[k]);
    if (x !== y) ch.push({ field: `attr:${k}`, before: x, after: y });
  }
  const io = (xs: (Value | undefined)[], ys: (Value | undefined)[], what: string) => {
    for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
      const x = i < xs.length ? valueText(xs[i]) : '(absent)';
      const y = i < ys.length ? valueText(ys[i]) : '(absent)';
      if (x !== y) ch.push({ field: `${what} ${i}`, before: x, after: y });
    }
  };
  io(a.inputs, b.inputs, 'input');
  io(a.outputs, b.outputs, 'output');
  return ch;
}

function ioChanges(xs: Value[], ys: Value[], what: string): NodeChange[] {
  const ch: NodeChange[] = [];
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i] ? `${xs[i]!.name} ${valueText(xs[i])}` : '(absent)';
    const y = ys[i] ? `${ys[i]!.name} ${valueText(ys[i])}` : '(absent)';
    if (x !== y) ch.push({ field: `${what} ${i}`, before: x, after: y });
  }
  return ch;
}

function diffGraph(index: number, a: Graph, b: Graph): GraphDiff {
  const ka = nodeKeys(a);
  const kb = nodeKeys(b);
  const inA = new Map(ka.map((k, i) => [k, i] as const));
  const matchedA = new Set<number>();
  const d: GraphDiff = {
    index, name: b.name, added: [], removed: [], changed: [], unchanged: 0,
    inputs: ioChanges(a.inputs, b.inputs, 'input'),
    outputs: ioChanges(a.outputs, b.outputs, 'output'),
  };
  kb.forEach((k, ib) => {
    const nb = b.nodes[ib]!;
    const ia = inA.get(k);
    if (ia === undefined) {
      d.added.push({ index: ib, name: nb.name, op: nb.op });
      return;
    }
    matchedA.add(ia);
    const changes = compareNodes(a.nodes[ia]!, nb);
    if (changes.length) d.changed.push({ indexA: ia, indexB: ib, name: nb.name, op: nb.op, changes });
    else d.unchanged++;
  });
  a.nodes.forEach((n, i) => {
    if (!matchedA.has(i)) d.removed.push({ index: i, name: n.name, op: n.op });
  });
  return d;
}

/** What changed from model `a` to model `b`. */
export function diffModels(a: Model, b: Model): ModelDiff {
  const n = Math.min(a.graphs.length, b.graphs.length);
  const graphs: GraphDiff[] = [];
  for (let i = 0; i < n; i++) graphs.push(diffGraph(i, a.graphs[i]!, b.graphs[i]!));
  const graphsRemoved = a.graphs.slice(n).map((_, i) => n + i);
  const graphsAdded = b.graphs.slice(n).map((_, i) => n + i);
  const totals = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const g of graphs) {
    totals.added += g.added.length;
    totals.removed += g.removed.length;
    totals.changed += g.changed.length;
    totals.unchanged += g.unchanged;
  }
  for (const i of graphsAdded) totals.added += b.graphs[i]!.nodes.length;
  for (const i of graphsRemoved) totals.removed += a.graphs[i]!.nodes.length;
  const identical =
    totals.added + totals.removed + totals.changed === 0 &&
    graphs.every((g) => g.inputs.length === 0 && g.outputs.length === 0) &&
    graphsAdded.length + graphsRemoved.length === 0;
  return { graphs, graphsRemoved, graphsAdded, totals, identical };
}
