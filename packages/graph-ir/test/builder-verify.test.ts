import { describe, expect, it } from 'vitest';
import {
  Graph, GraphBuilder, IRError, Model, Node, Value, consumers, graphValues, inferShapes, producers, toposort,
  typedArrayOf, verify,
} from '../src/index';

function smallNet() {
  const b = new GraphBuilder('main');
  const x = b.input('x', 'f32', ['batch', 4]);
  const w = b.constant('w', 'f32', [3, 4], new Float32Array(12).fill(0.5));
  const bias = b.constant('bias', 'f32', [3], [1, 2, 3]);
  const [fc] = b.op('tfl.FULLY_CONNECTED', [x, w, bias], { fusedActivationFunction: 'NONE' }, { name: 'fc' });
  const [y] = b.op('tfl.RELU', [fc!], {}, { name: 'y' });
  b.output(y!);
  return { b, g: b.graph, x, w, bias, fc: fc!, y: y! };
}

describe('GraphBuilder', () => {
  it('builds a graph with inferred output types and unique ids', () => {
    const { g, x, fc, y, bias } = smallNet();
    expect(g.inputs).toEqual([x]);
    expect(g.outputs).toEqual([y]);
    expect(g.nodes.map((n) => n.op)).toEqual(['tfl.FULLY_CONNECTED', 'tfl.RELU']);
    expect(fc.dtype).toBe('f32');
    expect(fc.shape).toEqual(['batch', 3]);
    expect(y.shape).toEqual(['batch', 3]);
    expect(Array.from(typedArrayOf(bias) as Float32Array)).toEqual([1, 2, 3]);
    const ids = graphValues(g).map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(verify(g)).toEqual([]);
  });

  it('keeps raw constant bytes as given (no copy)', () => {
    const b = new GraphBuilder();
    const bytes = new Uint8Array(8);
    expect(b.constant('c', 'i32', [2], bytes).data).toBe(bytes);
  });

  it('asks for output types where the op cannot infer them', () => {
    const b = new GraphBuilder();
    const x = b.input('x', 'f32', [2]);
    expect(() => b.op('tfl.NOT_A_REAL_OP', [x])).toThrow(expect.objectContaining({ code: 'UNKNOWN_OP' }));
    const [y] = b.op('tfl.NOT_A_REAL_OP', [x], {}, { outputs: [{ dtype: 'i8', shape: [2] }], name: 'y' });
    expect(y!.dtype).toBe('i8');
    expect(b.graph.nodes[0]!.name).toBe('y');
  });

  it('appends to an existing graph with fresh ids', () => {
    const { g } = smallNet();
    const b = GraphBuilder.on(g);
    const v = b.input('z', 'f32', [1]);
    expect(v.id).toBe(Math.max(...graphValues(g).filter((u) => u !== v).map((u) => u.id)) + 1);
  });
});

describe('walking', () => {
  it('maps producers and consumers', () => {
    const { g, fc, y, x } = smallNet();
    const p = producers(g);
    expect(p.get(fc)!.op).toBe('tfl.FULLY_CONNECTED');
    expect(p.get(x)).toBeUndefined();
    const c = consumers(g);
    expect(c.get(fc)!.map((n) => n.name)).toEqual(['y']);
    expect(c.get(y)).toBeUndefined();
  });

  it('toposorts stably and restores a scrambled order', () => {
    const { g } = smallNet();
    const order = g.nodes.slice();
    expect(toposort(g)).toEqual(order);
    g.nodes.reverse();
    expect(verify(g, { throwOnError: false }).map((p) => p.code)).toContain('NOT_TOPOLOGICAL');
    g.nodes = toposort(g);
    expect(g.nodes).toEqual(order);
    expect(verify(g)).toEqual([]);
  });

  it('reports cycles with the nodes on them', () => {
    const a = new Value({ id: 0, name: 'a', dtype: 'f32', shape: [1] });
    const b = new Value({ id: 1, name: 'b', dtype: 'f32', shape: [1] });
    const g = new Graph('loop', [], [b], [
      new Node({ op: 'tfl.RELU', name: 'n1', inputs: [b], outputs: [a] }),
      new Node({ op: 'tfl.RELU', name: 'n2', inputs: [a], outputs: [b] }),
    ]);
    let err: IRError | undefined;
    try {
      toposort(g);
    } catch (e) {
      err = e as IRError;
    }
    expect(err).toBeInstanceOf(IRError);
    expect(err!.code).toBe('CYCLE');
    expect(err!.nodes.sort()).toEqual(['n1', 'n2']);
    expect(verify(g, { throwOnError: false }).map((p) => p.code)).toContain('CYCLE');
  });
});

