// Inlines tfl.STABLEHLO_COMPOSITE nodes of the main graph: each becomes a copy of the nodes of its
// decomposition subgraph, so a backend without a composite kernel runs the decomposed ops itself.
import { bytesOf } from '../dtype';
import { IRError } from '../errors';
import { Graph, Model, Node, Value, type AttrValue } from '../ir';
import { isStaticShape } from '../shape';
import { nextValueId } from '../walk';

const COMPOSITE = 'tfl.STABLEHLO_COMPOSITE';

/**
 * A new model whose main graph (`graphs[0]`) has every STABLEHLO_COMPOSITE node replaced by a copy
 * of its decomposition subgraph's nodes, recursively. The subgraph's inputs become the composite's
 * inputs and its outputs the composite's output values (the same objects, so consumers and graph
 * outputs are untouched); its other values and constants are fresh values named
 * `<composite node>/<name>`. A subgraph output that is one of its inputs or a constant is wired
 * straight to the consumers, or copied by a RESHAPE where it is a graph or signature output.
 * Every graph keeps its index; graphs other than the main one are the input's (shared, unchanged).
 * The input model is not mutated.
 */
export function inlineComposites(model: Model): Model {
  const main = model.graphs[0];
  if (!main) return copyModel(model, model.graphs);
  const protectedValues = new Set<Value>(main.outputs);
  for (const s of model.signatures ?? []) if (s.graphIndex === 0) for (const e of s.outputs) protectedValues.add(e.value);
  let nextId = nextValueId(main);
  const nodes: Node[] = [];
  const alias = new Map<Value, Value>(); // a composite output → the value it is identical to
  const resolve = (v: Value | undefined) => (v && alias.get(v)) ?? v;

  const emit = (node: Node, stack: number[]): void => {
    const inputs = node.inputs.map(resolve);
    if (node.op !== COMPOSITE) {
      nodes.push(copyNode(node, { inputs }));
      return;
    }
    const index = node.attrs['decompositionSubgraphIndex'];
    const sub = typeof index === 'number' && index > 0 ? model.graphs[index] : undefined;
    if (!sub) throw new IRError('BAD_SUBGRAPH_REF', `composite '${node.name}' has no decomposition subgraph (${String(index)})`, { nodes: [node.name] });
    if (stack.includes(index as number)) throw new IRError('CYCLE', `composite '${node.name}' expands into itself (graph ${String(index)})`, { nodes: [node.name] });
    if (sub.inputs.length !== inputs.length || sub.outputs.length !== node.outputs.length) {
      throw new IRError('INVALID_GRAPH', `composite '${node.name}' has ${inputs.length} inputs and ${node.outputs.length} outputs, its decomposition '${sub.name}' ${sub.inputs.length} and ${sub.outputs.length}`, { nodes: [node.name] });
    }
    const map = new Map<Value, Value | undefined>();
    sub.inputs.forEach((v, i) => map.set(v, inputs[i]));
    const produced = new Set<Value>(sub.nodes.flatMap((n) => n.outputs));
    sub.outputs.forEach((v, i) => {
      if (produced.has(v) && !map.has(v)) map.set(v, node.outputs[i]);
    });
    const inner = (v: Value): Value => {
      if (!map.has(v)) map.set(v, cloneValue(v, nextId++, `${node.name}/${v.name}`));
      return map.get(v)!;
    };
    const innerOpt = (v: Value | undefined) => (v ? inner(v) : undefined);
    for (const n of sub.nodes) {
      const copy = copyNode(n, {
        name: `${node.name}/${n.name}`,
        inputs: n.inputs.map(innerOpt),
        outputs: n.outputs.map(inner),
        intermediates: n.intermediates?.map(inner),
      });
      emit(copy, [...stack, index as number]);
    }
    // outputs the subgraph does not compute itself (an input, a constant, an output listed twice)
    sub.outputs.forEach((v, i) => {
      const out = node.outputs[i]!;
      const same = resolve(inner(v));
      if (!same) throw new IRError('INVALID_GRAPH', `composite '${node.name}' output ${i} is its omitted input`, { nodes: [node.name] });
      if (same === out) return;
      if (protectedValues.has(out)) nodes.push(...copyInto(same, out, `${node.name}/${out.name}`, () => nextId++));
      else alias.set(out, same);
    });
  };

  for (const n of main.nodes) emit(n, []);
  const graph = new Graph(main.name, [...main.inputs], main.outputs.map((v) => resolve(v)!), nodes);
  return copyModel(model, [graph, ...model.graphs.slice(1)]);
}

function copyModel(model: Model, graphs: Graph[]): Model {
  return new Model({
    graphs,
    signatures: model.signatures && [...model.signatures],
    metadata: model.metadata && [...model.metadata],
    description: model.description,
    version: model.version,
    metadataBuffers: model.metadataBuffers,
  });
}

function copyNode(n: Node, change: { name?: string; inputs?: (Value | undefined)[]; outputs?: Value[]; intermediates?: Value[] | undefined }): Node {
  return new Node({
    op: n.op,
    name: change.name ?? n.name,
    inputs: change.inputs ?? [...n.inputs],
    outputs: change.outputs ?? [...n.outputs],
    attrs: { ...n.attrs },
    version: n.version,
    intermediates: 'intermediates' in change ? change.intermediates : n.intermediates && [...n.intermediates],
  });
}

function cloneValue(v: Value, id: number, name: string): Value {
  return new Value({
    id, name, dtype: v.dtype, shape: v.shape, shapeSignature: v.shapeSignature, quant: v.quant,
    data: v.data, isVariable: v.isVariable, sparsity: v.sparsity,
  });
}

/** Nodes that make `to` a copy of `from`: RESHAPE to its own shape (a constant, else SHAPE of it). */
function copyInto(from: Value, to: Value, name: string, freshId: () => number): Node[] {
  const shape = from.shape;
  const attrs: Record<string, AttrValue> = {};
  if (isStaticShape(shape)) {
    const dims = new Value({ id: freshId(), name: `${name}/shape`, dtype: 'i32', shape: [shape.length], data: bytesOf(Int32Array.from(shape)) });
    return [new Node({ op: 'tfl.RESHAPE', name, inputs: [from, dims], outputs: [to], attrs })];
  }
  const dims = new Value({ id: freshId(), name: `${name}/shape`, dtype: 'i32', shape: [shape ? shape.length : -1] });
  return [
    new Node({ op: 'tfl.SHAPE', name: `${name}/shape`, inputs: [from], outputs: [dims], attrs: { outType: 'INT32' } }),
    new Node({ op: 'tfl.RESHAPE', name, inputs: [from, dims], outputs: [to], attrs }),
  ];
}
