import { describe, expect, it } from 'vitest';
import { describeModels } from '../../../testing/shared-models';
import { renderHtml, VisualizeError } from '../src/index';
import { smallModel } from './build-model';
import { loadModel, payloadOf, tfliteEntries } from './helpers';
import { syntheticModel } from './synthetic';

/** Nothing in the page may reach the network. */
function expectSelfContained(html: string): void {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).not.toMatch(/<(script|img|link|iframe)[^>]+(src|href)=/i);
  expect(html).not.toMatch(/\b(fetch|XMLHttpRequest|importScripts)\s*\(/);
  expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  expect((html.match(/<\/script>/g) ?? []).length).toBe(2);
}

describe('renderHtml on a built model', () => {
  const model = smallModel();
  const html = renderHtml(model, { title: 'small <model>' });
  const p = payloadOf(html);

  it('is one self-contained page with the title escaped', () => {
    expectSelfContained(html);
    expect(html).toContain('<title>small &lt;model&gt; — liteml</title>');
    expect(p.title).toBe('small <model>');
  });

  it('carries every graph, node and value', () => {
    expect(p.graphs.map((g) => g.nodes.length)).toEqual(model.graphs.map((g) => g.nodes.length));
    const g = p.graphs[0]!;
    const conv = g.nodes.find((n) => n.name === 'conv')!;
    expect(conv.op).toBe('tfl.CONV_2D');
    expect(conv.label).toBe('CONV_2D');
    expect(conv.version).toBe(3);
    expect(conv.attrs).toContainEqual(['padding', 'SAME']);
    expect(conv.consts).toHaveLength(2);
    expect(conv.inputs.map((i) => g.values[i]!.name)).toEqual(['image', 'conv/weights', 'conv/bias']);
    const fc = g.nodes.find((n) => n.name === 'logits')!;
    expect(fc.inputs[2]).toBe(-1); // omitted optional bias
    const iff = g.nodes.find((n) => n.op === 'tfl.IF')!;
    expect(iff.subgraphs).toEqual([{ attr: 'thenSubgraphIndex', index: 1 }, { attr: 'elseSubgraphIndex', index: 2 }]);
    expect(iff.category).toBe('control');
  });

  it('decodes constant previews and quantization per tensor', () => {
    const g = p.graphs[0]!;
    const w = g.values.find((v) => v.name === 'conv/weights')!;
    expect(w.quant).toBe('per-axis(0) ×4 scale 0.1…');
    expect(w.quantDetail).toContainEqual(['axis', '0']);
    expect(p.buffers[w.buffer!]!.preview).toBe('[-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, -5, -4, -3, -2, -1, … (108)]');
    const bias = g.values.find((v) => v.name === 'conv/bias')!;
    expect(p.buffers[bias.buffer!]!.preview).toBe('[10, -20, 30, -40]');
    const fw = g.values.find((v) => v.name === 'fc/weights')!;
    expect(p.buffers[fw.buffer!]!.preview).toMatch(/^\[-1, 1, -1, 1,/);
    expect(p.buffers[fw.buffer!]!.stats).toBe('min -1 · max 1 · mean 0');
    const img = g.values.find((v) => v.name === 'image')!;
    expect(img.quant).toBe('scale 0.5 zp -1');
    expect(img.shape).toBe('1×8×8×3');
  });

  it('has the visualize.py tables: opcodes, buffers, signatures, metadata, summary', () => {
    expect(p.opcodes.map((o) => [o.op, o.version, o.count])).toContainEqual(['tfl.CONV_2D', 3, 1]);
    expect(p.opcodes.reduce((a, o) => a + o.count, 0)).toBe(8);
    expect(p.buffers[0]).toEqual({ index: 0, bytes: 0, users: [] });
    expect(p.buffers.slice(1).map((b) => b.bytes)).toEqual([108, 16, 8, 1024]);
    expect(p.signatures[0]!.key).toBe('serving_default');
    expect(p.signatures[0]!.inputs).toEqual([
      { name: 'x', tensor: 'image (#0)', label: 'i8 1×8×8×3' },
      { name: 'flag', tensor: 'flag (#9)', label: 'bool scalar' },
    ]);
    expect(p.metadata).toEqual([{ name: 'min_runtime_version', bytes: 5, text: '2.3.0' }]);
    expect(p.summaryText).toContain('Subgraphs: 3');
  });

  it('omits constant previews when asked', () => {
    const q = payloadOf(renderHtml(model, { constantPreviews: false }));
    expect(q.buffers.every((b) => b.preview === undefined)).toBe(true);
  });
});

describe('overlays', () => {
  const model = smallModel();

  it('colors nodes by profile time and lists them slowest first', () => {
    const profile = {
      nodes: [
        { index: 0, name: 'conv', op: 'tfl.CONV_2D', ms: 2, backend: 'wasm' },
        { index: 1, name: 'relu', op: 'tfl.RELU', ms: 0.02, backend: 'wasm' },
        { index: 9, name: 'ghost', op: 'tfl.ADD', ms: 0.5, backend: 'reference' },
      ],
    };
    const p = payloadOf(renderHtml(model, { profile }));
    const ov = p.overlays[0]!;
    expect(ov.kind).toBe('profile');
    expect(Object.keys(ov.perGraph[0]!).sort()).toEqual(['0', '1']);
    expect(ov.perGraph[0]![0]!.color).not.toBe(ov.perGraph[0]![1]!.color);
    expect(ov.perGraph[0]![0]!.text).toBe('2 ms · 79.4% · wasm');
    expect(ov.table.rows.map((r) => r[1])).toEqual(['conv', 'ghost', 'relu']);
    expect(ov.table.rows[1]![0]).toBe('(not in model)');
  });

  it('matches quantization layers by node or output name', () => {
    const quantReport = { layers: [{ name: 'conv', mse: 1e-4, maxAbsError: 0.02, cosine: 0.99999 }, { name: 'logits', mse: 0.3, maxAbsError: 1.2, cosine: 0.9 }] };
    const ov = payloadOf(renderHtml(model, { quantReport })).overlays[0]!;
    expect(ov.kind).toBe('quant');
    const nodes = ov.perGraph[0]!;
    const fc = model.graphs[0]!.nodes.findIndex((n) => n.name === 'logits');
    expect(nodes[0]!.color).toBe(ov.legend[0]!.color);
    expect(nodes[fc]!.color).toBe(ov.legend[4]!.color);
    expect(ov.table.rows[0]![1]).toBe('logits');
  });

  it('renders a diff against a base model', () => {
    const base = smallModel();
    base.graphs[0]!.nodes[0]!.attrs.padding = 'VALID';
    const ov = payloadOf(renderHtml(model, { diff: { base, label: 'v1' } })).overlays[0]!;
    expect(ov.kind).toBe('diff');
    expect(ov.title).toBe('Diff against v1: 0 added, 0 removed, 1 changed, 7 unchanged');
    expect(ov.perGraph[0]![0]!.text).toBe('changed: attr:padding: VALID → SAME');
  });

  it('rejects malformed overlay JSON with a typed error naming the field', () => {
    const bad = () => renderHtml(model, { profile: { nodes: [{ index: 0, name: 'conv', op: 'x', ms: 'fast', backend: 'wasm' }] } as never });
    expect(bad).toThrow(VisualizeError);
    expect(bad).toThrow(/profile\.nodes\[0\]\.ms/);
    try {
      renderHtml(model, { quantReport: { layers: 3 } as never });
    } catch (e) {
      expect((e as VisualizeError).code).toBe('INVALID_QUANT_REPORT');
    }
    expect(() => renderHtml(model, { quantReport: { layers: 3 } as never })).toThrow(VisualizeError);
  });
});

describe('untrusted names', () => {
  it('cannot break out of the page', () => {
    const m = smallModel();
    const evil = '</script><img src=x onerror=alert(1)><!--';
    m.graphs[0]!.nodes[0]!.name = evil;
    m.graphs[0]!.inputs[0]!.name = evil;
    m.description = evil;
    const html = renderHtml(m);
    expectSelfContained(html);
    expect(html).not.toContain('<img');
    expect(payloadOf(html).graphs[0]!.nodes[0]!.name).toBe(evil);
  });
});

describe('bad input', () => {
  it('says what it expected', () => {
    expect(() => renderHtml({} as never)).toThrow(/expects a graph-ir Model/);
    try {
      renderHtml(smallModel(), { diff: { base: undefined as never } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VisualizeError);
      expect((e as VisualizeError).code).toBe('INVALID_OPTION');
      expect((e as VisualizeError).names).toEqual(['diff.base']);
    }
  });
});

describe('renderHtml at scale', () => {
  it('renders a 5,000-node model under 5 MB', () => {
    const html = renderHtml(syntheticModel(5000));
    expect(html.length).toBeLessThan(5 * 1024 * 1024);
    expect(payloadOf(html).graphs[0]!.nodes).toHaveLength(5000);
  });
});

describeModels('renderHtml on the shared .tflite models', () => {
  for (const e of tfliteEntries()) {
    it(e.path, (ctx) => {
      let model;
      try {
        model = loadModel(e.path);
      } catch (err) {
        expect((err as Error).name).toBe('IRError');
        ctx.annotate(`import failed: ${(err as Error).message.split('\n')[0]}`);
        return;
      }
      const html = renderHtml(model);
      expectSelfContained(html);
      const p = payloadOf(html);
      expect(p.graphs.map((g) => g.nodes.length)).toEqual(model.graphs.map((g) => g.nodes.length));
      // every edge endpoint refers to a real value; constants have a buffer with their size
      for (const g of p.graphs) {
        for (const n of g.nodes) for (const i of [...n.inputs, ...n.outputs]) expect(i === -1 || g.values[i] !== undefined).toBe(true);
        for (const v of g.values) if (v.buffer !== undefined) expect(p.buffers[v.buffer]!.bytes).toBe(v.bytes);
      }
      // the page never carries weights, only previews
      const weights = p.buffers.reduce((a, b) => a + b.bytes, 0);
      if (weights > 1 << 20) expect(html.length).toBeLessThan(weights);
    });
  }
});
