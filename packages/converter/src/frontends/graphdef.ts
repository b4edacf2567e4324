// GraphDef → graph-ir Model in the tf.* dialect: one Node per NodeDef (`tf.<op>`), Const → constant
// Values, Placeholder → graph inputs, TF tensor names kept, pruned to what the outputs need,
// toposorted, then shape inference.
import { Graph, Model, Node, Value, inferNode } from '@liteml/graph-ir';
import type { AttrValue as IrAttr, DType } from '@liteml/graph-ir';
import type { GraphDef, NodeDef, OpDef } from '@liteml/schema';
import { ConversionError } from '../errors';
import { convertAttrs, shapeToDims, toDType } from './attrs';
import { tensorToConstant, type ConstantData } from './constants';
import { functionalizeV1Loops, hasV1Loops } from './control-flow-v1';
import { functionalizeV1Conds, hasV1Conds } from './control-flow-v1-cond';
import { attachFunctionGraphs, propagateFunctionShapes } from './functions';
import { functionMap, inlineFunctions } from './inline';
import { declaredOutputCount } from './op-outputs';
import { likelyOutputs } from './likely-outputs';
import { topoOrder } from './order';
import { canonicalRef, isControlRef, refIndex, refNode, refTensorName, tensorName } from './refs';

/** A tensor named by its TF name (`x`, `x:0`, `split:1`), with an optional dtype and shape. */
export interface TensorSpec {
  name: string;
  dtype?: DType;
  shape?: number[];
}

export interface ImportGraphDefOptions {
  /**
   * The graph inputs, by tensor name; default: every Placeholder the outputs need. Naming an inner
   * tensor cuts the graph there (its producers are dropped); give its dtype/shape where the
   * producer's attributes do not tell.
   */
  inputs?: (string | TensorSpec)[];
  /** The graph outputs, by tensor name; default: the likely outputs (tensors nothing consumes). */
  outputs?: string[];
  /** Shapes for inputs (by tensor name), replacing unknown dims. */
  inputShapes?: Record<string, number[]>;
  /** Drop the nodes the outputs do not need (default true). With false every node is kept. */
  prune?: boolean;
  /** Inline PartitionedCall / StatefulPartitionedCall and direct function calls (default true). */
  inlineFunctions?: boolean;
  /**
   * Rewrite TF1 conds (Switch/Merge) into `StatelessIf` with branch functions (default true).
   * With false the Switch/Merge nodes are imported as they are (the target check rejects them).
   */
  functionalizeConds?: boolean;
  /** OpDefs of the ops the graph uses (output arg names and counts), e.g. a SavedModel's stripped_op_list. */
  opDefs?: readonly OpDef[];
  /** Name of the graph (default 'main'). */
  name?: string;
}

/** What the frontends hand to `buildGraph` beyond the options. */
export interface BuildContext {
  alias?: Map<string, string>;
  /** Values for Const-like nodes by node name (frozen variables). */
  constants?: Map<string, ConstantData>;
  opDefs?: ReadonlyMap<string, OpDef>;
}

/** Imports a GraphDef (binary `.pb` or text `.pbtxt`, decoded by @liteml/schema) as a tf.* Model. */
export function importGraphDef(graphDef: GraphDef, options: ImportGraphDefOptions = {}): Model {
  const opDefs = new Map((options.opDefs ?? []).map((d) => [d.name, d]));
  const library = functionMap(graphDef.library);
  let nodes: readonly NodeDef[] = graphDef.node;
  let alias = new Map<string, string>();
  if (hasV1Loops(nodes)) {
    const v1 = functionalizeV1Loops(nodes, new Set(library.keys()));
    nodes = v1.nodes;
    for (const f of v1.functions) library.set(f.signature!.name, f);
  }
  if (options.functionalizeConds !== false && hasV1Conds(nodes)) {
    const v1 = functionalizeV1Conds(nodes, new Set(library.keys()));
    nodes = v1.nodes;
    for (const f of v1.functions) library.set(f.signature!.name, f);
  }
  const inline = options.inlineFunctions !== false;
  if (inline && library.size > 0) ({ nodes, alias } = inlineFunctions(nodes, library, opDefs));
  const graphs = [buildGraph(nodes, options, { alias, opDefs })];
  attachFunctionGraphs(graphs, library, opDefs, inline);
  const model = new Model({ graphs });
  if (graphs.length > 1) propagateFunctionShapes(graphs, model);
  return model;
}

const SOURCE_INPUT_OPS = new Set(['Placeholder', '_Arg']);

