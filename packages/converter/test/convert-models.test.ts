// End to end on real TensorFlow models: convert, re-import and verify the .tflite, compare our
// runtime on it with the original graph (evaluateTf), and run it on the REAL TFLite runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importTflite, verify } from '@liteml/graph-ir';
import { Interpreter, type Tensor } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { compareModels, convert, ConversionError, evaluateTf, loadTfModelFromPath, randomFeeds, type ConvertOptions } from '../src/index';
import { runRealTflite } from './support/real-tflite';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'models');

interface Case {
  path: string;
  options?: ConvertOptions;
  /** tfl ops the optimized model must consist of (exactly). */
  ops?: Record<string, number>;
}

/** Convert, check (a) re-import + verify, (b) our runtime vs evaluateTf, (c) real TFLite vs ours. */
async function checkModel(c: Case): Promise<void> {
  const source = await loadTfModelFromPath(c.path);
  const { tflite, report } = convert(source, c.options);
  if (c.ops) expect(report.opCounts).toEqual(c.ops);
  // (a) the file re-imports and verifies
  const back = importTflite(tflite);
  expect(() => verify(back)).not.toThrow();
  expect(back.signatures.map((s) => s.key)).toEqual(source.signatures.length > 0 ? source.signatures.map((s) => s.key).slice(0, 1) : ['serving_default']);
  // (b) our runtime on the .tflite vs the original graph
  const shaped = c.options?.inputShapes ? convert(source, { ...c.options, optimize: false }).model : source;
  const cmp = compareModels(source, tflite, { atol: 1e-6, rtol: 1e-5, feeds: randomFeeds(shaped, 1234) });
  for (const o of cmp.outputs) {
    expect(o.pass, `${o.name}: max abs ${o.maxAbsError}, rel ${o.maxRelError}`).toBe(true);
    expect(o.cosine).toBeGreaterThan(0.99999);
  }
  // (c) the real TFLite runtime loads and runs it; its outputs match ours within 1e-4
  const ours = Interpreter.createSync(tflite).run(cmp.feeds);
  const real = runRealTflite(tflite, cmp.feeds.map((f) => f.data as ArrayLike<number>));
  const mine = Object.values(ours);
  expect(real.outputs.length).toBe(mine.length);
  real.outputs.forEach((r, i) => {
    const m = Array.from(mine[i]!.data as ArrayLike<number>, Number);
    expect(r.data.length).toBe(m.length);
    const scale = Math.max(1, ...m.map(Math.abs));
    const err = Math.max(0, ...r.data.map((v, k) => Math.abs(v - m[k]!)));
    expect(err, `output ${r.name}`).toBeLessThanOrEqual(1e-4 * scale);
  });
}

describe('convert: repo examples', () => {
  it('small_cnn.pb: conv/depthwise/pool/dense with biases folded and activations fused', async () => {
    await checkModel({
      path: join(EXAMPLES, 'small_cnn.pb'),
      ops: { CONV_2D: 1, MAX_POOL_2D: 1, DEPTHWISE_CONV_2D: 1, RESHAPE: 1, FULLY_CONNECTED: 1, SOFTMAX: 1 },
    });
    const { model } = convert(await loadTfModelFromPath(join(EXAMPLES, 'small_cnn.pb')));
    const conv = model.main.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
    expect(conv.attrs.fusedActivationFunction).toBe('RELU');
    expect(conv.inputs[2]?.data).toBeDefined();
    expect(model.main.nodes.find((n) => n.op === 'tfl.DEPTHWISE_CONV_2D')!.attrs.fusedActivationFunction).toBe('RELU6');
  });

  it('small_savedmodel: serving_default signature names survive', async () => {
    await checkModel({ path: join(EXAMPLES, 'small_savedmodel'), options: { inputShapes: { x: [2, 4] } }, ops: { FULLY_CONNECTED: 1 } });
    const { model } = convert(await loadTfModelFromPath(join(EXAMPLES, 'small_savedmodel')), { inputShapes: { x: [2, 4] } });
    expect(model.signatures[0]!.inputs.map((e) => e.name)).toEqual(['x']);
    expect(model.signatures[0]!.outputs.map((e) => e.name)).toEqual(['y']);
    expect(model.main.nodes[0]!.attrs.fusedActivationFunction).toBe('RELU');
  });
});

