// Synthetic models for tests and benchmarks, built directly from graph-ir's classes (so they do
// not depend on shape inference): a residual CNN-like chain with branches, any number of nodes.
import { Graph, Model, Node, Value, type DType } from '@liteml/graph-ir';

/** A model of exactly `nodeCount` nodes in graph 0: conv/relu/add blocks with skip connections and concat branches. */
export function syntheticModel(nodeCount: number, options: { withSubgraph?: boolean } = {}): Model {
  let id = 0;
  const v = (name: string, dtype: DType, shape: number[], data?: Uint8Array) => new Value({ id: id++, name, dtype, shape, ...(data ? { data } : {}) });
  const c = 16;
  const x = v('image', 'f32', [1, 32, 32, c]);
  const nodes: Node[] = [];
  const weights = new Uint8Array(new Float32Array(c * 3 * 3 * c).map((_, i) => Math.sin(i) * 0.1).buffer);
  const bias = new Uint8Array(new Float32Array(c).fill(0.5).buffer);
  let cur = x;
  let skip = x;
  const push = (op: string, inputs: Value[], attrs: Node['attrs'] = {}) => {
    const name = `block${Math.floor(nodes.length / 4)}/${op.slice(4).toLowerCase()}_${nodes.length}`;
    const out = v(name, 'f32', [1, 32, 32, op === 'tfl.CONCATENATION' ? 2 * c : c]);
    nodes.push(new Node({ op, name, inputs, outputs: [out], attrs, version: 1 }));
    return out;
  };
  while (nodes.length < nodeCount) {
    const left = nodeCount - nodes.length;
    const k = nodes.length % 12;
    if (left >= 4 && k === 8) {
      // a two-branch block joined by a concat and a 1x1 conv back to c channels
      const a = push('tfl.RELU', [cur]);
      const b = push('tfl.TANH', [cur]);
      const cat = push('tfl.CONCATENATION', [a, b], { axis: 3, fusedActivationFunction: 'NONE' });
      const w = v(`w${id}`, 'f32', [c, 1, 1, 2 * c], new Uint8Array(c * 2 * c * 4));
      cur = push('tfl.CONV_2D', [cat, w, v(`b${id}`, 'f32', [c], bias)], { padding: 'SAME', strideH: 1, strideW: 1, fusedActivationFunction: 'NONE' });
    } else if (left >= 1 && k % 4 === 3) {
      cur = push('tfl.ADD', [cur, skip], { fusedActivationFunction: 'RELU' });
      skip = cur;
    } else {
      const w = v(`w${id}`, 'f32', [c, 3, 3, c], weights);
      cur = push('tfl.CONV_2D', [cur, w, v(`b${id}`, 'f32', [c], bias)], { padding: 'SAME', strideH: 1, strideW: 1, fusedActivationFunction: 'RELU6' });
    }
  }
  const graphs = [new Graph('main', [x], [cur], nodes)];
  if (options.withSubgraph) {
    // a WHILE whose cond/body are graphs 1 and 2 (counter < 10; counter + 1)
    const i0 = v('i', 'i32', []);
    const lim = v('limit', 'i32', [], new Uint8Array(new Int32Array([10]).buffer));
    const ci = v('cond_i', 'i32', []);
    const less = v('less', 'bool', []);
    const cond = new Graph('cond', [ci], [less], [new Node({ op: 'tfl.LESS', name: 'less', inputs: [ci, lim], outputs: [less] })]);
    const bi = v('body_i', 'i32', []);
    const one = v('one', 'i32', [], new Uint8Array(new Int32Array([1]).buffer));
    const next = v('next', 'i32', []);
    const body = new Graph('body', [bi], [next], [new Node({ op: 'tfl.ADD', name: 'next', inputs: [bi, one], outputs: [next], attrs: { fusedActivationFunction: 'NONE' } })]);
    const out = v('loop_out', 'i32', []);
    graphs[0]!.inputs.push(i0);
    graphs[0]!.nodes.push(new Node({ op: 'tfl.WHILE', name: 'loop', inputs: [i0], outputs: [out], attrs: { condSubgraphIndex: 1, bodySubgraphIndex: 2 } }));
    graphs[0]!.outputs.push(out);
    graphs.push(cond, body);
  }
  return new Model({
    graphs,
    signatures: [{ key: 'serving_default', graphIndex: 0, inputs: [{ name: 'image', value: x }], outputs: [{ name: 'out', value: cur }] }],
    metadata: [{ name: 'min_runtime_version', data: new TextEncoder().encode('1.14.0') }],
    description: `synthetic ${nodeCount}-node model`,
    version: 3,
  });
}
