// importSavedModel / importMetaGraphDef on the SavedModels (TF1 and TF2) and checkpoint of the shared models.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verify, type Model } from '@liteml/graph-ir';
import { readSavedModelDir } from '@liteml/schema';
import { describe, expect, it } from 'vitest';
import { ConversionError, importGraphDef, importSavedModel, loadTfModelFromPath } from '../src/index';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { constantByName, evalTinyGraph, importedHistogram, unreadConstants, values } from './frontend-helpers';

const savedModels = manifestEntries().filter((e) => e.format === 'savedmodel');

describeModels('importSavedModel: every SavedModel of the manifest', () => {
  it('finds them', () => expect(savedModels.length).toBeGreaterThanOrEqual(15));
  for (const e of savedModels) {
    const dir = dirname(modelPath(e.path));
    it(`${e.path}: graph_def histogram (unpruned) and function graphs`, async () => {
      const sm = await readSavedModelDir(dir);
      const mg = sm.metaGraphs[0]!;
      const gd = mg.graphDef!;
      const m = importGraphDef(gd, { prune: false, inlineFunctions: false, functionalizeConds: false, opDefs: mg.metaInfoDef?.strippedOpList?.op });
      verify(m, { inference: false });
      const h = importedHistogram(new (m.constructor as typeof Model)({ graphs: [m.graphs[0]!] }), new Map(gd.node.map((n) => [n.name, n.op])));
      const unread = unreadConstants(gd).length;
      if (unread) h['Const'] = (h['Const'] ?? 0) + unread;
      const top = Object.fromEntries(Object.entries(e.ops ?? {}).filter(([k]) => !k.startsWith('fn:')));
      expect(h).toEqual(top);
      // each function graph holds its FunctionDef's nodes
      const fns = new Map((gd.library?.function ?? []).map((f) => [f.signature!.name, f]));
      for (const g of m.graphs.slice(1)) {
        const fd = fns.get(g.name)!;
        const fh = importedHistogram(new (m.constructor as typeof Model)({ graphs: [g] }), new Map());
        for (const v of g.inputs) fh['?'] = (fh['?'] ?? 0) - 1; // arguments
        if (fh['?'] === 0 || fh['?'] === undefined) delete fh['?'];
        const unreadFn = unreadConstants({ node: fd.nodeDef.map((n) => ({ ...n, input: n.input.map((i) => i.split(':')[0]!) })) } as never).length;
        if (unreadFn) fh['Const'] = (fh['Const'] ?? 0) + unreadFn;
        const want: Record<string, number> = {};
        for (const n of fd.nodeDef) want[n.op] = (want[n.op] ?? 0) + 1;
        expect(fh, g.name).toEqual(want);
      }
    });
    it(`${e.path}: a signature imports, verifies and is named after its keys`, async () => {
      const sm = await readSavedModelDir(dir);
      const sigs = Object.keys(sm.metaGraphs[0]!.signatureDef).filter((k) => k !== '__saved_model_init_op').sort();
      const key = sigs.includes('serving_default') ? 'serving_default' : sigs.find((k) => k.startsWith('get')) ?? sigs[0]!;
      const m = importSavedModel(sm, { signature: key });
      verify(m);
      const sig = sm.metaGraphs[0]!.signatureDef[key]!;
      expect(m.signatures.map((s) => s.key)).toEqual([key]);
      expect(m.graphs[0]!.inputs.map((v) => v.name)).toEqual(Object.keys(sig.inputs).sort());
      expect(m.graphs[0]!.outputs.map((v) => v.name)).toEqual(Object.keys(sig.outputs).sort());
      expect(m.signatures[0]!.outputs.map((o) => o.value)).toEqual(m.graphs[0]!.outputs);
      for (const n of m.graphs[0]!.nodes) expect(n.op).not.toMatch(/^tf\.(VarHandleOp|VariableV2|ReadVariableOp|StatefulPartitionedCall|PartitionedCall|RestoreV2|SaveV2)$/);
    });
  }
});

const serving = (p: string) => modelPath(`savedmodel/serving/${p}`);

