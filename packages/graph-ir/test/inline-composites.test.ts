// inlineComposites: STABLEHLO_COMPOSITE nodes of the main graph replaced by their decompositions.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import {
  GraphBuilder, IRError, Model, exportTflite, graphValues, importTflite, inlineComposites, printModel, verify,
  type Graph, type Value,
} from '../src/index';

const COMPOSITE = 'tfl.STABLEHLO_COMPOSITE';

const MODELS = [
  'aiquant/models/sdpa_composite.tflite',
  'aiquant/models/simple_composite.tflite',
  'litert/litert/test/testdata/group_norm_2_groups_op.tflite',
  'litert/litert/test/testdata/simple_group_norm_op.tflite',
  'litert/litert/test/testdata/l2_norm_composite.tflite',
];

/** The ops a graph runs once every composite is expanded (recursively). */
function expandedOps(model: Model, g: Graph): string[] {
  return g.nodes.flatMap((n) =>
    n.op === COMPOSITE ? expandedOps(model, model.graphs[n.attrs['decompositionSubgraphIndex'] as number]!) : [n.op],
  );
}

describeModels('inlineComposites on real composite models', () => {
  it.each(MODELS)('%s', (path) => {
    const model = importTflite(new Uint8Array(readFileSync(modelPath(path))));
    const before = printModel(model);
    const main = model.graphs[0]!;
    const composites = main.nodes.filter((n) => n.op === COMPOSITE);
    expect(composites.length).toBeGreaterThan(0);
    const decomposed = composites.reduce((s, c) => s + model.graphs[c.attrs['decompositionSubgraphIndex'] as number]!.nodes.length, 0);

    const out = inlineComposites(model);
    const g = out.graphs[0]!;
    expect(g.nodes.length).toBe(main.nodes.length - composites.length + decomposed);
    expect(g.nodes.some((n) => n.op === COMPOSITE)).toBe(false);
    expect(g.nodes.map((n) => n.op).sort()).toEqual(expandedOps(model, main).sort());
    expect(verify(out)).toEqual([]);

    // graph inputs and outputs are the same values; other graphs keep their index, unchanged
    expect(g.inputs).toEqual(main.inputs);
    g.outputs.forEach((v, i) => expect(v).toBe(main.outputs[i]));
    expect(out.graphs.length).toBe(model.graphs.length);
    for (let i = 1; i < model.graphs.length; i++) expect(out.graphs[i]).toBe(model.graphs[i]);
    expect(out.signatures.length).toBe(model.signatures.length);

    // the decomposition's internal values are fresh and prefixed with the composite's name
    const originals = new Set(graphValues(main));
    const fresh = graphValues(g).filter((v) => !originals.has(v));
    const internal = composites.reduce((s, c) => {
      const sub = model.graphs[c.attrs['decompositionSubgraphIndex'] as number]!;
      return s + graphValues(sub).length - new Set([...sub.inputs, ...sub.outputs]).size;
    }, 0);
    expect(fresh.length).toBe(internal);
    for (const v of fresh) expect(composites.some((c) => v.name.startsWith(`${c.name}/`))).toBe(true);
    for (const c of composites) {
      for (const o of c.outputs) expect(g.nodes.filter((n) => n.outputs.includes(o)).length).toBe(1);
    }

    // the input is untouched, and the result survives a .tflite round trip
    expect(printModel(model)).toBe(before);
    expect(main.nodes.filter((n) => n.op === COMPOSITE)).toEqual(composites);
    expect(verify(importTflite(exportTflite(out)))).toEqual([]);
  });
});

/** A composite node in `b`'s graph calling graph `index`, with declared output types. */
function composite(b: GraphBuilder, name: string, index: number, inputs: Value[], outputs: { dtype: 'f32'; shape: (number | string)[] }[]) {
  return b.op(COMPOSITE, inputs, { name: `test.${name}`, decompositionSubgraphIndex: index, compositeAttributes: new Uint8Array(0), version: 0 }, { name, outputs });
}

const f23 = { dtype: 'f32' as const, shape: [2, 3] };

/**
 * main:  [o1, o2] = outer(x, y) → graph 1;  z = RELU(o2);  outputs o1, z
 * graph 1 (outer): s = ADD(p, c);  [t] = inner(s) → graph 2;  u = MUL(t, q);  outputs u, p
 * graph 2 (inner): n = NEG(a);  output n
 */
