// File sizes of quantized real models against their float originals.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { quantize } from '../src';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));

describeModels('quantized file sizes', () => {
  const cases = [
    { model: 'aiquant/models/conv_fc_mnist.tflite', int8: 0.3, dynamic: 0.3, float16: 0.55 },
    // 7.5k per-channel scales + int64 zero points (weights and biases, as TFLite writes them) are
    // 90 KB of this 1.9 MB model; the weight bytes alone are 0.254x.
    { model: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', int8: 0.315, dynamic: 0.3, float16: 0.55 },
  ];
  for (const c of cases) {
    it(`${c.model}: dynamic ≤ ${c.dynamic}x, float16 ≤ ${c.float16}x, int8 ≤ ${c.int8}x`, () => {
      const f = read(c.model);
      const ratio = (mode: 'dynamic' | 'float16' | 'int8') =>
        quantize(f, { mode, calibration: mode === 'int8' ? 'random' : undefined }).tflite.length / f.length;
      expect(ratio('dynamic')).toBeLessThanOrEqual(c.dynamic);
      expect(ratio('float16')).toBeLessThanOrEqual(c.float16);
      expect(ratio('float16')).toBeGreaterThan(0.45); // really float16, not something smaller
      expect(ratio('int8')).toBeLessThanOrEqual(c.int8);
    });
  }

  it('mobilenet int8: weight and bias bytes are ≤ 0.26x of the float ones', () => {
    const f = read('support/mobilenet_v1_0.25_224_1_default_1.tflite');
    const q = quantize(f, { mode: 'int8', calibration: 'random' }).model;
    const { model: fm } = quantize(f, { mode: 'float16' });
    const constBytes = (m: typeof q) => m.graphs[0]!.nodes.flatMap((n) => n.inputs).filter((v, i, a) => v?.data && a.indexOf(v) === i)
      .reduce((s, v) => s + v!.data!.byteLength, 0);
    expect(constBytes(q) / (2 * constBytes(fm))).toBeLessThanOrEqual(0.26);
  });
});
