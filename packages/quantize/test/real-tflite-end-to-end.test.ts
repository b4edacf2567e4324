// End to end, bit for bit: the quantized model run whole in our Interpreter with requantization
// 'xnnpack' gives exactly the integers real TFLite (tfjs-tflite, XNNPACK delegate always on) gives,
// for int8 (int8 I/O) and int16x8 models, on the same inputs. Integer outputs are compared (for
// int16x8's float outputs, the int16 tensor before the final DEQUANTIZE); on a difference the
// message names the first diverging node.
import { readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { quantize, randomSamples } from '../src';
import { asFeeds, imageNetSamples, mnistSamples } from './helpers/data';
import { compareEndToEnd } from './helpers/end-to-end';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));

function quantizeInput(bytes: Uint8Array, x: Float32Array): Int8Array {
  const q = Interpreter.createSync(bytes).inputs[0]!.quant!;
  return Int8Array.from(x, (v) => Math.max(-128, Math.min(127, Math.round(v / q.scale[0]!) + q.zeroPoint[0]!)));
}

async function expectBitExact(tflite: Uint8Array, inputs: ArrayLike<number>[], label: string): Promise<void> {
  const { outputs, firstDiverging } = await compareEndToEnd(tflite, inputs);
  expect(outputs.length, label).toBeGreaterThan(0);
  for (const o of outputs) {
    expect(['i8', 'i16'], `${label} ${o.name} is an integer output`).toContain(o.dtype);
    expect(o.size, label).toBeGreaterThan(0);
    const where = firstDiverging ? ` (first diverging node: ${firstDiverging.op} ${firstDiverging.name}, ${firstDiverging.mismatches} values, max ${firstDiverging.maxDiff} LSB)` : '';
    expect(o.mismatches, `${label} ${o.name}${where}`).toBe(0);
  }
}

describeModels('quantized models end to end: bit-exact with real TFLite', () => {
  const mnist = mnistSamples();
  const images = imageNetSamples().slice(0, 3);
  const models = [
    { name: 'aiquant/models/conv_fc_mnist.tflite', samples: mnist, probes: [mnist[7]!, mnist[0]!] },
    { name: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', samples: images, probes: [images[1]!] },
  ];
  for (const m of models) {
    describe(m.name, () => {
      it('int8 (int8 inputs/outputs): identical integer outputs', async () => {
        const { tflite } = quantize(read(m.name), { mode: 'int8', calibration: asFeeds(m.samples), ioType: 'int8' });
        for (const [k, p] of m.probes.entries()) await expectBitExact(tflite, [quantizeInput(tflite, p.data)], `int8 probe ${k}`);
      });
      it('int16x8: identical int16 outputs', async () => {
        const { tflite } = quantize(read(m.name), { mode: 'int16x8', calibration: asFeeds(m.samples) });
        for (const [k, p] of m.probes.entries()) await expectBitExact(tflite, [p.data], `int16x8 probe ${k}`);
      });
    });
  }

  // Single ops that XNNPACK runs with its own arithmetic (conv-likes, ADD, MUL, QUANTIZE i8 → i8
  // after CONCATENATION) or that TFLite's kernels of this build compute in float (MEAN), plus
  // same-scale ops. HARD_SWISH is here for int8 only: int16x8 leaves it float (no int16 kernel).
  const SMALL: [string, ('int8' | 'int16x8')[]][] = [
    ['aiquant/models/branching_conv_fc.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_conv2d_transpose_bias.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_depthwise_conv2d_bias.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_fc_bias_logistic.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_tanh.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_hard_swish.tflite', ['int8']],
    ['aiquant/models/single_mean.tflite', ['int8', 'int16x8']],
    ['aiquant/models/bmm.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_add.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_mul.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_padv2.tflite', ['int8', 'int16x8']],
    ['aiquant/models/single_max_pool_2d.tflite', ['int8', 'int16x8']],
  ];
  for (const [name, modes] of SMALL) {
    it(`${name}: ${modes.join(', ')} identical integer outputs`, async () => {
      const f = read(name);
      for (const mode of modes) {
        const r = quantize(f, { mode, calibration: 'random', ioType: mode === 'int8' ? 'int8' : undefined });
        for (const seed of [99, 7]) {
          const inputs = (randomSamples(importTflite(r.tflite), 1, seed)[0] as { data: ArrayLike<number> }[]).map((t) => t.data);
          await expectBitExact(r.tflite, inputs, `${mode} seed ${seed}`);
        }
      }
    });
  }
});