describeModels('convert: shared TF models', () => {
  const cases: Case[] = [
    { path: 'graphdef/tf2onnx/fc-layers/frozen.pb', options: { inputShapes: { X: [2, 784] } }, ops: { FULLY_CONNECTED: 3 } },
    { path: 'graphdef/tf2onnx/ae0/frozen.pb', options: { inputShapes: { X: [1, 784] } }, ops: { FULLY_CONNECTED: 4, LOGISTIC: 4 } },
    { path: 'graphdef/tf2onnx/regression/graphdef/frozen.pb', options: { inputShapes: { X: [1] } } },
    { path: 'graphdef/tf2onnx/saved_model_with_redundant_inputs', ops: { ADD: 1 } },
    { path: 'savedmodel/serving/matrix_half_plus_two/1', options: { inputShapes: { x: [2, 3, 3] } } },
    { path: 'savedmodel/serving/saved_model_half_plus_two_tf2_cpu/00000123' },
    { path: 'savedmodel/serving/saved_model_half_plus_three/00000123', options: { inputShapes: { x: [4, 1] } } },
    { path: 'savedmodel/serving/saved_model_half_plus_two_mkl/00000123', options: { inputShapes: { x: [3, 1] } } },
    { path: 'savedmodel/tfjs_node/times_three_float' },
    { path: 'savedmodel/tfjs_node/model_multi_output' },
    { path: 'litert/tflite/testdata/multi_add.pb', ops: { ADD: 3 } },
    { path: 'litert/tflite/python/testdata/permute.pbtxt', ops: { FULLY_CONNECTED: 1 } },
    { path: 'litert/tflite/converter/tests/end2end/unroll_batch_matmul.pbtxt', ops: { BATCH_MATMUL: 1 } },
    { path: 'litert/tflite/converter/tests/end2end/if_op.pbtxt', options: { inputShapes: { a: [], b: [] } } }, // TFLite IF needs a scalar condition
  ];
  for (const c of cases) it(c.path, async () => checkModel({ ...c, path: modelPath(c.path) }));

  it('half_plus_two: our conversion matches the .tflite TF\'s converter produced', async () => {
    const dir = 'savedmodel/serving/saved_model_half_plus_two_cpu/00000123';
    const { tflite } = convert(await loadTfModelFromPath(modelPath(dir)), { inputShapes: { x: [4, 1] } });
    const theirs = new Uint8Array(readFileSync(modelPath('savedmodel/serving/saved_model_half_plus_two_tflite/00000123/model.tflite')));
    const x = Float32Array.from([0, 1, -3.5, 10]);
    const ours = runRealTflite(tflite, [x]).outputs[0]!.data;
    // TF's .tflite has a [1, 1] input: run it per value
    const ref = Array.from(x, (v) => runRealTflite(theirs, [[v]]).outputs[0]!.data[0]!);
    expect(ours).toEqual(ref);
    expect(ours).toEqual([2, 2.5, 0.25, 7]);
  });

  it('evaluateTf reproduces the documented regression result', async () => {
    const m = await loadTfModelFromPath(modelPath('graphdef/tf2onnx/regression/graphdef/frozen.pb'));
    const out = Object.values(evaluateTf(m, [{ data: Float32Array.from([5]), shape: [1] }]))[0] as Tensor;
    expect((out.data as Float32Array)[0]).toBeCloseTo(2.1193342, 1);
  });

  it('unsupported ops: one ConversionError listing every node, with the custom-op hint', async () => {
    const m = await loadTfModelFromPath(modelPath('litert/tflite/converter/tests/end2end/control_flow_v1.pbtxt'));
    let err: unknown;
    try {
      convert(m);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConversionError);
    const ce = err as ConversionError;
    expect(ce.code).toBe('UNSUPPORTED_OPS');
    expect(ce.nodes).toHaveLength(6);
    expect(ce.nodes).toContain('cond/Merge');
    expect(ce.message).toMatch(/Switch \(5: /);
    expect(ce.message).toMatch(/--allow-custom-ops/);
  });

  it('allowCustomOps emits unknown TF ops as custom ops', async () => {
    const m = await loadTfModelFromPath(modelPath('litert/tflite/converter/tests/end2end/custom_opdef.pbtxt'));
    expect(() => convert(m)).toThrow(/BannaPotatoSaladWithColeslaw/);
    const { model, report } = convert(m, { allowCustomOps: true });
    expect(report.opCounts).toEqual({ 'CUSTOM(BannaPotatoSaladWithColeslaw)': 1 });
    expect(report.warnings.join()).toMatch(/custom ops/);
    const back = importTflite(convert(m, { allowCustomOps: true }).tflite);
    expect(back.main.nodes[0]!.attrs.customCode).toBe('BannaPotatoSaladWithColeslaw');
    expect(model.main.nodes).toHaveLength(1);
  });
});
