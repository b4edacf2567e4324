// importTfjsModel on the shared tfjs graph models.
import { readFileSync } from 'node:fs';
import { verify } from '@liteml/graph-ir';
import { expect, it } from 'vitest';
import { ConversionError, importTfjsModel, loadTfModelFromPath } from '../src/index';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { constantByName, values } from './frontend-helpers';

const tfjsModels = manifestEntries().filter((e) => e.format === 'tfjs-graph-model');

describeModels('importTfjsModel', () => {
  it('finds the tfjs graph models', () => expect(tfjsModels.length).toBeGreaterThanOrEqual(2));
  for (const e of tfjsModels) {
    it(`${e.path}: Placeholder x w; w's columns sum to upstream's output for [[1,1],[1,1]]`, () => {
      const json = readFileSync(modelPath(e.path), 'utf8');
      const shard = new Uint8Array(readFileSync(modelPath(e.path.replace(/[^/]+$/, 'weights.bin'))));
      const m = importTfjsModel(json, [shard]);
      verify(m);
      const g = m.graphs[0]!;
      expect(g.inputs.map((v) => v.name)).toEqual(['Placeholder']);
      expect(g.outputs.map((v) => v.name)).toEqual(['MatMul']);
      expect(g.nodes.map((n) => n.op)).toEqual(['tf.MatMul']);
      const w = constantByName(m, 'w')!;
      expect(w.shape).toEqual([2, 2]);
      const [a, b, c, d] = values(w);
      // [1,1] · w = [w00 + w10, w01 + w11] = [0.7567615509033203, -0.18349379301071167] (manifest facts)
      expect(a! + c!).toBeCloseTo(0.7567615509033203, 6);
      expect(b! + d!).toBeCloseTo(-0.18349379301071167, 6);
      expect(g.outputs[0]!.dtype).toBe('f32');
      expect(g.outputs[0]!.shape?.length).toBe(2);
    });
  }
  it('model_new.json: the signature names the inputs/outputs and the Model signature', () => {
    const json = readFileSync(modelPath('tfjs/graph_model/model_new.json'), 'utf8');
    const m = importTfjsModel(json, { 'weights.bin': new Uint8Array(readFileSync(modelPath('tfjs/graph_model/weights.bin'))) });
    expect(m.signatures[0]!.inputs.map((i) => i.name)).toEqual(['Placeholder:0']);
    expect(m.graphs[0]!.inputs[0]!.shape).toEqual([2, 2]);
  });
  it('loads from a path, and a missing shard is a ConversionError', async () => {
    const m = await loadTfModelFromPath(modelPath('tfjs/graph_model/model.json'));
    verify(m);
    expect(() => importTfjsModel(readFileSync(modelPath('tfjs/graph_model/model.json'), 'utf8'), [])).toThrow(ConversionError);
  });
  it('a tfjs layers model is refused with a ConversionError', async () => {
    await expect(loadTfModelFromPath(modelPath('tfjs/layers_model/model.json'))).rejects.toThrow(/layers model/);
  });
});

it('keeps tfjs fused ops as tf.* nodes and makes manifest weights (also quantized ones) constants', () => {
  const w = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]); // [2,2,1,2]
  const bias = new Uint8Array([0, 255]); // uint8-quantized [2]: q * 0.01 - 1
  const shard = new Uint8Array(w.byteLength + bias.byteLength);
  shard.set(new Uint8Array(w.buffer), 0);
  shard.set(bias, w.byteLength);
  const modelJson = {
    format: 'graph-model',
    modelTopology: {
      node: [
        { name: 'x', op: 'Placeholder', attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: { dim: [{ size: '1' }, { size: '4' }, { size: '4' }, { size: '1' }] } } } },
        { name: 'w', op: 'Const', attr: { dtype: { type: 'DT_FLOAT' }, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '2' }, { size: '2' }, { size: '1' }, { size: '2' }] } } } } },
        { name: 'b', op: 'Const', attr: { dtype: { type: 'DT_FLOAT' }, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '2' }] } } } } },
        {
          name: 'conv', op: '_FusedConv2D', input: ['x', 'w', 'b'],
          attr: {
            T: { type: 'DT_FLOAT' }, strides: { list: { i: ['1', '1', '1', '1'] } }, padding: { s: btoa('SAME') },
            data_format: { s: btoa('NHWC') }, dilations: { list: { i: ['1', '1', '1', '1'] } },
            fused_ops: { list: { s: [btoa('BiasAdd'), btoa('Relu')] } }, num_args: { i: '1' }, epsilon: { f: 0 },
          },
        },
      ],
    },
    weightsManifest: [{
      paths: ['group1-shard1of1.bin'],
      weights: [
        { name: 'w', shape: [2, 2, 1, 2], dtype: 'float32' },
        { name: 'b', shape: [2], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.01, min: -1 } },
      ],
    }],
  };
  const m = importTfjsModel(modelJson, [shard]);
  verify(m);
  const g = m.graphs[0]!;
  const conv = g.nodes[0]!;
  expect(conv.op).toBe('tf._FusedConv2D');
  expect(conv.attrs['fused_ops']).toEqual(['BiasAdd', 'Relu']);
  expect(conv.attrs['padding']).toBe('SAME');
  expect(conv.attrs['strides']).toEqual([1, 1, 1, 1]);
  expect(g.outputs[0]!.shape).toEqual([1, 4, 4, 2]);
  expect(values(constantByName(m, 'w')!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  const [b0, b1] = values(constantByName(m, 'b')!);
  expect(b0).toBeCloseTo(-1, 6);
  expect(b1).toBeCloseTo(1.55, 6);
});