/** Builds the graph of a flat NodeDef list (functions already inlined). */
export function buildGraph(nodes: readonly NodeDef[], options: ImportGraphDefOptions, ctx: BuildContext = {}): Graph {
  const alias = ctx.alias ?? new Map<string, string>();
  const opDefs = ctx.opDefs ?? new Map<string, OpDef>();
  const byName = new Map<string, NodeDef>();
  for (const n of nodes) {
    if (byName.has(n.name)) throw new ConversionError('DUPLICATE_NODE', `two nodes are named '${n.name}'`, [n.name]);
    byName.set(n.name, n);
  }
  const resolve = (ref: string): string => {
    let r = canonicalRef(ref);
    for (let guard = 0; alias.has(r); guard++) {
      if (guard > 10_000) throw new ConversionError('CYCLE', `tensor reference '${ref}' is an alias of itself`, [refNode(r)]);
      r = alias.get(r)!;
    }
    return r;
  };
  const known = (ref: string, what: string): string => {
    const r = resolve(ref);
    if (!byName.has(refNode(r))) {
      throw new ConversionError('UNKNOWN_TENSOR', `${what} '${ref}' names no node of the graph`, [refNode(r)]);
    }
    return r;
  };
  const dataInputs = new Map<NodeDef, string[]>();
  for (const n of nodes) {
    dataInputs.set(n, n.input.filter((i) => !isControlRef(i)).map((i) => known(i, `input of node '${n.name}':`)));
  }

  // Inputs that cut the graph, and outputs.
  const specs = (options.inputs ?? []).map((s) => (typeof s === 'string' ? { name: s } : s));
  const cuts = new Map<string, TensorSpec>();
  for (const s of specs) cuts.set(known(s.name, 'input'), s);
  const outputRefs = options.outputs ? options.outputs.map((o) => known(o, 'output')) : likelyOutputs(nodes, resolve, byName, opDefs);
  if (!options.outputs && options.prune !== false && outputRefs.length === 0) {
    throw new ConversionError('BAD_MODEL', 'the graph has no likely outputs (every tensor is consumed); name them with the `outputs` option');
  }

  // Nodes the outputs need.
  let needed: Set<string>;
  if (options.prune === false) {
    needed = new Set(byName.keys());
  } else {
    needed = new Set();
    const stack = [...outputRefs];
    while (stack.length > 0) {
      const r = stack.pop()!;
      if (cuts.has(r) || needed.has(refNode(r))) continue;
      const n = byName.get(refNode(r))!;
      needed.add(n.name);
      for (const i of dataInputs.get(n)!) stack.push(i);
    }
  }
  const order = topoOrder(nodes.filter((n) => needed.has(n.name)), dataInputs, byName, cuts);

  // Output counts: what the attributes say, at least what consumers reference.
  const refMax = new Map<string, number>();
  const bump = (r: string) => refMax.set(refNode(r), Math.max(refMax.get(refNode(r)) ?? -1, refIndex(r)));
  for (const n of order) for (const i of dataInputs.get(n)!) bump(i);
  outputRefs.forEach(bump);
  cuts.forEach((_, r) => bump(r));

  const values = new Map<string, Value>();
  let nextId = 0;
  const newValue = (name: string, dtype: DType, shape: readonly (number | string)[] | undefined, data?: Uint8Array) =>
    new Value({ id: nextId++, name, dtype, shape, data });
  const shapeFor = (name: string, fallback: number[] | undefined): number[] | undefined =>
    options.inputShapes?.[name] ?? options.inputShapes?.[`${name}:0`] ?? fallback;

  const graph = new Graph(options.name ?? 'main');
  for (const [r, s] of cuts) {
    const producer = byName.get(refNode(r))!;
    const name = refTensorName(r);
    const dtype = s.dtype ?? guessDType(producer, refIndex(r), opDefs);
    if (!dtype) {
      throw new ConversionError('BAD_MODEL', `input '${s.name}': the dtype of this inner tensor is unknown; pass { name, dtype } in the inputs option`, [producer.name]);
    }
    const v = newValue(name, dtype, shapeFor(name, s.shape ?? outputShape(producer, refIndex(r))));
    values.set(r, v);
    graph.inputs.push(v);
  }
  for (const n of order) {
    const where = n.name;
    const count = Math.max(declaredOutputCount(n.op, n.attr, opDefs) ?? 1, (refMax.get(n.name) ?? -1) + 1);
    if (SOURCE_INPUT_OPS.has(n.op)) {
      if (values.has(`${n.name}:0`)) continue; // cut there already
      const dtype = toDType(n.attr[n.op === '_Arg' ? 'T' : 'dtype']?.type ?? 'DT_INVALID', where);
      const declared = (n.attr['shape'] ? shapeToDims(n.attr['shape'].shape) : undefined) ?? outputShape(n, 0);
      const v = newValue(n.name, dtype, shapeFor(n.name, declared));
      values.set(`${n.name}:0`, v);
      graph.inputs.push(v);
      continue;
    }
    if (n.op === 'Const' || ctx.constants?.has(n.name)) {
      const c = ctx.constants?.get(n.name) ?? constantOf(n);
      values.set(`${n.name}:0`, newValue(n.name, c.dtype, c.shape, c.data));
      continue;
    }
    const inputs = dataInputs.get(n)!.map((r) => {
      const v = values.get(r);
      if (!v) throw new ConversionError('UNKNOWN_TENSOR', `node '${n.name}' reads '${refTensorName(r)}', which '${refNode(r)}' does not produce`, [n.name, refNode(r)]);
      return v;
    });
    const outputs: Value[] = [];
    for (let k = 0; k < count; k++) {
      const v = newValue(tensorName(n.name, k), guessDType(n, k, opDefs) ?? 'f32', outputShape(n, k));
      values.set(`${n.name}:${k}`, v);
      outputs.push(v);
    }
    const attrs: Record<string, IrAttr> = convertAttrs(n.attr, n.name);
    const control = n.input.filter(isControlRef).map((c) => c.slice(1));
    if (control.length > 0) attrs['_control_inputs'] = control;
    graph.nodes.push(new Node({ op: `tf.${n.op}`, name: n.name, inputs, outputs, attrs }));
  }
  graph.outputs = outputRefs.map((r) => {
    const v = values.get(r);
    if (!v) throw new ConversionError('UNKNOWN_TENSOR', `output '${refTensorName(r)}' is not produced by '${refNode(r)}'`, [refNode(r)]);
    return v;
  });
  runShapeInference(graph);
  return graph;
}

