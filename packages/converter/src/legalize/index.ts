// Legalization: every tf.* node is replaced by tfl.* nodes using the per-op rules of this folder.
// Nodes without a rule, or whose rule declines, stay tf.* and are listed by the target check.
import { GraphBuilder, type Graph, type Model, type Node, type Value } from '@liteml/graph-ir';
import { ConversionError } from '../errors';
import { controlRules, v1ControlFlowReasons } from './control';
import { fuseErfGelu } from './gelu';
import { mathRules } from './math';
import { nnRules } from './nn';
import { LegalizeBuilder, NotLegal, TfNode, type LegalizeRule } from './rule';
import { quantRules } from './quant';
import { identityRules, shapeRules } from './shape';

export { rule, rules, type LegalizeRule, type LegalizeFn, TfNode, LegalizeBuilder } from './rule';

const ALL_RULES: LegalizeRule[] = [...mathRules, ...nnRules, ...shapeRules, ...identityRules, ...controlRules, ...quantRules];
const RULES = new Map(ALL_RULES.map((r) => [r.op, r]));

/** TF ops (without the `tf.` prefix) the converter maps to TFLite, sorted. */
export function legalizableTfOps(): string[] {
  return [...RULES.keys()].map((op) => op.slice(3)).sort();
}

export interface LegalizeResult {
  /** Nodes left in the tf.* dialect, with the reason. */
  illegal: Map<Node, string>;
  /** Per TF op: how many nodes were legalized. */
  legalized: Record<string, number>;
}

/** Legalizes every graph of `model` in place (tf.* → tfl.*). */
export function legalizeModel(model: Model): LegalizeResult {
  const result: LegalizeResult = { illegal: new Map(), legalized: {} };
  const gelus = fuseErfGelu(model);
  if (gelus > 0) result.legalized['tf.Erf (as GELU)'] = gelus;
  for (const g of model.graphs) legalizeGraph(model, g, result);
  for (const g of model.graphs) for (const n of g.nodes) if (n.op.startsWith('tfl.') && n.outputs[0]) n.name = n.outputs[0].name;
  return result;
}

function legalizeGraph(model: Model, graph: Graph, result: LegalizeResult): void {
  const subst = new Map<Value, Value>();
  const sub = (v: Value): Value => {
    let x = v;
    for (let r = subst.get(x); r !== undefined; r = subst.get(x)) x = r;
    return x;
  };
  const outputNames = graph.outputs.map((v) => v.name);
  const gb = GraphBuilder.on(graph);
  const kept: Node[] = [];
  let current = '';
  for (const node of [...graph.nodes]) {
    node.inputs = node.inputs.map((v) => v && sub(v));
    const r = node.op.startsWith('tf.') ? RULES.get(node.op) : undefined;
    if (!r) {
      if (node.op.startsWith('tf.')) result.illegal.set(node, v1ControlFlowReasons.get(node.op.slice(3)) ?? `no TFLite equivalent for ${node.op.slice(3)}`);
      kept.push(node);
      continue;
    }
    current = node.name;
    const b = new LegalizeBuilder(graph, model, gb, () => current);
    const before = graph.nodes.length;
    let repl: readonly Value[];
    try {
      const out = r.fn(new TfNode(node), b);
      repl = Array.isArray(out) ? out : [out as Value];
    } catch (e) {
      graph.nodes.splice(before);
      if (e instanceof NotLegal) result.illegal.set(node, e.reason);
      else if (e instanceof Error && (e as { code?: string }).code) result.illegal.set(node, e.message);
      else throw e;
      kept.push(node);
      continue;
    }
    const added = graph.nodes.splice(before);
    if (repl.length !== node.outputs.length) {
      throw new ConversionError('LEGALIZE_FAILED', `rule for ${node.op} returned ${repl.length} values for node '${node.name}' with ${node.outputs.length} outputs`, [node.name]);
    }
    kept.push(...added);
    const renamed = new Set<Value>();
    node.outputs.forEach((o, i) => {
      const v = repl[i]!;
      if (b.created.has(v) && !renamed.has(v)) {
        renamed.add(v);
        v.name = o.name;
        if (v.shape === undefined && o.shape !== undefined) v.shape = o.shape;
      }
      subst.set(o, v);
    });
    result.legalized[node.op] = (result.legalized[node.op] ?? 0) + 1;
  }
  graph.nodes = kept;
  graph.outputs = graph.outputs.map(sub);
  // graph outputs keep the names the TF graph gives them (Identity 'output' of 'dense/BiasAdd' → 'output')
  graph.outputs.forEach((v, i) => {
    const want = outputNames[i]!;
    if (v.name !== want && !graph.inputs.includes(v) && !v.data && graph.outputs.indexOf(v) === i) v.name = want;
  });
  const gi = model.graphs.indexOf(graph);
  for (const s of model.signatures) {
    if (s.graphIndex !== gi) continue;
    for (const e of s.outputs) e.value = sub(e.value);
  }
}
