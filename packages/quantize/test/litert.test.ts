// Quantized models on Google's LiteRT.js (@litertjs/core 2.5.3: LiteRT compiled to WASM, CPU):
// they load, run, and agree with our runtime (in 'xnnpack' requantization mode, which is what
// LiteRT's CPU path computes). LiteRT.js only exchanges float32/int32/uint8 tensors, so these use
// float inputs/outputs (int8 with QUANTIZE/DEQUANTIZE at the boundaries, dynamic, float16).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { Interpreter } from '@liteml/runtime';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { runLiteRt } from '../../../testing/real-tflite';
import { quantize } from '../src';
import { npyFloat } from './helpers/data';

// (LiteRT.js rejects dynamic dims, so conv_fc_mnist and hello_world with their -1 batch cannot
// run there; real TFLite via tfjs-tflite covers them in real-tflite*.test.ts.)
const MODELS: { model: string; input?: string }[] = [
  { model: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', input: 'support/mobilenet_v1_0.25_224_1_default_1.golden_burger/input_0.npy' },
];

describeModels('quantized models on LiteRT.js', () => {
  for (const m of MODELS) {
    for (const mode of ['int8', 'dynamic', 'float16'] as const) {
      it(`${m.model} ${mode}`, async () => {
        const float = new Uint8Array(readFileSync(modelPath(m.model)));
        const probe = (shape: number[]) => {
          if (m.input) return npyFloat(m.input);
          const n = shape.reduce((a, b) => a * b, 1);
          return Float32Array.from({ length: n }, (_, i) => ((i * 37) % 101) / 101);
        };
        const calib = await Interpreter.create(float);
        const x = probe(calib.inputs[0]!.shape);
        const { tflite } = quantize(float, { mode, calibration: mode === 'int8' ? [[{ data: x, shape: calib.inputs[0]!.shape }]] : undefined, ioType: 'float32' });
        const ours = await Interpreter.create(tflite, { requantization: 'xnnpack' });
        const want = Object.values(ours.run([{ data: x, shape: ours.inputs[0]!.shape }]))[0]!.data as Float32Array;
        const real = runLiteRt(tflite, [x]);
        const got = real.outputs[0]!.data;
        expect(got.length).toBe(want.length);
        let maxDiff = 0, maxRef = 0;
        for (let i = 0; i < want.length; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(got[i]! - want[i]!));
          maxRef = Math.max(maxRef, Math.abs(want[i]!));
        }
        // int8: the output is dequantized int8, so equal grids mean equal values (one step allowed);
        // float16: float rounding; dynamic: hybrid kernels quantize activations per row at run time,
        // and LiteRT's XNNPACK does that with its own rounding, so 28 layers drift by ~2e-4.
        const outScale = ours.outputs[0]!.quant?.scale[0];
        const tol = mode === 'int8' ? (outScale ?? 1e-4 * Math.max(1, maxRef)) : (mode === 'dynamic' ? 1e-3 : 1e-4) * Math.max(1, maxRef);
        expect(maxDiff, `max |LiteRT - liteml| on ${m.model} ${mode}`).toBeLessThanOrEqual(tol);
      });
    }
  }
});