describeModels('importSavedModel: variables are frozen to their checkpoint values', () => {
  const halfPlusTwo = [
    'saved_model_half_plus_two_cpu/00000123', 'saved_model_half_plus_two_2_versions/00000123',
    'saved_model_half_plus_two_2_versions/00000124', 'saved_model_half_plus_two_tf2_cpu/00000123',
  ];
  for (const p of halfPlusTwo) {
    it(`${p}: a = 0.5, b = 2 and serving_default computes 0.5x + 2`, async () => {
      const m = importSavedModel(await readSavedModelDir(serving(p)));
      expect(values(constantByName(m, 'a')!)).toEqual([0.5]);
      expect(values(constantByName(m, 'b')!)).toEqual([2]);
      const [y] = evalTinyGraph(m.graphs[0]!, [[1, 2, 5]]);
      expect(y).toEqual([2.5, 3, 4.5]);
    });
  }
  it('half_plus_two_mkl: a = 0.5 and b = 2 frozen next to its resource variables', async () => {
    const m = importSavedModel(await readSavedModelDir(serving('saved_model_half_plus_two_mkl/00000123')));
    verify(m);
    expect(values(constantByName(m, 'a')!)).toEqual([0.5]);
    expect(values(constantByName(m, 'b')!)).toEqual([2]);
    expect(m.graphs[0]!.nodes.some((n) => n.op === 'tf.Conv2D')).toBe(true);
  });
  it('half_plus_three: y = 0.5x + 3 through serving_default', async () => {
    const m = importSavedModel(await readSavedModelDir(serving('saved_model_half_plus_three/00000123')));
    expect(values(constantByName(m, 'b')!)).toEqual([3]);
    expect(evalTinyGraph(m.graphs[0]!, [[0, 4]])[0]).toEqual([3, 5]);
  });
  it('half_plus_two TF1: signature regress_x2_to_y3 uses a2 and c2', async () => {
    const m = importSavedModel(await readSavedModelDir(serving('saved_model_half_plus_two_cpu/00000123')), { signature: 'regress_x2_to_y3' });
    expect(m.graphs[0]!.inputs.map((v) => v.name)).toEqual(['inputs']);
    expect(m.graphs[0]!.outputs.map((v) => v.name)).toEqual(['outputs']);
  });
  it('the counter: get_counter imports, incr_counter (updates a variable) is a ConversionError', async () => {
    const sm = await readSavedModelDir(serving('saved_model_counter/00000123'));
    verify(importSavedModel(sm, { signature: 'get_counter' }));
    expect(() => importSavedModel(sm, { signature: 'incr_counter' })).toThrow(ConversionError);
    try {
      importSavedModel(sm, { signature: 'incr_counter' });
    } catch (e) {
      expect((e as ConversionError).code).toBe('UNSUPPORTED_STATEFUL');
      expect((e as ConversionError).nodes?.length).toBeGreaterThan(0);
    }
  });
  it('without its variables/ files, the variables a SavedModel needs are a MISSING_VARIABLE error naming them', () => {
    const dir = serving('saved_model_half_plus_two_cpu/00000123');
    const files = new Map([['saved_model.pb', new Uint8Array(readFileSync(join(dir, 'saved_model.pb')))]]);
    try {
      importSavedModel(files);
      throw new Error('expected a ConversionError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConversionError);
      expect((e as ConversionError).code).toBe('MISSING_VARIABLE');
      expect((e as ConversionError).nodes).toEqual(['a', 'b']);
    }
  });
  it('inputs/outputs by tensor name replace the signature (TF1: cut at x, read y2)', async () => {
    const m = await loadTfModelFromPath(serving('saved_model_half_plus_two_cpu/00000123'), { inputs: [{ name: 'x:0', dtype: 'f32', shape: [3] }], outputs: ['y2'] });
    verify(m);
    expect(m.signatures).toEqual([]);
    expect(m.graphs[0]!.inputs.map((v) => v.name)).toEqual(['x']);
    expect(evalTinyGraph(m.graphs[0]!, [[0, 2, 4]])[0]).toEqual([3, 4, 5]); // y2 = 0.5x + c, c = 3
  });
  it('an unknown signature is a ConversionError listing the keys', async () => {
    const sm = await readSavedModelDir(serving('saved_model_half_plus_two_cpu/00000123'));
    expect(() => importSavedModel(sm, { signature: 'nope' })).toThrow(/regress_x_to_y/);
    expect(() => importSavedModel(sm, { tags: ['train'] })).toThrow(expect.objectContaining({ code: 'UNKNOWN_TAGS' }));
  });
});

describeModels('importSavedModel: TF2 tfjs-node models compute what upstream says', () => {
  const tfjsNode = (p: string) => modelPath(`savedmodel/tfjs_node/${p}`);
  const cases: [string, string | undefined, (number[] | bigint[])[], (number[] | bigint[])[]][] = [
    ['times_three_float', undefined, [[1, 2, 3]], [[3, 6, 9]]],
    ['times_two_int', undefined, [[1, 2, 3]], [[2, 4, 6]]],
    ['int64_multiply', undefined, [[3n, 4n]], [[18n, 24n]]],
    ['uint8_multiply', undefined, [[3]], [[18]]],
    ['module_with_multiple_signatures', undefined, [[1, 2, 3]], [[3, 6, 9]]],
    ['module_with_multiple_signatures', 'timestwo', [[1, 2, 3]], [[2, 4, 6]]],
    ['model_single_input_multi_output', undefined, [[1, 2, 3]], [[2, 4, 6], [1, 2, 3]]],
    ['model_multi_output', undefined, [[1, 2, 3], [1, 2, 3]], [[2, 4, 6], [1, 2, 3]]],
  ];
  for (const [name, signature, ins, outs] of cases) {
    it(`${name}${signature ? ` (${signature})` : ''}`, async () => {
      const m = importSavedModel(await readSavedModelDir(tfjsNode(name)), signature ? { signature } : {});
      verify(m);
      const got = evalTinyGraph(m.graphs[0]!, ins);
      expect(got.map((o) => o.map((x) => (typeof x === 'bigint' ? x : Number(x))))).toEqual(outs);
    });
  }
});

describeModels('TF1 checkpoint (.meta + variables)', () => {
  it('regression/checkpoint/model.meta: X -> pred with the trained variables as constants', async () => {
    const m = await loadTfModelFromPath(modelPath('graphdef/tf2onnx/regression/checkpoint/model.meta'), { inputs: ['X'], outputs: ['pred'] });
    verify(m);
    expect(m.graphs[0]!.nodes.every((n) => !/Variable/.test(n.op))).toBe(true);
    // tf2onnx test_api: X = [5] -> pred ≈ 2.1193342
    const [pred] = evalTinyGraph(m.graphs[0]!, [[5]]);
    expect(Number(pred![0])).toBeCloseTo(2.1193342, 5);
  });
});

const example = join(__dirname, '../../../examples/models/small_savedmodel');
describe.runIf(existsSync(join(example, 'saved_model.pb')))('examples/models/small_savedmodel', () => {
  it('imports serving_default with W and b frozen', async () => {
    const m = await loadTfModelFromPath(example);
    verify(m);
    expect(constantByName(m, 'W')).toBeDefined();
    expect(constantByName(m, 'b')).toBeDefined();
  });
});
