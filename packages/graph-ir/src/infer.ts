// Shape (and dtype) inference driven by the op schemas' `infer` functions.
import { typedArrayOf } from './dtype';
import { IRError, isIRErrorLike } from './errors';
import { Model, type Graph, type Node, type Value } from './ir';
import { getOpSchema, withDefaultAttrs, type ValueType } from './ops';

export type { ValueType };

export interface InferOptions {
  /** The model the graph belongs to: needed for control-flow ops (IF, WHILE, CALL_ONCE …). */
  model?: Model;
  /** Types to use instead of the values' own (what inferShapes has inferred so far). */
  typeOf?: (v: Value) => ValueType;
}

/** The values of a constant, as numbers (bigints for 64-bit ints); undefined for non-numeric data. */
export function constantValues(v: Value): number[] | bigint[] | undefined {
  if (!v.data) return undefined;
  if (v.dtype === 'string' || v.dtype === 'resource' || v.dtype === 'variant' || v.dtype === 'f16' || v.dtype === 'bf16') return undefined;
  if (v.dtype === 'complex64' || v.dtype === 'complex128') return undefined;
  const t = typedArrayOf(v);
  return Array.from(t as ArrayLike<number | bigint>) as number[] | bigint[];
}

/**
 * The output types of one node computed from its inputs' types, or undefined where liteml has no
 * inference for the op. Throws IRError(SHAPE_MISMATCH …) naming the node on incompatible inputs.
 */
export function inferNode(node: Node, options: InferOptions = {}): ValueType[] | undefined {
  const schema = getOpSchema(node.op);
  if (!schema) return undefined;
  const typeOf = options.typeOf ?? ((v: Value) => ({ dtype: v.dtype, shape: v.shape }));
  let fromSubgraph: ValueType[] | undefined;
  if (schema.outputsFromSubgraph && options.model) {
    const idx = node.attrs[schema.outputsFromSubgraph];
    const sub = typeof idx === 'number' ? options.model.graphs[idx] : undefined;
    if (sub && sub.outputs.length === node.outputs.length) fromSubgraph = sub.outputs.map((o) => ({ dtype: o.dtype, shape: o.shape }));
  }
  if (!schema.infer) return fromSubgraph;
  let inferred: ValueType[];
  try {
    inferred = schema.infer({
      inputs: node.inputs.map((v) => (v ? typeOf(v) : undefined)),
      attrs: withDefaultAttrs(schema, node.attrs),
      constInput: (i) => {
        const v = node.inputs[i];
        return v ? constantValues(v) : undefined;
      },
      numOutputs: node.outputs.length,
      outputs: node.outputs.map((v) => typeOf(v)),
    });
  } catch (e) {
    if (isIRErrorLike(e)) {
      throw new IRError(e.code, `node '${node.name}' (${node.op}): ${e.message}`, {
        nodes: [node.name],
        values: node.inputs.filter((v): v is Value => !!v).map((v) => v.name),
      });
    }
    throw e;
  }
  // Control flow: what the op infers from its inputs, joined with what the subgraph produces
  // (a dim on which they disagree changes from iteration to iteration: unknown).
  return fromSubgraph ? inferred.map((t, i) => joinTypes(t, fromSubgraph[i])) : inferred;
}

function joinTypes(a: ValueType, b: ValueType | undefined): ValueType {
  if (!b) return a;
  if (!a.shape || !b.shape || a.shape.length !== b.shape.length) return { dtype: a.dtype, shape: a.shape && b.shape ? undefined : a.shape ?? b.shape };
  return { dtype: a.dtype, shape: a.shape.map((d, i) => (d === b.shape![i] ? d : -1)) };
}

export interface InferShapesResult {
  /** Ops that have no schema or no inference (their outputs keep the shapes they had). */
  notInferred: string[];
}

/**
 * Recomputes the dtype and shape of every node output from the graph inputs and constants, in
 * topological order, writing them into the values (of every graph, when given a Model). Symbolic dims ('batch') and unknown dims (-1)
 * propagate. Nodes whose op has no inference keep their outputs' current types.
 */
export function inferShapes(target: Graph | Model, options: Omit<InferOptions, 'typeOf'> = {}): InferShapesResult {
  if (target instanceof Model) {
    // subgraphs first: the main graph's control-flow ops read their outputs
    const notInferred = new Set<string>();
    for (const g of [...target.graphs].reverse()) inferShapes(g, { ...options, model: target }).notInferred.forEach((o) => notInferred.add(o));
    return { notInferred: [...notInferred] };
  }
  const graph = target;
  const notInferred = new Set<string>();
  for (const node of graph.nodes) {
    const types = inferNode(node, options);
    if (!types) {
      notInferred.add(node.op);
      continue;
    }
    node.outputs.forEach((o, i) => {
      const t = types[i];
      if (!t) return;
      o.dtype = t.dtype;
      o.shape = t.shape;
    });
  }
  return { notInferred: [...notInferred] };
}
