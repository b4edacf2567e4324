// Walks a model once: the values of each graph (ordered by id, i.e. by tensor index for imported
// .tflite files), producers, consumers, and a numbering of the distinct constant buffers.
import type { Graph, Model, Node, Value } from '@liteml/graph-ir';

export interface GraphIndex {
  graph: Graph;
  values: Value[];
  indexOf: Map<Value, number>;
  producer: Map<Value, number>;
  consumers: Map<Value, number[]>;
}

export interface BufferIndex {
  /** Buffer number of each constant value (1-based; 0 is TFLite's conventional empty buffer). */
  of: Map<Value, number>;
  /** Per buffer number: its bytes and users. */
  list: { index: number; bytes: number; users: { graph: number; value: Value }[] }[];
}

export function indexGraph(graph: Graph): GraphIndex {
  const seen = new Set<Value>();
  const add = (v: Value | undefined) => {
    if (v) seen.add(v);
  };
  graph.inputs.forEach(add);
  for (const n of graph.nodes) {
    n.inputs.forEach(add);
    n.outputs.forEach(add);
    (n as Node & { intermediates?: Value[] }).intermediates?.forEach(add);
  }
  graph.outputs.forEach(add);
  const values = [...seen].sort((a, b) => a.id - b.id);
  const indexOf = new Map(values.map((v, i) => [v, i] as const));
  const producer = new Map<Value, number>();
  const consumers = new Map<Value, number[]>();
  graph.nodes.forEach((n, i) => {
    for (const o of n.outputs) producer.set(o, i);
    for (const v of new Set(n.inputs)) {
      if (!v) continue;
      const list = consumers.get(v);
      if (list) list.push(i);
      else consumers.set(v, [i]);
    }
  });
  return { graph, values, indexOf, producer, consumers };
}

/** Constants sharing the same bytes (same view of the same file) share a buffer number. */
export function indexBuffers(model: Model, graphs: GraphIndex[]): BufferIndex {
  const byStorage = new Map<ArrayBufferLike, Map<string, number>>();
  const of = new Map<Value, number>();
  const list: BufferIndex['list'] = [{ index: 0, bytes: 0, users: [] }];
  graphs.forEach((g, gi) => {
    for (const v of g.values) {
      const d = v.data;
      if (!d) continue;
      let inner = byStorage.get(d.buffer);
      if (!inner) byStorage.set(d.buffer, (inner = new Map()));
      const key = `${d.byteOffset}:${d.byteLength}`;
      let n = inner.get(key);
      if (n === undefined) {
        n = list.length;
        inner.set(key, n);
        list.push({ index: n, bytes: d.byteLength, users: [] });
      }
      of.set(v, n);
      list[n]!.users.push({ graph: gi, value: v });
    }
  });
  void model;
  return { of, list };
}

export function indexModel(model: Model): { graphs: GraphIndex[]; buffers: BufferIndex } {
  const graphs = model.graphs.map(indexGraph);
  return { graphs, buffers: indexBuffers(model, graphs) };
}
