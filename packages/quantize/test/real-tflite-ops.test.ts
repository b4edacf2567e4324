// Single-op and small real models, quantized in every integer mode, node by node against REAL
// TFLite (see real-tflite.test.ts for why ≤ 1 LSB): op coverage of the quantizer (fixed output
// scales, same-scale and shared-scale ops, int64 bias, hybrid kernels).
import { readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { quantize, randomSamples } from '../src';
import { compareNodeByNode } from './helpers/compare';

const MODELS = [
  'aiquant/models/branching_conv_fc.tflite', // SPLIT, CONCATENATION (shared scale), RESHAPE
  'tflm/hello_world_float.tflite',
  'aiquant/models/single_conv2d_transpose_bias.tflite',
  'aiquant/models/single_depthwise_conv2d_bias.tflite',
  'aiquant/models/single_fc_bias_logistic.tflite', // LOGISTIC fixed output scale
  'aiquant/models/single_tanh.tflite',
  'aiquant/models/single_hard_swish.tflite',
  'aiquant/models/single_mean.tflite',
  'aiquant/models/bmm.tflite',
  'aiquant/models/single_add.tflite',
  'aiquant/models/single_mul.tflite',
  'aiquant/models/single_padv2.tflite',
  'aiquant/models/single_strided_slice.tflite',
  'aiquant/models/single_max_pool_2d.tflite',
  'aiquant/models/single_gather.tflite',
];

describeModels('small models in real TFLite, node by node', () => {
  for (const name of MODELS) {
    it(name, async () => {
      const f = new Uint8Array(readFileSync(modelPath(name)));
      for (const mode of ['int8', 'int16x8', 'dynamic'] as const) {
        const r = quantize(f, { mode, calibration: 'random', ioType: mode === 'int8' ? 'int8' : undefined });
        const inputs = (randomSamples(importTflite(r.tflite), 1, 99)[0] as { data: ArrayLike<number> }[]).map((t) => t.data);
        const { nodes } = await compareNodeByNode(r.tflite, inputs);
        expect(nodes.length, `${mode}`).toBeGreaterThan(0);
        for (const n of nodes) {
          const where = `${mode} ${n.op} ${n.name}`;
          if (n.dtype === 'f32') expect(n.maxDiff, where).toBeLessThan(1e-4);
          else expect(n.maxDiff, where).toBeLessThanOrEqual(1);
        }
        if (mode === 'int8') expect(nodes.filter((n) => n.dtype === 'i8').length, 'int8 nodes').toBeGreaterThan(0);
      }
    });
  }
});
