// summarizeModel: what TF's summarize_graph reports, for an IR model (typed, for tools and tests).
import { subgraphRefs, type DType, type Model, type Shape, type Value } from '@liteml/graph-ir';
import { indexModel } from './model-index';

export interface TensorSummary {
  name: string;
  dtype: DType;
  /** undefined = unranked. */
  shape: Shape | undefined;
  shapeSignature?: Shape;
  quant?: { scale: number[]; zeroPoint: number[]; axis?: number };
}

export interface OpCount {
  op: string;
  count: number;
}

export interface GraphSummary {
  index: number;
  name: string;
  nodeCount: number;
  inputs: TensorSummary[];
  outputs: TensorSummary[];
  /** Nodes none of whose outputs is read by another node (summarize_graph's "possible outputs"). */
  likelyOutputs: { name: string; op: string }[];
  /** Sorted by count (desc), then name. */
  opHistogram: OpCount[];
  /** Constants of this graph (shared buffers counted once per graph). */
  parameters: { count: number; bytes: number; tensors: number };
  /** Graphs this one calls through WHILE/IF/CALL_ONCE attributes. */
  calls: number[];
}

export interface ModelSummary {
  description?: string;
  version?: number;
  graphs: GraphSummary[];
  nodeCount: number;
  /** Model-wide histogram. */
  opHistogram: OpCount[];
  /** Distinct constant buffers across the model, each counted once. */
  parameters: { count: number; bytes: number; tensors: number };
  signatures: { key: string; graphIndex: number; inputs: (TensorSummary & { key: string })[]; outputs: (TensorSummary & { key: string })[] }[];
  metadata: { name: string; bytes: number }[];
  /** Variable tensors (LSTM state, resource variables) across graphs. */
  variables: number;
}

export function tensorSummary(v: Value): TensorSummary {
  const t: TensorSummary = { name: v.name, dtype: v.dtype, shape: v.shape };
  if (v.shapeSignature && v.shapeSignature.some((d) => d === -1 || typeof d === 'string')) t.shapeSignature = v.shapeSignature;
  if (v.quant && v.quant.scale.length > 0) {
    t.quant = { scale: [...v.quant.scale], zeroPoint: [...v.quant.zeroPoint] };
    if (v.quant.axis !== undefined && v.quant.scale.length > 1) t.quant.axis = v.quant.axis;
  }
  return t;
}

function histogram(ops: string[]): OpCount[] {
  const m = new Map<string, number>();
  for (const op of ops) m.set(op, (m.get(op) ?? 0) + 1);
  return [...m].map(([op, count]) => ({ op, count })).sort((a, b) => b.count - a.count || (a.op < b.op ? -1 : 1));
}

/** Element count of a constant: from its shape when static, else from its bytes. */
function elementCount(v: Value): number {
  if (v.shape && v.shape.every((d) => typeof d === 'number' && d >= 0)) {
    return (v.shape as number[]).reduce((a, b) => a * b, 1);
  }
  const size: Partial<Record<DType, number>> = { f32: 4, f64: 8, f16: 2, bf16: 2, i8: 1, u8: 1, bool: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8, i4: 0.5, complex64: 8, complex128: 16 };
  const s = size[v.dtype];
  return s ? Math.floor((v.data?.byteLength ?? 0) / s) : 0;
}

/** A typed summary of a model (the CLI's `inspect` prints formatSummary of it). */
export function summarizeModel(model: Model): ModelSummary {
  const { graphs, buffers } = indexModel(model);
  const gs: GraphSummary[] = graphs.map((g, gi) => {
    const seen = new Set<number>();
    const params = { count: 0, bytes: 0, tensors: 0 };
    for (const v of g.values) {
      const b = buffers.of.get(v);
      if (b === undefined || seen.has(b)) continue;
      seen.add(b);
      params.tensors++;
      params.count += elementCount(v);
      params.bytes += v.data!.byteLength;
    }
    const likely = g.graph.nodes.filter((n) => n.outputs.every((o) => !(g.consumers.get(o)?.length)));
    const calls = new Set<number>();
    for (const n of g.graph.nodes) for (const r of subgraphRefs(n)) if (r >= 0 && r < model.graphs.length) calls.add(r);
    return {
      index: gi,
      name: g.graph.name,
      nodeCount: g.graph.nodes.length,
      inputs: g.graph.inputs.map(tensorSummary),
      outputs: g.graph.outputs.map(tensorSummary),
      likelyOutputs: likely.map((n) => ({ name: n.name, op: n.op })),
      opHistogram: histogram(g.graph.nodes.map((n) => n.op)),
      parameters: params,
      calls: [...calls].sort((a, b) => a - b),
    };
  });
  const total = { count: 0, bytes: 0, tensors: 0 };
  for (const b of buffers.list) {
    const first = b.users[0];
    if (!first) continue;
    total.tensors++;
    total.count += elementCount(first.value);
    total.bytes += b.bytes;
  }
  let variables = 0;
  for (const g of graphs) for (const v of g.values) if (v.isVariable) variables++;
  const s: ModelSummary = {
    graphs: gs,
    nodeCount: gs.reduce((a, g) => a + g.nodeCount, 0),
    opHistogram: histogram(model.graphs.flatMap((g) => g.nodes.map((n) => n.op))),
    parameters: total,
    signatures: model.signatures.map((sig) => ({
      key: sig.key,
      graphIndex: sig.graphIndex,
      inputs: sig.inputs.map((io) => ({ key: io.name, ...tensorSummary(io.value) })),
      outputs: sig.outputs.map((io) => ({ key: io.name, ...tensorSummary(io.value) })),
    })),
    metadata: model.metadata.map((m) => ({ name: m.name, bytes: m.data.byteLength })),
    variables,
  };
  if (model.description !== undefined) s.description = model.description;
  if (model.version !== undefined) s.version = model.version;
  return s;
}
