// Test helper: run a .tflite on the real TensorFlow Lite runtime (see tflite-harness.mjs).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = join(dirname(fileURLToPath(import.meta.url)), 'tflite-harness.mjs');

export interface RealOutput {
  name: string;
  dtype: string;
  shape: number[];
  data: number[];
}

/** Runs `tflite` on real TFLite with `inputs` (model input order) and returns its outputs. */
export function runRealTflite(tflite: Uint8Array, inputs: ArrayLike<number | bigint>[]): { inputs: { name: string; shape: number[] }[]; outputs: RealOutput[] } {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-tflite-'));
  try {
    writeFileSync(join(dir, 'model.tflite'), tflite);
    const req = { model: join(dir, 'model.tflite'), inputs: inputs.map((a) => ({ data: Array.from(a, Number) })) };
    writeFileSync(join(dir, 'request.json'), JSON.stringify(req));
    const out = execFileSync(process.execPath, [HARNESS, join(dir, 'request.json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return JSON.parse(out) as { inputs: { name: string; shape: number[] }[]; outputs: RealOutput[] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