function constantOf(n: NodeDef): ConstantData {
  const t = n.attr['value']?.tensor;
  if (!t) throw new ConversionError('BAD_MODEL', `Const node '${n.name}' has no value attribute`, [n.name]);
  return tensorToConstant(t, n.name);
}

/**
 * graph-ir shape inference, node by node (ops liteml cannot infer keep their first-guess types).
 * Any failure is a ConversionError naming the node.
 */
export function runShapeInference(graph: Graph, model?: Model): void {
  for (const node of graph.nodes) {
    let types;
    try {
      types = inferNode(node, model ? { model } : {});
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new ConversionError('SHAPE_INFERENCE', `shape inference failed at node '${node.name}' (${node.op}): ${why}`, [node.name], { cause: e });
    }
    types?.forEach((t, i) => {
      const o = node.outputs[i];
      if (!o || !t) return;
      o.dtype = t.dtype;
      o.shape = t.shape;
    });
  }
}

/** `_output_shapes[k]` where the producer recorded it. */
function outputShape(n: NodeDef, k: number): number[] | undefined {
  const s = n.attr['_output_shapes']?.list?.shape[k];
  return s ? shapeToDims(s) : undefined;
}

/** A first guess of output k's dtype (shape inference refines it): OpDef, else common dtype attributes. */
function guessDType(n: NodeDef, k: number, opDefs: ReadonlyMap<string, OpDef>): DType | undefined {
  const tryType = (t: Parameters<typeof toDType>[0] | undefined): DType | undefined => {
    if (t === undefined) return undefined;
    try {
      return toDType(t, n.name);
    } catch {
      return undefined;
    }
  };
  const def = opDefs.get(n.op);
  if (def && def.outputArg.length === 1) {
    const a = def.outputArg[0]!;
    if (a.typeAttr) return tryType(n.attr[a.typeAttr]?.type);
    if (a.typeListAttr) return tryType(n.attr[a.typeListAttr]?.list?.type[k]);
    if (a.type && a.type !== 'DT_INVALID') return tryType(a.type);
  }
  for (const key of ['Tout', 'T', 'dtypes', 'output_types', 'component_types']) {
    const l = n.attr[key]?.list?.type;
    if (l && l.length > k) return tryType(l[k]);
  }
  for (const key of ['dtype', 'out_type', 'DstT', 'T', 'output_type', 'Tidx']) {
    const t = tryType(n.attr[key]?.type);
    if (t) return t;
  }
  return undefined;
}
