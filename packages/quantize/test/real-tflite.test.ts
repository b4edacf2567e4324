// Quantized models load and run in REAL TFLite (tfjs-tflite's WASM interpreter), and our runtime
// computes what it computes.
//
// Real TFLite runs int8 CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED through its XNNPACK delegate,
// which requantizes with float32 arithmetic where TFLite's own kernels (and our runtime's default
// 'tflite' arithmetic, used here node by node) use fixed-point multipliers: the two round a few
// ties differently (≤ 1 LSB). Comparing node by node on real TFLite's own inputs shows each node's
// difference alone. int16x8 kernels are not delegated; they match bit for bit except for rare
// 1-LSB ties. The runtime's requantization mode 'xnnpack' removes the differences end to end:
// see real-tflite-end-to-end.test.ts.
import { readFileSync } from 'node:fs';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { quantize } from '../src';
import { compareNodeByNode } from './helpers/compare';
import { asFeeds, imageNetSamples, mnistSamples } from './helpers/data';
import { loadRealTflite } from './helpers/tflite';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));

function quantizeInput(bytes: Uint8Array, x: Float32Array): Int8Array {
  const q = Interpreter.createSync(bytes).inputs[0]!.quant!;
  return Int8Array.from(x, (v) => Math.max(-128, Math.min(127, Math.round(v / q.scale[0]!) + q.zeroPoint[0]!)));
}

describeModels('quantized models in real TFLite', () => {
  const mnist = mnistSamples();
  const images = imageNetSamples().slice(0, 3);
  const models = [
    { name: 'aiquant/models/conv_fc_mnist.tflite', samples: mnist, probe: mnist[7]! },
    { name: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', samples: images, probe: images[1]! },
  ];

  for (const m of models) {
    describe(m.name, () => {
      it('int8 (int8 inputs/outputs): every node within 1 LSB of real TFLite, most bit-exact', async () => {
        const { tflite } = quantize(read(m.name), { mode: 'int8', calibration: asFeeds(m.samples), ioType: 'int8' });
        const { nodes, outputs } = await compareNodeByNode(tflite, [quantizeInput(tflite, m.probe.data)]);
        expect(nodes.length).toBeGreaterThan(4);
        let mismatches = 0, size = 0;
        for (const n of nodes) {
          expect(n.dtype, n.name).toBe('i8');
          expect(n.maxDiff, `${n.op} ${n.name}`).toBeLessThanOrEqual(1);
          mismatches += n.mismatches;
          size += n.size;
        }
        expect(mismatches / size).toBeLessThan(0.01);
        expect(outputs[0]!.dtype).toBe('i8');
      });

      it('int16x8: node by node within 1 LSB of real TFLite, ≥ 99.9 % bit-exact; outputs agree', async () => {
        const { tflite } = quantize(read(m.name), { mode: 'int16x8', calibration: asFeeds(m.samples) });
        const { nodes, outputs } = await compareNodeByNode(tflite, [m.probe.data]);
        const int16 = nodes.filter((n) => n.dtype === 'i16');
        expect(int16.length).toBeGreaterThan(3);
        let mismatches = 0, size = 0;
        for (const n of int16) {
          expect(n.maxDiff, `${n.op} ${n.name}`).toBeLessThanOrEqual(1);
          mismatches += n.mismatches;
          size += n.size;
        }
        expect(mismatches / size).toBeLessThan(1e-3);
        for (const n of nodes.filter((d) => d.dtype === 'f32')) expect(n.maxDiff, `${n.op} ${n.name}`).toBeLessThan(1e-5);
        expect(outputs[0]!.maxDiff).toBeLessThan(2e-3);
      });

      it('dynamic (hybrid kernels) and float16: every node agrees with real TFLite to float precision', async () => {
        for (const mode of ['dynamic', 'float16'] as const) {
          const { tflite, model } = quantize(read(m.name), { mode });
          if (mode === 'dynamic') expect(model.graphs[0]!.nodes.some((n) => n.inputs[1]?.dtype === 'i8'), 'has hybrid nodes').toBe(true);
          const { nodes, outputs } = await compareNodeByNode(tflite, [m.probe.data]);
          for (const n of nodes) expect(n.maxDiff, `${mode} ${n.op} ${n.name}`).toBeLessThan(1e-4);
          expect(outputs[0]!.maxDiff, mode).toBeLessThan(mode === 'dynamic' ? 1e-2 : 1e-4);
        }
      });
    });
  }

  it('uint8 and float inputs/outputs load in real TFLite with the dtypes asked for', async () => {
    const f = read('aiquant/models/conv_fc_mnist.tflite');
    for (const [ioType, dtype] of [['uint8', 'uint8'], ['float32', 'float32'], ['int8', 'int8']] as const) {
      const real = await loadRealTflite(quantize(f, { mode: 'int8', calibration: asFeeds(mnist), ioType }).tflite);
      expect(real.inputs[0]!.dtype, ioType).toBe(dtype);
      expect(real.outputs[0]!.dtype, ioType).toBe(dtype);
    }
  });
});
