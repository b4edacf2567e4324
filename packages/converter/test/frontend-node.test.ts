// detectFormat / loadTfModelFromPath on every TF model of the shared models and the repo's examples.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { verify } from '@liteml/graph-ir';
import { describe, expect, it } from 'vitest';
import { ConversionError, detectFormat, loadTfModelFromPath } from '../src/index';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';

const TF_FORMATS = new Set(['graphdef-pb', 'graphdef-pbtxt', 'savedmodel', 'tfjs-graph-model', 'tf-checkpoint-metagraph']);

describeModels('detectFormat / loadTfModelFromPath on the shared models', () => {
  const entries = manifestEntries().filter((e) => TF_FORMATS.has(e.format));
  for (const e of entries) {
    it(`${e.path} is ${e.format}`, async () => {
      expect(await detectFormat(modelPath(e.path))).toBe(e.format);
      if (e.format === 'savedmodel') expect(await detectFormat(dirname(modelPath(e.path)))).toBe('savedmodel');
    });
  }
  it('refuses a .tflite and a tfjs layers model with a ConversionError', async () => {
    await expect(detectFormat(modelPath('tfjs/tfjs_tflite_add4.tflite'))).rejects.toBeInstanceOf(ConversionError);
    await expect(detectFormat(modelPath('tfjs/layers_model/model.json'))).rejects.toBeInstanceOf(ConversionError);
    await expect(detectFormat(modelPath('no/such/model.pb'))).rejects.toMatchObject({ code: 'MISSING_FILE' });
  });
  it('loads a frozen .pb, a .pbtxt and a SavedModel directory', async () => {
    verify(await loadTfModelFromPath(modelPath('graphdef/tf2onnx/fc-layers/frozen.pb')));
    verify(await loadTfModelFromPath(modelPath('litert/tflite/python/testdata/gather.pbtxt')));
    const sm = await loadTfModelFromPath(dirname(modelPath('savedmodel/serving/matrix_half_plus_two/1/saved_model.pb')));
    verify(sm);
    expect(sm.signatures[0]!.key).toBe('serving_default');
  });
});

const examples = join(__dirname, '../../../examples/models');
describe.runIf(existsSync(join(examples, 'small_cnn.pb')))('examples/models', () => {
  it('small_cnn.pb imports as a verified tf.* graph with a 4-D input', async () => {
    expect(await detectFormat(join(examples, 'small_cnn.pb'))).toBe('graphdef-pb');
    const m = await loadTfModelFromPath(join(examples, 'small_cnn.pb'));
    verify(m);
    const g = m.graphs[0]!;
    expect(g.inputs.length).toBe(1);
    expect(g.inputs[0]!.shape?.length).toBe(4);
    expect(g.nodes.some((n) => n.op === 'tf.Conv2D')).toBe(true);
    expect(g.nodes.every((n) => n.op.startsWith('tf.'))).toBe(true);
  });
});
