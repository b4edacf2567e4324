import { Node, Value } from '@liteml/graph-ir';
import { describe, expect, it } from 'vitest';
import { describeModels } from '../../../testing/shared-models';
import { diffModels } from '../src/index';
import { smallModel } from './build-model';
import { loadModel, tfliteEntries } from './helpers';

describe('diffModels on built models', () => {
  it('finds nothing between two builds of the same model', () => {
    const d = diffModels(smallModel(), smallModel());
    expect(d.identical).toBe(true);
    expect(d.totals).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 8 });
  });

  it('reports added, removed and changed nodes with the fields that changed', () => {
    const a = smallModel();
    const b = smallModel();
    const g = b.graphs[0]!;
    const conv = g.nodes.find((n) => n.name === 'conv')!;
    conv.attrs.padding = 'VALID';
    const relu = g.nodes.findIndex((n) => n.name === 'relu');
    const old = g.nodes[relu]!;
    const out = new Value({ id: 999, name: 'relu6', dtype: 'i8', shape: [1, 8, 8, 4] });
    g.nodes[relu] = new Node({ op: 'tfl.RELU6', name: 'relu6', inputs: old.inputs, outputs: [out] });
    // a constant changed in place: the fc weights' bytes differ
    const fc = g.nodes.find((n) => n.name === 'logits')!;
    const w = fc.inputs[1]!;
    const data = new Uint8Array(w.data!);
    data[0] ^= 1;
    fc.inputs[1] = new Value({ id: w.id, name: w.name, dtype: w.dtype, shape: w.shape, data });

    const d = diffModels(a, b);
    expect(d.identical).toBe(false);
    const g0 = d.graphs[0]!;
    expect(g0.added).toEqual([{ index: relu, name: 'relu6', op: 'tfl.RELU6' }]);
    expect(g0.removed).toEqual([{ index: relu, name: 'relu', op: 'tfl.RELU' }]);
    expect(g0.changed.map((c) => c.name)).toEqual(['conv', 'logits']);
    expect(g0.changed[0]!.changes).toEqual([{ field: 'attr:padding', before: 'SAME', after: 'VALID' }]);
    expect(g0.changed[1]!.changes.map((c) => c.field)).toEqual(['input 1']);
    // unchanged: flat and branch in main, neg in 'then', abs and exp in 'else'
    expect(d.totals).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 5 });
  });

  it('reports whole subgraphs added or removed', () => {
    const a = smallModel();
    const b = smallModel();
    b.graphs.pop();
    const d = diffModels(a, b);
    expect(d.graphsRemoved).toEqual([2]);
    expect(d.totals.removed).toBe(2);
  });
});

describeModels('diffModels on the shared .tflite models', () => {
  it('finds every model identical to a second import of itself', () => {
    let n = 0;
    for (const e of tfliteEntries()) {
      let a;
      try {
        a = loadModel(e.path);
      } catch {
        continue; // import failures are graph-ir's to report (see summary suite)
      }
      const d = diffModels(a, loadModel(e.path));
      expect(d.identical, e.path).toBe(true);
      n++;
    }
    expect(n).toBeGreaterThan(300);
  });

  it('diffs a float model against its quantized sibling consistently', () => {
    const a = loadModel('support/mobilenet_v1_0.25_224_1_default_1.tflite');
    const b = loadModel('support/mobilenet_v1_0.25_224_quant.tflite');
    const d = diffModels(a, b);
    const g = d.graphs[0]!;
    expect(g.added.length + g.changed.length + g.unchanged).toBe(b.graphs[0]!.nodes.length);
    expect(g.removed.length + g.changed.length + g.unchanged).toBe(a.graphs[0]!.nodes.length);
    // dtypes differ everywhere (f32 vs u8), so every matched node changed
    expect(g.unchanged).toBe(0);
    expect(g.changed.length + g.added.length).toBeGreaterThan(0);
    for (const c of g.changed) expect(c.changes.length).toBeGreaterThan(0);
  });
});
