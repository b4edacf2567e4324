import { describe, expect, it } from 'vitest';
import { describeModels } from '../../../testing/shared-models';
import { formatSummary, summarizeModel } from '../src/index';
import { smallModel } from './build-model';
import { loadModel, MANIFEST_DTYPE, manifestOp, tfliteEntries } from './helpers';
import { syntheticModel } from './synthetic';

describe('summarizeModel on a built model', () => {
  const s = summarizeModel(smallModel());

  it('lists inputs and outputs with dtype, shape and quantization', () => {
    const g = s.graphs[0]!;
    expect(g.inputs.map((t) => [t.name, t.dtype, t.shape])).toEqual([['image', 'i8', [1, 8, 8, 3]], ['flag', 'bool', []]]);
    expect(g.inputs[0]!.quant).toEqual({ scale: [0.5], zeroPoint: [-1] });
    expect(g.outputs.map((t) => t.name)).toEqual(['branch']);
  });

  it('counts parameters once per constant, with bytes', () => {
    // conv weights 108 i8, bias 4 i32, reshape shape 2 i32, fc weights 512 f16
    expect(s.parameters).toEqual({ count: 108 + 4 + 2 + 512, bytes: 108 + 16 + 8 + 1024, tensors: 4 });
    expect(s.graphs[1]!.parameters.count).toBe(0);
  });

  it('has the op histogram, subgraphs, calls, signatures, metadata and likely outputs', () => {
    expect(s.nodeCount).toBe(8);
    expect(s.graphs.map((g) => g.nodeCount)).toEqual([5, 1, 2]);
    expect(s.graphs[0]!.calls).toEqual([1, 2]);
    expect(s.graphs[0]!.opHistogram).toEqual([
      { op: 'tfl.CONV_2D', count: 1 }, { op: 'tfl.FULLY_CONNECTED', count: 1 }, { op: 'tfl.IF', count: 1 },
      { op: 'tfl.RELU', count: 1 }, { op: 'tfl.RESHAPE', count: 1 },
    ]);
    expect(s.graphs[0]!.likelyOutputs).toEqual([{ name: 'branch', op: 'tfl.IF' }]);
    expect(s.signatures[0]!.inputs.map((i) => [i.key, i.name])).toEqual([['x', 'image'], ['flag', 'flag']]);
    expect(s.metadata).toEqual([{ name: 'min_runtime_version', bytes: 5 }]);
  });

  it('formats a readable text summary', () => {
    const text = formatSummary(s);
    expect(text).toContain('Model: hand-built test model (schema version 3)');
    expect(text).toContain('Subgraphs: 3  Nodes: 8  Signatures: 1');
    expect(text).toContain('Parameters: 626 in 4 constant tensors (1.13 KiB)');
    expect(text).toContain('    image  i8[1,8,8,3]  quant scale=0.5 zero_point=-1');
    expect(text).toContain('  Calls subgraphs: 1, 2');
    expect(text).toContain('    in   x → image  i8[1,8,8,3]');
    expect(text).toMatch(/ {4}tfl\.CONV_2D +1\n/);
    expect(text).toContain('Metadata: min_runtime_version (5 B)');
  });

  it('summarizes a 5,000-node model quickly', () => {
    const t = performance.now();
    const big = summarizeModel(syntheticModel(5000));
    expect(big.nodeCount).toBe(5000);
    expect(big.graphs[0]!.opHistogram.reduce((a, o) => a + o.count, 0)).toBe(5000);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describeModels('summarizeModel on the shared .tflite models', () => {
  const entries = tfliteEntries();
  it('covers the manifest', () => expect(entries.length).toBeGreaterThan(300));
  for (const e of entries) {
    it(e.path, (ctx) => {
      let model;
      try {
        model = loadModel(e.path);
      } catch (err) {
        // graph-ir rejected the file: nothing for visualize to summarize (reported by graph-ir's suite)
        expect((err as Error).name).toBe('IRError');
        ctx.annotate(`import failed: ${(err as Error).message.split('\n')[0]}`);
        return;
      }
      const s = summarizeModel(model);
      if (e.subgraphs != null) expect(s.graphs.length).toBe(e.subgraphs);
      if (e.ops) {
        const hist: Record<string, number> = {};
        for (const g of model.graphs) for (const n of g.nodes) {
          const k = manifestOp(n.op, n.attrs.customCode);
          hist[k] = (hist[k] ?? 0) + 1;
        }
        expect(hist).toEqual(e.ops);
        expect(s.nodeCount).toBe(Object.values(e.ops).reduce((a, b) => a + b, 0));
      }
      const check = (got: typeof s.graphs[0]['inputs'], want: typeof e.inputs) => {
        if (!want) return;
        expect(got.map((t) => t.name)).toEqual(want.map((t) => t.name ?? ''));
        want.forEach((w, i) => {
          expect(got[i]!.dtype).toBe(MANIFEST_DTYPE[w.dtype]);
          // a tensor without a shape in the file is unranked in the IR; TFLite's Python API reports []
          if (w.shape) expect(got[i]!.shape ?? []).toEqual(w.shape);
          if (w.quantization) {
            const sc = Array.isArray(w.quantization.scale) ? w.quantization.scale : [w.quantization.scale];
            expect(got[i]!.quant?.scale.map((x) => Math.fround(x))).toEqual(sc.map((x) => Math.fround(x)));
          }
        });
      };
      check(s.graphs[0]!.inputs, e.inputs);
      check(s.graphs[0]!.outputs, e.outputs);
      const text = formatSummary(s);
      expect(text.split('\n').length).toBeGreaterThan(4);
      for (const t of s.graphs[0]!.inputs) expect(text).toContain(t.name || '(unnamed)');
    });
  }
});
