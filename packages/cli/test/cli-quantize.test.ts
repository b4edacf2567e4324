import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTflite } from '@liteml/graph-ir';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { liteml } from './helpers';

const samples = resolve(__dirname, '../../../examples/models');

describe('liteml convert --quantize on the sample model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-q-'));

  it('dynamic-range quantization makes int8 weights and a ≥3× smaller file', async () => {
    const float = join(dir, 'f.tflite');
    const q = join(dir, 'q.tflite');
    expect((await liteml('convert', join(samples, 'small_cnn.pb'), '-o', float)).code).toBe(0);
    const r = await liteml('convert', join(samples, 'small_cnn.pb'), '-o', q, '--quantize', 'dynamic');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(statSync(q).size).toBeLessThan(statSync(float).size / 3);
    const fc = importTflite(new Uint8Array(readFileSync(q))).main.nodes.find((n) => n.op === 'tfl.FULLY_CONNECTED')!;
    expect(fc.inputs[1]!.dtype).toBe('i8');
  });

  it('int8 without calibration data is refused (exit 3), random only when asked for', async () => {
    const r = await liteml('convert', join(samples, 'small_cnn.pb'), '-o', join(dir, 'i8.tflite'), '--quantize', 'int8');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/NO_CALIBRATION_DATA/);
    const ok = await liteml('convert', join(samples, 'small_cnn.pb'), '-o', join(dir, 'i8.tflite'), '--quantize', 'int8', '--calibration', 'random');
    expect(ok.code).toBe(0);
  });

  it('rejects an unknown mode with exit 2', async () => {
    expect((await liteml('convert', join(samples, 'small_cnn.pb'), '-o', join(dir, 'x.tflite'), '--quantize', 'int3')).code).toBe(2);
  });
});

describeModels('liteml quantize on a shared float model', () => {
  it('int8 with a calibration folder keeps top-1 and writes a per-layer report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteml-q8-'));
    const cal = join(dir, 'cal');
    mkdirSync(cal);
    for (const g of ['mobilenet_v1_0.25_224_1_default_1.golden', 'mobilenet_v1_0.25_224_1_default_1.golden_burger']) {
      cpSync(modelPath(`support/${g}`), join(cal, g), { recursive: true });
    }
    const out = join(dir, 'mn_int8.tflite');
    const report = join(dir, 'report.json');
    const r = await liteml('quantize', modelPath('support/mobilenet_v1_0.25_224_1_default_1.tflite'), '-o', out, '--mode', 'int8', '--calibration', cal, '--report-json', report);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(report, 'utf8'));
    expect(j.layers.length).toBeGreaterThan(20);
    expect(j.outputs[0].cosine).toBeGreaterThan(0.98);
    expect(j.outputs[0].top1Agreement).toBe(1);
    // the report feeds visualize's overlay
    const v = await liteml('visualize', out, '-o', join(dir, 'q.html'), '--quant-report', report);
    expect(v.code).toBe(0);
  });
});
