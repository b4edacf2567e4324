// File sizes of quantized real models against their float originals.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { readTflite } from '@liteml/schema';
import { quantize } from '../src';

const read = (rel: string) => new Uint8Array(readFileSync(modelPath(rel)));

describeModels('quantized file sizes', () => {
  const cases = [
    { model: 'aiquant/models/conv_fc_mnist.tflite', int8: 0.3, dynamic: 0.3, float16: 0.55 },
    // int8: the int8 weights + int32 biases are 478,804 bytes and TFLite wants a float32 scale and
    // an int64 zero point per channel for every weight AND bias (7,506 entries, 90,072 bytes if
    // each is stored); @liteml/schema's writer stores identical vectors once (the all-zero
    // zero-point vectors above all), which brings the file under 0.3x.
    { model: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', int8: 0.3, dynamic: 0.3, float16: 0.55 },
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

  it('mobilenet int8 stores only what TFLite needs: no float constants, min/max, unused or duplicate buffers', () => {
    const f = read('support/mobilenet_v1_0.25_224_1_default_1.tflite');
    const bytes = quantize(f, { mode: 'int8', calibration: 'random' }).tflite;
    const m = readTflite(bytes);
    const floatInput = readTflite(f).subgraphs[0]!.tensors.find((t) => t.name === 'input')!;
    const used = new Set(m.subgraphs.flatMap((g) => g.tensors.map((t) => t.buffer)));
    const contents = new Set<string>();
    let bufferBytes = 0, paramBytes = 0;
    for (const [i, b] of m.buffers.entries()) {
      if (b.data.length === 0) continue;
      expect(used.has(i), `buffer ${i} is referenced`).toBe(true);
      const key = Buffer.from(b.data).toString('base64');
      expect(contents.has(key), `buffer ${i} is a duplicate`).toBe(false);
      contents.add(key);
      bufferBytes += b.data.length;
    }
    for (const t of m.subgraphs[0]!.tensors) {
      const name = String(t.name);
      if (m.buffers[t.buffer]!.data.length > 0) expect(t.type, `${name} is an integer constant`).not.toBe(0); // FLOAT32
      const q = t.quantization;
      if (!q) continue;
      // min/max only where the float file had them (its input); TFLite's converter writes none.
      if (t.name !== 'input') expect(q.min.length + q.max.length, name).toBe(0);
      else expect(q.min).toEqual(floatInput.quantization!.min);
      expect(q.zeroPoint.length, name).toBe(q.scale.length);
      paramBytes += 4 * q.scale.length + 8 * q.zeroPoint.length;
    }
    expect(paramBytes).toBe(90_072);
    // Tables, names, opcodes and alignment: ~18 KB (the float file's own tables take ~12.5 KB).
    expect(bytes.length - bufferBytes - paramBytes).toBeLessThan(20_000);
  });

  it('mobilenet int8: weight and bias bytes are ≤ 0.26x of the float ones', () => {
    const f = read('support/mobilenet_v1_0.25_224_1_default_1.tflite');
    const q = quantize(f, { mode: 'int8', calibration: 'random' }).model;
    const { model: fm } = quantize(f, { mode: 'float16' });
    const constBytes = (m: typeof q) => m.graphs[0]!.nodes.flatMap((n) => n.inputs).filter((v, i, a) => v?.data && a.indexOf(v) === i)
      .reduce((s, v) => s + v!.data!.byteLength, 0);
    expect(constBytes(q) / (2 * constBytes(fm))).toBeLessThanOrEqual(0.26);
  });
});
