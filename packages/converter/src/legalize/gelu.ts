// GELU written out with Erf (Keras / tf.nn.gelu(approximate=False)):
//   0.5 * x * (1 + erf(x / √2))  →  tfl.GELU(x)
// TFLite has no Erf kernel, so this runs before the per-op rules. Accepted forms:
// Mul(Mul(x, 0.5), a) and Mul(Mul(x, a), 0.5) with a = Add(1, Erf(x / √2 or x * (1/√2))), operands in any order.
import { GraphBuilder, constantValues, eliminateDeadCode, type Graph, type Model, type Node, type Value } from '@liteml/graph-ir';

const isConst = (v: Value | undefined, want: number) => {
  const vals = v && constantValues(v);
  return !!vals && vals.length === 1 && Math.abs(Number(vals[0]) - want) < 1e-4 * Math.abs(want);
};
const MUL = ['tf.Mul'];
const ADD = ['tf.Add', 'tf.AddV2'];

/** The other operand of a binary node when one operand is the constant `c`. */
function otherThan(n: Node | undefined, ops: string[], c: number): Value | undefined {
  if (!n || !ops.includes(n.op) || n.inputs.length !== 2) return undefined;
  if (isConst(n.inputs[1], c)) return n.inputs[0];
  if (isConst(n.inputs[0], c)) return n.inputs[1];
  return undefined;
}

function fuseIn(graph: Graph, model: Model): number {
  const prod = new Map<Value, Node>();
  const uses = new Map<Value, Node[]>();
  for (const n of graph.nodes) {
    n.outputs.forEach((o) => prod.set(o, n));
    for (const v of new Set(n.inputs)) if (v) uses.set(v, [...(uses.get(v) ?? []), n]);
  }
  const only = (v: Value) => (graph.outputs.includes(v) ? undefined : uses.get(v)?.length === 1 ? uses.get(v)![0] : undefined);
  const b = GraphBuilder.on(graph);
  let fused = 0;
  for (const erf of graph.nodes.filter((n) => n.op === 'tf.Erf')) {
    const scaled = prod.get(erf.inputs[0]!);
    const x = scaled?.op === 'tf.RealDiv' && isConst(scaled.inputs[1], Math.SQRT2) ? scaled.inputs[0] : otherThan(scaled, MUL, Math.SQRT1_2);
    if (!x) continue;
    const add = only(erf.outputs[0]!);
    if (!add || otherThan(add, ADD, 1) !== erf.outputs[0]) continue;
    const mul = only(add.outputs[0]!);
    if (!mul || !MUL.includes(mul.op)) continue;
    const other = mul.inputs[0] === add.outputs[0] ? mul.inputs[1] : mul.inputs[0];
    let last: Node | undefined;
    if (other && otherThan(prod.get(other), MUL, 0.5) === x) last = mul; // Mul(Mul(x, 0.5), a)
    else if (other === x) {
      const half = only(mul.outputs[0]!);
      if (otherThan(half, MUL, 0.5) === mul.outputs[0]) last = half; // Mul(Mul(x, a), 0.5)
    }
    if (!last) continue;
    const out = last.outputs[0]!;
    const [gelu] = b.op('tfl.GELU', [x], { approximate: false }, { name: out.name, outputs: [{ dtype: out.dtype, shape: out.shape }] });
    const node = graph.nodes.pop()!; // appended by the builder: move it next to the Mul it replaces
    graph.nodes.splice(graph.nodes.indexOf(last) + 1, 0, node);
    for (const n of graph.nodes) n.inputs = n.inputs.map((v) => (v === out ? gelu : v));
    graph.outputs = graph.outputs.map((v) => (v === out ? gelu! : v));
    const gi = model.graphs.indexOf(graph);
    for (const s of model.signatures) if (s.graphIndex === gi) for (const e of s.outputs) if (e.value === out) e.value = gelu!;
    fused++;
  }
  if (fused > 0) eliminateDeadCode(graph, model);
  return fused;
}

/** Replaces Erf-based GELU subgraphs by tfl.GELU in every graph; returns how many. */
export function fuseErfGelu(model: Model): number {
  return model.graphs.reduce((sum, g) => sum + fuseIn(g, model), 0);
}