function nested() {
  const inner = new GraphBuilder('inner');
  const a = inner.input('a', 'f32', [2, 3]);
  const [n] = inner.op('tfl.NEG', [a], {}, { name: 'neg' });
  inner.output(n!);

  const outer = new GraphBuilder('outer');
  const p = outer.input('p', 'f32', [2, 3]);
  const q = outer.input('q', 'f32', [2, 3]);
  const c = outer.constant('c', 'f32', [3], [1, 2, 3]);
  const [s] = outer.op('tfl.ADD', [p, c], { fusedActivationFunction: 'NONE' }, { name: 'add' });
  const [t] = composite(outer, 'inner', 2, [s!], [f23]);
  const [u] = outer.op('tfl.MUL', [t!, q], { fusedActivationFunction: 'NONE' }, { name: 'mul' });
  outer.output(u!, p);

  const b = new GraphBuilder('main');
  const x = b.input('x', 'f32', [2, 3]);
  const y = b.input('y', 'f32', [2, 3]);
  const [o1, o2] = composite(b, 'outer', 1, [x, y], [f23, f23]);
  const [z] = b.op('tfl.RELU', [o2!], {}, { name: 'relu' });
  b.output(o1!, z!);
  const model = new Model({
    graphs: [b.graph, outer.graph, inner.graph],
    signatures: [{ key: 's', graphIndex: 0, inputs: [{ name: 'x', value: x }, { name: 'y', value: y }], outputs: [{ name: 'o1', value: o1! }, { name: 'z', value: z! }] }],
  });
  return { model, x, y, o1: o1!, z: z! };
}

describe('inlineComposites', () => {
  it('expands nested composites and wires an output that is a decomposition input to its consumers', () => {
    const { model, x, y, o1, z } = nested();
    verify(model);
    const before = printModel(model);
    const out = inlineComposites(model);
    const g = out.graphs[0]!;
    expect(verify(out)).toEqual([]);
    expect(g.nodes.map((n) => [n.name, n.op])).toEqual([
      ['outer/add', 'tfl.ADD'],
      ['outer/inner/neg', 'tfl.NEG'],
      ['outer/mul', 'tfl.MUL'],
      ['relu', 'tfl.RELU'],
    ]);
    const [add, neg, mul, relu] = g.nodes;
    expect(add!.inputs[0]).toBe(x);
    expect(add!.inputs[1]!.name).toBe('outer/c');
    expect(add!.inputs[1]!.data).toEqual(model.graphs[1]!.nodes[0]!.inputs[1]!.data);
    expect(neg!.inputs[0]).toBe(add!.outputs[0]);
    expect(neg!.outputs[0]!.name).toBe('outer/inner'); // the outer graph's value 'inner'
    expect(mul!.inputs).toEqual([neg!.outputs[0], y]);
    expect(mul!.outputs[0]).toBe(o1); // the composite's own output value
    expect(relu!.inputs[0]).toBe(x); // o2 was the decomposition's input p, i.e. x
    expect(g.outputs).toEqual([o1, z]);
    expect(new Set(graphValues(g).map((v) => v.id)).size).toBe(graphValues(g).length);
    expect(out.graphs[1]).toBe(model.graphs[1]);
    expect(out.graphs[2]).toBe(model.graphs[2]);
    expect(printModel(model)).toBe(before);
    expect(model.graphs[0]!.nodes.map((n) => n.op)).toEqual([COMPOSITE, 'tfl.RELU']);
  });

  it.each([
    ['static', [2, 3], ['tfl.RESHAPE']],
    ['dynamic', ['batch', 3], ['tfl.SHAPE', 'tfl.RESHAPE']],
  ] as const)('copies a decomposition input that is a graph output (%s shape)', (_, shape, ops) => {
    const id = new GraphBuilder('identity');
    const a = id.input('a', 'f32', [...shape]);
    id.output(a);
    const b = new GraphBuilder('main');
    const x = b.input('x', 'f32', [...shape]);
    const [o] = composite(b, 'same', 1, [x], [{ dtype: 'f32', shape: [...shape] }]);
    b.output(o!);
    const out = inlineComposites(new Model({ graphs: [b.graph, id.graph] }));
    const g = out.graphs[0]!;
    expect(verify(out)).toEqual([]);
    expect(g.nodes.map((n) => n.op)).toEqual(ops);
    const reshape = g.nodes[g.nodes.length - 1]!;
    expect(reshape.inputs[0]).toBe(x);
    expect(reshape.outputs).toEqual([o]);
    expect(g.outputs).toEqual([o]);
  });

  it('leaves a model without composites alone, in a new main graph', () => {
    const { model } = nested();
    const inner = new Model({ graphs: [model.graphs[2]!] });
    const out = inlineComposites(inner);
    expect(out).not.toBe(inner);
    expect(out.graphs[0]).not.toBe(inner.graphs[0]);
    expect(printModel(out)).toBe(printModel(inner));
  });

  it('rejects a composite that expands into itself or a missing graph', () => {
    const { model } = nested();
    const self = model.graphs[1]!.nodes[1]!;
    self.attrs['decompositionSubgraphIndex'] = 1;
    expect(() => inlineComposites(model)).toThrow(IRError);
    expect(() => inlineComposites(model)).toThrow(/expands into itself/);
    self.attrs['decompositionSubgraphIndex'] = 7;
    expect(() => inlineComposites(model)).toThrow(/no decomposition subgraph/);
  });
});
