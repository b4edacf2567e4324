// End to end on real TensorFlow models: convert, re-import and verify the .tflite, compare our
// runtime on it with the original graph (evaluateTf), and run it on the REAL TFLite runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportTflite, graphValues, importTflite, verify } from '@liteml/graph-ir';
import { Interpreter, type Tensor } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { parseGraphDefText } from '@liteml/schema';
import { compareModels, convert, ConversionError, evaluateTf, importGraphDef, loadTfModelFromPath, randomFeeds, type ConvertOptions } from '../src/index';
import { runRealTflite } from '../../../testing/real-tflite';
import { refConv2d, valuesOf } from './support/tf-graphs';

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
  const cmp = compareModels(source, tflite, { atol: 1e-6, rtol: 1e-5, seed: 1234 });
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

  it('small_cnn.pb: the .tflite on real TFLite computes the CNN written out in plain JS', async () => {
    const tf = await loadTfModelFromPath(join(EXAMPLES, 'small_cnn.pb'));
    const c = (name: string) => Float32Array.from(valuesOf(graphValues(tf.main).find((v) => v.name === name && v.data)!));
    const x = randomFeeds(tf, 42)[0]!.data as Float32Array;
    // conv 3x3x1x8 SAME + bias + relu
    const conv = refConv2d(x, [1, 28, 28, 1], c('conv1/weights'), [3, 3, 1, 8], 1, 'SAME').data.map((v, i) => Math.max(0, v + c('conv1/bias')[i % 8]!));
    // max pool 2x2/2 → [14, 14, 8]
    const pool = Array.from({ length: 14 * 14 * 8 }, (_, i) => {
      const ch = i % 8, px = Math.floor(i / 8) % 14, py = Math.floor(i / 112);
      return Math.max(...[0, 1].flatMap((dy) => [0, 1].map((dx) => conv[((2 * py + dy) * 28 + 2 * px + dx) * 8 + ch]!)));
    });
    // depthwise 3x3 SAME per channel + bias + relu6
    const dw = c('dw1/depthwise_weights');
    const dwOut = pool.map((_, i) => {
      const ch = i % 8, px = Math.floor(i / 8) % 14, py = Math.floor(i / 112);
      let s = c('dw1/bias')[ch]!;
      for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) {
        const yy = py + ky - 1, xx = px + kx - 1;
        if (yy >= 0 && xx >= 0 && yy < 14 && xx < 14) s += pool[(yy * 14 + xx) * 8 + ch]! * dw[(ky * 3 + kx) * 8 + ch]!;
      }
      return Math.min(6, Math.max(0, s));
    });
    // dense 1568 → 10 + bias, softmax
    const k = c('dense/kernel');
    const logits = Array.from({ length: 10 }, (_, o) => dwOut.reduce((s, v, i) => s + v * k[i * 10 + o]!, c('dense/bias')[o]!));
    const e = logits.map((l) => Math.exp(l - Math.max(...logits)));
    const want = e.map((v) => v / e.reduce((a, b) => a + b));
    const real = runRealTflite(convert(tf).tflite, [x]).outputs[0]!.data;
    real.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5));
  });

  it('small_cnn.pb: perLayer matches the fused layers to the TF tensors they replace', async () => {
    const tf = await loadTfModelFromPath(join(EXAMPLES, 'small_cnn.pb'));
    const cmp = compareModels(tf, convert(tf).tflite, { perLayer: true, seed: 5, atol: 1e-6, rtol: 1e-5 });
    expect(cmp.pass).toBe(true);
    const layers = Object.fromEntries(cmp.layers!.map((l) => [l.name, l]));
    for (const name of ['conv1/Relu', 'pool1/MaxPool', 'dw1/Relu6', 'flatten/Reshape', 'dense/BiasAdd', 'output']) {
      expect(layers[name], name).toBeDefined();
      expect(layers[name]!.pass, name).toBe(true);
    }
    expect(layers['conv1/Relu']!.op).toBe('CONV_2D');
  });

  it('small_cnn.pb: perLayer names the first op where a tampered .tflite diverges', async () => {
    const tf = await loadTfModelFromPath(join(EXAMPLES, 'small_cnn.pb'));
    const good = convert(tf).tflite;
    expect(compareModels(tf, good, { perLayer: true }).firstDivergence).toBeUndefined();
    const model = importTflite(good);
    const w = model.main.nodes.find((n) => n.op === 'tfl.DEPTHWISE_CONV_2D')!.inputs[1]!;
    const data = new Uint8Array(w.data!);
    new DataView(data.buffer).setFloat32(0, 5, true);
    w.data = data;
    const cmp = compareModels(tf, exportTflite(model), { perLayer: true });
    expect(cmp.pass).toBe(false);
    expect(cmp.firstDivergence).toMatchObject({ name: 'dw1/Relu6', op: 'DEPTHWISE_CONV_2D' });
    expect(cmp.firstDivergence!.maxAbsError).toBeGreaterThan(0.01);
    // everything before it in execution order still matches
    const layers = cmp.layers!.map((l) => l.name);
    expect(cmp.layers!.slice(0, layers.indexOf('dw1/Relu6')).every((l) => l.pass)).toBe(true);
    // without perLayer there is nothing to localize
    expect(compareModels(tf, exportTflite(model)).firstDivergence).toBeUndefined();
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
    { path: 'graphdef/tf2onnx/fc-layers/frozen.pb', ops: { FULLY_CONNECTED: 3 } }, // dynamic batch kept (-1 in shape_signature)
    { path: 'graphdef/tf2onnx/regression/saved_model', options: { inputShapes: { X: [3] } } },
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
    { path: 'litert/tflite/converter/tests/end2end/add.pbtxt', options: { inputShapes: { input0: [5], input1: [5] } }, ops: { ADD: 1 } },
    { path: 'savedmodel/tfjs_node/uint8_multiply', ops: { CAST: 1, MUL: 1 } },
    { path: 'tfjs/graph_model/model.json', ops: { FULLY_CONNECTED: 1 } },
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

  it('a named SavedModel signature becomes the .tflite signature', async () => {
    const m = await loadTfModelFromPath(modelPath('savedmodel/tfjs_node/module_with_multiple_signatures'), { signature: 'timestwo' });
    const { tflite } = convert(m);
    const back = importTflite(tflite);
    expect(back.signatures.map((s) => [s.key, s.inputs.map((e) => e.name), s.outputs.map((e) => e.name)])).toEqual([['timestwo', ['x'], ['output_0']]]);
    const run = Interpreter.createSync(tflite).getSignatureRunner('timestwo').run({ x: Float32Array.from([3]) });
    expect(Array.from(run.output_0!.data as Float32Array)).toEqual([6]);
  });

  it('evaluateTf reproduces the documented regression result', async () => {
    const m = await loadTfModelFromPath(modelPath('graphdef/tf2onnx/regression/graphdef/frozen.pb'));
    const out = Object.values(evaluateTf(m, [{ data: Float32Array.from([5]), shape: [1] }]))[0] as Tensor;
    expect((out.data as Float32Array)[0]).toBeCloseTo(2.1193342, 1);
  });

  it('unsupported ops: one ConversionError listing every node, with the custom-op hint', () => {
    // string ops TFLite has no builtin for, in a small TF feature-hashing graph
    const node = (name: string, op: string, inputs: string[], attrs = '') =>
      `node { name: "${name}" op: "${op}" ${inputs.map((i) => `input: "${i}"`).join(' ')} ${attrs} }`;
    const text = [
      node('words', 'Placeholder', [], 'attr { key: "dtype" value { type: DT_STRING } } attr { key: "shape" value { shape { dim { size: 3 } } } }'),
      node('x', 'Placeholder', [], 'attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "shape" value { shape { dim { size: 3 } } } }'),
      node('x_str', 'AsString', ['x'], 'attr { key: "T" value { type: DT_FLOAT } }'),
      node('joined', 'StringJoin', ['words', 'x_str'], 'attr { key: "N" value { i: 2 } }'),
      node('h_words', 'StringToHashBucketFast', ['words'], 'attr { key: "num_buckets" value { i: 97 } }'),
      node('h_joined', 'StringToHashBucketFast', ['joined'], 'attr { key: "num_buckets" value { i: 97 } }'),
      node('sum', 'AddV2', ['h_words', 'h_joined'], 'attr { key: "T" value { type: DT_INT64 } }'),
    ].join('\n');
    let err: unknown;
    try {
      convert(importGraphDef(parseGraphDefText(text), { outputs: ['sum'] }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConversionError);
    const ce = err as ConversionError;
    expect(ce.code).toBe('UNSUPPORTED_OPS');
    expect([...ce.nodes!].sort()).toEqual(['h_joined', 'h_words', 'joined', 'x_str']);
    expect(ce.message).toMatch(/StringToHashBucketFast \(2: /);
    expect(ce.message).toMatch(/AsString \(1: /);
    expect(ce.message).toMatch(/--allow-custom-ops/);
  });

  it('a SavedModel signature that parses tf.Example protos reports ParseExample as unsupported', async () => {
    const m = await loadTfModelFromPath(modelPath('savedmodel/serving/saved_model_half_plus_three/00000123'), { signature: 'tensorflow/serving/regress' });
    expect(() => convert(m)).toThrow(/ParseExample \(1: 'ParseExample\/ParseExample'\)/);
  });

  it('control_flow_v1: a TF1 cond (Switch/Merge) becomes tfl.IF over then/else subgraphs', async () => {
    const path = modelPath('litert/tflite/converter/tests/end2end/control_flow_v1.pbtxt');
    const m = await loadTfModelFromPath(path);
    const { tflite, model, report } = convert(m, { inputShapes: { Placeholder: [2, 2], Placeholder_1: [] } });
    expect(report.opCounts).toEqual({ IF: 1, BATCH_MATMUL: 1, ADD: 1 });
    expect(model.graphs).toHaveLength(3);
    const x = Float32Array.from([1, 2, 3, 4]);
    // Const = [[0.1, 0.2], [0.3, 0.4]]: true → x @ Const, false → x + Const
    const want = { 1: [0.7, 1, 1.5, 2.2], 0: [1.1, 2.2, 3.3, 4.4] };
    for (const p of [1, 0] as const) {
      const feeds = [{ data: x, shape: [2, 2] }, { data: Uint8Array.from([p]), shape: [] }];
      const cmp = compareModels(m, tflite, { feeds, atol: 1e-6, rtol: 1e-6 });
      expect(cmp.pass).toBe(true);
      const real = runRealTflite(tflite, [x, [p]]).outputs;
      expect(real.map((o) => o.name)).toEqual(['cond/Merge']);
      real[0]!.data.forEach((v, i) => expect(v).toBeCloseTo(want[p][i]!, 5));
      expect(cmp.outputs[0]!.maxAbsError).toBe(0);
    }
  });

  it('control_flow_v1 (python testdata, .pbtxt and SavedModel): a Merge without Switch is rejected with the reason', async () => {
    for (const p of ['litert/tflite/python/testdata/control_flow_v1.pbtxt', 'litert/tflite/python/testdata/control_flow_v1_saved_model']) {
      const m = await loadTfModelFromPath(modelPath(p));
      expect(m.main.nodes.map((n) => n.op)).toEqual(['tf.Merge']);
      let err: unknown;
      try {
        convert(m);
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ code: 'UNSUPPORTED_OPS', nodes: ['Merge'] });
      expect((err as Error).message).toMatch(/Merge \(1: 'Merge'\): TF1 control flow that is not a cond/);
    }
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

describe('convert: random ops', () => {
  it('RandomUniform / RandomStandardNormal: our Philox kernels give real TFLite\'s numbers for the same seeds', () => {
    const shape = 'node { name: "shape" op: "Const" attr { key: "dtype" value { type: DT_INT32 } } attr { key: "value" value { tensor { dtype: DT_INT32 tensor_shape { dim { size: 2 } } int_val: 3 int_val: 5 } } } }';
    const random = (name: string, op: string, seed: number, seed2: number) =>
      `node { name: "${name}" op: "${op}" input: "shape" attr { key: "seed" value { i: ${seed} } } attr { key: "seed2" value { i: ${seed2} } } attr { key: "dtype" value { type: DT_FLOAT } } attr { key: "T" value { type: DT_INT32 } } }`;
    const text = [shape, random('u', 'RandomUniform', 87654321, 1234), random('n', 'RandomStandardNormal', 7, 99)].join('\n');
    const { tflite, report } = convert(importGraphDef(parseGraphDefText(text), { outputs: ['u', 'n'] }));
    expect(report.opCounts).toEqual({ RANDOM_UNIFORM: 1, RANDOM_STANDARD_NORMAL: 1 });
    const ours = Object.values(Interpreter.createSync(tflite).run([])).map((t) => Array.from(t.data as Float32Array));
    const real = runRealTflite(tflite, []).outputs.map((o) => o.data);
    expect(ours[0]).toHaveLength(15);
    expect(ours[0]).toEqual(real[0]); // uniform: bit-exact
    ours[1]!.forEach((v, i) => expect(Math.abs(v - real[1]![i]!)).toBeLessThan(1e-5)); // normal: float sin/log rounding
    expect(new Set(ours[0]).size).toBe(15);
  });
});

describeModels('convert: fake-quant and RNN models', () => {
  for (const [file, bits] of [['fake_quant_per_channel', 8], ['fake_quant_per_channel_4bit', 4], ['fake_quant_without_identity', 8], ['fake_quant_without_identity_4bit', 4]] as const) {
    it(`${file}: per-channel fake-quantized weights fold into the conv`, async () => {
      const m = await loadTfModelFromPath(modelPath(`litert/tflite/converter/tests/end2end/${file}.pbtxt`));
      const { model, report } = convert(m);
      expect(report.opCounts).toEqual({ CONV_2D: 1, FAKE_QUANT: 1, RESHAPE: 1 });
      const conv = model.main.nodes.find((n) => n.op === 'tfl.CONV_2D')!;
      const w = Float32Array.from(valuesOf(conv.inputs[1]!));
      const outChannels = Number(conv.inputs[1]!.shape![0]);
      const perOut = w.length / outChannels;
      for (let o = 0; o < outChannels; o++) {
        expect(new Set(w.subarray(o * perOut, (o + 1) * perOut)).size).toBeLessThanOrEqual(2 ** bits);
      }
      await checkModel({ path: modelPath(`litert/tflite/converter/tests/end2end/${file}.pbtxt`) });
    });
  }

  for (const name of ['lstm', 'gru']) {
    it(`tf2onnx ${name}: unrolled RNN with dropout (RandomUniform) matches TF and real TFLite`, async () => {
      const m = await loadTfModelFromPath(modelPath(`graphdef/tf2onnx/${name}/frozen.pb`));
      const { tflite, report } = convert(m, { inputShapes: { X: [1, 784], keep_prob: [] } });
      expect(report.warnings.join()).toMatch(/random numbers/);
      expect(report.opCounts.FULLY_CONNECTED).toBeGreaterThan(25);
      expect(report.opCounts.RANDOM_UNIFORM).toBeGreaterThan(0);
      const x = Float32Array.from({ length: 784 }, (_, i) => ((i * 37) % 101) / 101);
      const cmp = compareModels(m, tflite, { feeds: [{ data: x, shape: [1, 784] }, { data: Float32Array.from([1]), shape: [] }], atol: 1e-5, rtol: 1e-4 });
      expect(cmp.pass, JSON.stringify(cmp.outputs)).toBe(true);
      const real = runRealTflite(tflite, [x, [1]]).outputs[0]!;
      expect(real.shape).toEqual([1, 10]);
      const ours = Array.from(Object.values(Interpreter.createSync(tflite).run([x, Float32Array.from([1])]))[0]!.data as Float32Array);
      real.data.forEach((v, i) => expect(Math.abs(v - ours[i]!)).toBeLessThan(1e-4));
    });
  }
});
