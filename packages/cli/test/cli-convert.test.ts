import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { exportTflite, importTflite } from '@liteml/graph-ir';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy } from '@liteml/schema';
import { liteml } from './helpers';

const samples = resolve(__dirname, '../../../examples/models');

describe('liteml convert / compare / run on the bundled sample models', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-convert-'));
  const out = join(dir, 'small_cnn.tflite');

  it('converts the sample GraphDef into a fused .tflite', async () => {
    const r = await liteml('convert', join(samples, 'small_cnn.pb'), '-o', out, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    // BiasAdd + Relu fused into the conv, the rest legalized one to one.
    expect(j.opCounts).toEqual({
      CONV_2D: 1, MAX_POOL_2D: 1, DEPTHWISE_CONV_2D: 1, RESHAPE: 1, FULLY_CONNECTED: 1, SOFTMAX: 1,
    });
  });

  it('compare passes per output and per layer; the softmax output is a real distribution', async () => {
    const r = await liteml('compare', join(samples, 'small_cnn.pb'), out, '--per-layer', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.pass).toBe(true);
    expect(j.layers.length).toBe(6);
    const run = await liteml('run', out, '--output-dir', join(dir, 'o'));
    expect(run.code).toBe(0);
    const probs = readNpy(readFileSync(join(dir, 'o', 'output_0.npy'))).data as Float32Array;
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(Math.max(...probs) - Math.min(...probs)).toBeGreaterThan(0.01);
  });

  it('compare exits 1 and names the diverging layer when the .tflite is wrong', async () => {
    // Tamper with one weight of the depthwise conv in a copy of the converted model.
    const model = importTflite(new Uint8Array(readFileSync(out)));
    const dw = model.main.nodes.find((n) => n.op === 'tfl.DEPTHWISE_CONV_2D')!;
    const w = dw.inputs[1]!;
    const data = new Uint8Array(w.data!);
    new DataView(data.buffer).setFloat32(0, 5, true);
    w.data = data;
    const bad = join(dir, 'tampered.tflite');
    writeFileSync(bad, exportTflite(model));
    const r = await liteml('compare', join(samples, 'small_cnn.pb'), bad, '--per-layer', '--json');
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.pass).toBe(false);
    const firstBad = j.layers.find((l: { pass: boolean }) => !l.pass);
    expect(firstBad.name).toBe('dw1/Relu6');
    expect(j.firstDivergence).toMatchObject({ name: 'dw1/Relu6', op: 'DEPTHWISE_CONV_2D' });
    const text = await liteml('compare', join(samples, 'small_cnn.pb'), bad, '--per-layer');
    expect(text.out).toContain('first divergence: DEPTHWISE_CONV_2D dw1/Relu6');
  });

  it('run executes the original GraphDef on the reference backend', async () => {
    const r = await liteml('run', join(samples, 'small_cnn.pb'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).outputs[0].shape).toEqual([1, 10]);
  });

  it('rejects a bad --input-shape with exit 2', async () => {
    const r = await liteml('convert', join(samples, 'small_cnn.pb'), '-o', join(dir, 'x.tflite'), '--input-shape', 'input');
    expect(r.code).toBe(2);
  });
});
