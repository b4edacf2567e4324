// The converted float models on Google's LiteRT.js (@litertjs/core 2.5.3, the LiteRT runtime the
// issue names), next to tfjs-tflite: LiteRT loads and runs each .tflite and agrees with our runtime.
import { join } from 'node:path';
import { importTflite, exportTflite } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { convert, loadTfModelFromPath, randomFeeds, type ConvertOptions } from '../src/index';
import { runLiteRt } from '../../../testing/real-tflite';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples', 'models');

/** Converts, runs on LiteRT.js and on our runtime with the same random inputs, compares every output. */
async function onLiteRt(path: string, options?: ConvertOptions, fixed: Record<number, number[]> = {}): Promise<number> {
  const { tflite, model } = convert(await loadTfModelFromPath(path), options);
  const feeds = randomFeeds(model, 99).map((t, i) => (fixed[i] ? Float32Array.from(fixed[i]!) : (t.data as Float32Array)));
  const ours = Object.values(Interpreter.createSync(tflite).run(feeds));
  const real = runLiteRt(tflite, feeds);
  expect(real.outputs.length).toBe(ours.length);
  let compared = 0;
  real.outputs.forEach((r, i) => {
    const m = Array.from(ours[i]!.data as Float32Array);
    // LiteRT.js reports the model's static output shape: a dynamic (-1) dim stands for ours
    expect(r.shape.map((d, k) => (d < 0 ? ours[i]!.shape[k] : d))).toEqual(ours[i]!.shape);
    expect(r.data).toHaveLength(m.length);
    const scale = Math.max(1, ...m.map(Math.abs));
    r.data.forEach((v, k) => expect(Math.abs(v - m[k]!), `${r.name}[${k}]`).toBeLessThanOrEqual(1e-4 * scale));
    compared += m.length;
  });
  return compared;
}

describe('LiteRT.js: repo examples', () => {
  it('small_cnn.pb', async () => expect(await onLiteRt(join(EXAMPLES, 'small_cnn.pb'))).toBe(10));

  it('a model LiteRT cannot prepare is reported, not read back as stale buffers', async () => {
    const { tflite } = convert(await loadTfModelFromPath(join(EXAMPLES, 'small_cnn.pb')));
    const model = importTflite(tflite);
    const reshape = model.main.nodes.find((n) => n.op === 'tfl.RESHAPE')!;
    const shape = reshape.inputs[1]!;
    shape.data = new Uint8Array(Int32Array.from([1, 7]).buffer); // 1568 values cannot become [1, 7]
    expect(() => runLiteRt(exportTflite(model), [new Float32Array(784)])).toThrow(/LiteRT failed to (compile|run) the model: ERROR/);
  });
});

describeModels('LiteRT.js: converted shared float models', () => {
  const cases: [string, ConvertOptions?, Record<number, number[]>?][] = [
    ['savedmodel/serving/saved_model_half_plus_two_cpu/00000123', { inputShapes: { x: [4, 1] } }],
    ['savedmodel/serving/saved_model_half_plus_two_tf2_cpu/00000123'],
    ['savedmodel/serving/saved_model_half_plus_three/00000123', { inputShapes: { x: [4, 1] } }],
    ['savedmodel/serving/saved_model_half_plus_two_mkl/00000123', { inputShapes: { x: [3, 1] } }],
    ['savedmodel/serving/matrix_half_plus_two/1', { inputShapes: { x: [2, 3, 3] } }],
    ['graphdef/tf2onnx/regression/saved_model', { inputShapes: { X: [3] } }],
    ['graphdef/tf2onnx/regression/graphdef/frozen.pb', { inputShapes: { X: [1] } }],
    ['graphdef/tf2onnx/fc-layers/frozen.pb', { inputShapes: { X: [2, 784] } }],
    ['graphdef/tf2onnx/ae0/frozen.pb', { inputShapes: { X: [1, 784] } }],
    ['tfjs/graph_model/model.json'],
    ['litert/tflite/converter/tests/end2end/fake_quant_per_channel.pbtxt'],
    // their dropout RandomUniform has seed = seed2 = 0 (fresh random numbers each run): keep_prob = 1
    ['graphdef/tf2onnx/lstm/frozen.pb', { inputShapes: { X: [1, 784], keep_prob: [] } }, { 1: [1] }],
    ['graphdef/tf2onnx/gru/frozen.pb', { inputShapes: { X: [1, 784], keep_prob: [] } }, { 1: [1] }],
  ];
  for (const [path, options, fixed] of cases) it(path, async () => expect(await onLiteRt(modelPath(path), options, fixed)).toBeGreaterThan(0));
});