describe('verify', () => {
  it('lists every problem at once, with codes and names', () => {
    const { g, fc, w } = smallNet();
    const stray = new Value({ id: 99, name: 'stray', dtype: 'f32', shape: [3] });
    g.nodes.push(new Node({ op: 'tfl.ADD', name: 'add', inputs: [fc, stray], outputs: [new Value({ id: 100, name: 'sum', dtype: 'f32', shape: ['batch', 3] })] }));
    w.data = new Uint8Array(5); // wrong size for f32[3,4]
    fc.shape = ['batch', 7]; // disagrees with inference
    const dup = new Value({ id: 0, name: 'dup', dtype: 'f32', shape: [1] });
    g.outputs.push(dup);
    let err: IRError | undefined;
    try {
      verify(g);
    } catch (e) {
      err = e as IRError;
    }
    expect(err).toBeInstanceOf(IRError);
    const codes = err!.problems.map((p) => p.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['DANGLING_VALUE', 'TYPE_MISMATCH', 'SHAPE_MISMATCH', 'DUPLICATE_VALUE']));
    expect(err!.values).toEqual(expect.arrayContaining(['stray', 'w', 'fc', 'dup']));
    expect(err!.nodes).toContain('fc');
    expect(err!.message).toMatch(/input 1 'stray' of node 'add'/);
  });

  it('checks subgraph references and signatures of a model', () => {
    const { g, x, y } = smallNet();
    const cond = new GraphBuilder('cond');
    const c = cond.input('c', 'f32', [1]);
    cond.output(c);
    g.nodes.push(new Node({ op: 'tfl.CALL_ONCE', name: 'init', inputs: [], outputs: [], attrs: { initSubgraphIndex: 5 } }));
    const model = new Model({
      graphs: [g, cond.graph],
      signatures: [{ key: 'serving', graphIndex: 0, inputs: [{ name: 'x', value: x }], outputs: [{ name: 'y', value: c }] }],
    });
    const problems = verify(model, { throwOnError: false });
    expect(problems.map((p) => p.code).sort()).toEqual(['BAD_SUBGRAPH_REF', 'DANGLING_VALUE']);
    expect(problems.find((p) => p.code === 'BAD_SUBGRAPH_REF')!.nodes).toEqual(['init']);
    model.signatures[0]!.outputs[0]!.value = y;
    (g.nodes[2]!.attrs as Record<string, number>).initSubgraphIndex = 1;
    expect(verify(model)).toEqual([]);
  });

  it('can skip the comparison with shape inference', () => {
    const { g, fc } = smallNet();
    fc.shape = ['batch', 7];
    expect(verify(g, { inference: false })).toEqual([]);
    expect(() => verify(g)).toThrow(/fc.*\[batch,7\].*\[batch,3\]/);
  });
});

describe('inferShapes', () => {
  it('propagates new input shapes, symbolic and concrete', () => {
    const { g, x, y, fc } = smallNet();
    x.shape = [8, 4];
    const r = inferShapes(g);
    expect(r.notInferred).toEqual([]);
    expect(fc.shape).toEqual([8, 3]);
    expect(y.shape).toEqual([8, 3]);
  });

  it('names the node whose inputs do not fit', () => {
    const b = new GraphBuilder();
    const p = b.input('p', 'f32', [2, 3]);
    const q = b.input('q', 'f32', [2, 3]);
    const [s] = b.op('tfl.ADD', [p, q], {}, { name: 'sum' });
    b.output(s!);
    q.shape = [4, 3];
    expect(() => inferShapes(b.graph)).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH', nodes: ['sum'] }));
  });
});
