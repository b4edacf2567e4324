// importGraphDef on every GraphDef (.pb / .pbtxt) of the shared models and the repo's examples.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphValues, verify, type DType } from '@liteml/graph-ir';
import { describe, expect, it } from 'vitest';
import { ConversionError, importGraphDef } from '../src/index';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { importedHistogram, readGraphDef, unreadConstants } from './frontend-helpers';

const graphDefs = manifestEntries().filter((e) => e.format === 'graphdef-pb' || e.format === 'graphdef-pbtxt');

describeModels('importGraphDef: shared GraphDefs', () => {
  it('finds the GraphDefs of the manifest', () => {
    expect(graphDefs.length).toBeGreaterThanOrEqual(20);
  });
  for (const e of graphDefs) {
    it(`${e.path}: unpruned import has the manifest's op histogram and verifies`, () => {
      const gd = readGraphDef(modelPath(e.path));
      const model = importGraphDef(gd, { prune: false, inlineFunctions: false, functionalizeConds: false });
      const g = model.graphs[0]!;
      verify(model, { inference: false });
      const ops = new Map(gd.node.map((n) => [n.name, n.op]));
      const h = importedHistogram(model, ops);
      const unread = unreadConstants(gd).length;
      if (unread > 0) h['Const'] = (h['Const'] ?? 0) + unread;
      expect(h).toEqual(e.ops);
      // every non-constant tensor has its TF name
      for (const n of g.nodes) {
        expect(n.outputs.map((o) => o.name).slice(0, 2)).toEqual([n.name, `${n.name}:1`].slice(0, Math.min(2, n.outputs.length)));
      }
    });
  }
});

/** The inputs/outputs a LiteRT end2end test passes to tf_tfl_translate (its `# RUN:` line). */
function runLineOptions(path: string): { inputs: { name: string; dtype?: string; shape?: number[] }[]; outputs: string[] } | undefined {
  const text = readFileSync(path, 'utf8');
  const run = text.split('\n').filter((l) => l.startsWith('# RUN:')).map((l) => l.slice(6).replace(/\\$/, '')).join(' ');
  const flag = (name: string) => new RegExp(`-${name}=(\\S*)`).exec(run)?.[1];
  const names = flag('tf-input-arrays');
  const outs = flag('tf-output-arrays');
  if (!names || !outs) return undefined;
  const shapes = flag('tf-input-shapes')?.split(':');
  const dtypes = flag('tf-input-data-types')?.split(',');
  const dt: Record<string, string> = { DT_FLOAT: 'f32', DT_INT32: 'i32' };
  return {
    inputs: names.split(',').map((name, i) => {
      const spec: { name: string; dtype?: string; shape?: number[] } = { name };
      const s = shapes?.[i];
      if (s && s !== '-1') spec.shape = s.split(',').map(Number);
      if (dtypes?.[i]) spec.dtype = dt[dtypes[i]!];
      return spec;
    }),
    outputs: outs.split(','),
  };
}

describeModels('importGraphDef: inputs/outputs/shapes of the LiteRT end2end tests', () => {
  const cases = graphDefs.filter((e) => e.path.includes('/end2end/'));
  it('has RUN lines to follow', () => {
    expect(cases.filter((e) => runLineOptions(modelPath(e.path))).length).toBeGreaterThanOrEqual(10);
  });
  for (const e of cases) {
    const opts = runLineOptions(modelPath(e.path));
    if (!opts) continue;
    it(`${e.path}: ${opts.inputs.map((i) => i.name).join(',')} -> ${opts.outputs.join(',')}`, () => {
      const model = importGraphDef(readGraphDef(modelPath(e.path)), {
        inputs: opts.inputs.map((i) => (i.dtype ? { name: i.name, dtype: i.dtype as DType } : i.name)),
        outputs: opts.outputs,
        inputShapes: Object.fromEntries(opts.inputs.filter((i) => i.shape).map((i) => [i.name, i.shape!])),
      });
      const g = model.graphs[0]!;
      expect(g.inputs.map((v) => v.name)).toEqual(opts.inputs.map((i) => i.name));
      expect(g.outputs.map((v) => v.name)).toEqual(opts.outputs);
      opts.inputs.forEach((spec, i) => {
        if (spec.shape) expect(g.inputs[i]!.shape).toEqual(spec.shape);
        if (spec.dtype) expect(g.inputs[i]!.dtype).toBe(spec.dtype);
      });
      verify(model);
      // pruning: every node is needed by an output
      const needed = new Set<string>();
      const producer = new Map(g.nodes.flatMap((n) => n.outputs.map((o) => [o, n] as const)));
      const stack = [...g.outputs];
      while (stack.length) {
        const n = producer.get(stack.pop()!);
        if (n && !needed.has(n.name)) {
          needed.add(n.name);
          stack.push(...n.inputs.filter((v) => v !== undefined));
        }
      }
      expect(g.nodes.map((n) => n.name).filter((n) => !needed.has(n))).toEqual([]);
    });
  }
});

describeModels('importGraphDef: frozen graphs with their default (likely) outputs', () => {
  for (const e of graphDefs.filter((x) => x.path.startsWith('graphdef/'))) {
    it(`${e.path} imports, verifies with shape inference and keeps only needed nodes`, () => {
      const gd = readGraphDef(modelPath(e.path));
      const full = importGraphDef(gd, { prune: false });
      const model = importGraphDef(gd);
      verify(model);
      const g = model.graphs[0]!;
      expect(g.outputs.length).toBeGreaterThan(0);
      expect(g.nodes.length).toBeLessThanOrEqual(full.graphs[0]!.nodes.length);
      for (const v of graphValues(g)) expect(v.dtype).not.toBe(undefined);
    });
  }
  it('regression/frozen.pb: X -> pred (tf2onnx test_api)', () => {
    const m = importGraphDef(readGraphDef(modelPath('graphdef/tf2onnx/regression/graphdef/frozen.pb')));
    expect(m.graphs[0]!.inputs.map((v) => v.name)).toEqual(['X']);
    expect(m.graphs[0]!.outputs.map((v) => v.name)).toEqual(['pred']);
  });
});
