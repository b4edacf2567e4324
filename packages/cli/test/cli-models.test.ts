import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readNpy } from '@liteml/schema';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { liteml } from './helpers';

describeModels('liteml on shared models', () => {
  it('inspect --json reports inputs, outputs and the op histogram of a .tflite', async () => {
    const r = await liteml('inspect', modelPath('tflm/hello_world_float.tflite'), '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.format).toBe('tflite');
    expect(JSON.stringify(j)).toContain('FULLY_CONNECTED');
  });

  it('run with a golden input reproduces the golden output (hello_world_int8, bit-exact)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteml-run-'));
    const golden = modelPath('tflm/hello_world_int8.golden');
    const r = await liteml('run', modelPath('tflm/hello_world_int8.tflite'), '--input', join(golden, 'input_0.npy'), '--output-dir', dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const ours = readNpy(readFileSync(join(dir, 'output_0.npy')));
    const want = readNpy(readFileSync(join(golden, 'output_0.npy')));
    expect(ours.shape).toEqual(want.shape);
    expect(Array.from(ours.data as Int8Array)).toEqual(Array.from(want.data as Int8Array));
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8')).outputs[0].dtype).toBe('i8');
  });

  it('run without inputs uses the goldens\' seeded random inputs (seed 1234)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteml-run-'));
    const r = await liteml('run', modelPath('tflm/hello_world_float.tflite'), '--output-dir', dir, '--json');
    expect(r.code).toBe(0);
    const ours = readNpy(readFileSync(join(dir, 'output_0.npy'))).data as Float32Array;
    const want = readNpy(readFileSync(modelPath('tflm/hello_world_float.golden/output_0.npy'))).data as Float32Array;
    expect(Math.abs(ours[0]! - want[0]!)).toBeLessThan(1e-4);
  });

  it('run rejects an input of the wrong dtype with exit 3', async () => {
    const r = await liteml('run', modelPath('tflm/hello_world_int8.tflite'), '--input', modelPath('tflm/hello_world_float.golden/input_0.npy'));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/takes i8/);
  });

  it('benchmark --profile --json reports latency stats and per-node timings', async () => {
    const r = await liteml('benchmark', modelPath('tflm/hello_world_float.tflite'), '--runs', '3', '--profile', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.latencyMs.min).toBeLessThanOrEqual(j.latencyMs.median);
    expect(j.latencyMs.median).toBeLessThanOrEqual(j.latencyMs.max);
    expect(j.profile.nodes.length).toBe(3);
    // The default backend is wasm, which has a FULLY_CONNECTED kernel for each of the 3 nodes.
    expect(j.backend).toBe('wasm');
    expect(j.profile.nodes.map((n: { backend: string }) => n.backend)).toEqual(['wasm', 'wasm', 'wasm']);
    const ref = JSON.parse((await liteml('benchmark', modelPath('tflm/hello_world_float.tflite'), '--runs', '1', '--profile', '--json', '--backend', 'reference')).out);
    expect(ref.profile.nodes.map((n: { backend: string }) => n.backend)).toEqual(['reference', 'reference', 'reference']);
  });

  it('benchmark --profile prints benchmark_model-style tables', async () => {
    const r = await liteml('benchmark', modelPath('tflm/hello_world_float.tflite'), '--runs', '2', '--profile');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Summary by operator type');
    expect(r.out).toContain('FULLY_CONNECTED');
  });

  it('visualize writes one self-contained HTML page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liteml-vis-'));
    const out = join(dir, 'm.html');
    const r = await liteml('visualize', modelPath('tflm/hello_world_float.tflite'), '-o', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>') || html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('ops --json lists every builtin op used by the shared .tflite models', async () => {
    const r = await liteml('ops', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const names = new Set(j.tfl.map((o: { name: string }) => o.name));
    const used = new Set<string>();
    for (const e of manifestEntries()) {
      if (e.format !== 'tflite') continue;
      for (const op of Object.keys(e.ops ?? {})) if (!op.startsWith('CUSTOM:')) used.add(`tfl.${op}`);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((op) => !names.has(op))).toEqual([]);
    const fc = j.tfl.find((o: { name: string }) => o.name === 'tfl.FULLY_CONNECTED');
    expect(fc.backends).toContain('reference');
  });
});
