// Test helper shared by the packages' tests: run a .tflite on real TensorFlow Lite (tfjs-tflite) or on
// LiteRT.js in a child process. The package running the test must have the runtime as an exact
// devDependency (@tensorflow/tfjs-tflite + tfjs-core + tfjs-backend-cpu, or @litertjs/core).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const HARNESS = join(HERE, 'tflite-harness.mjs');
const LITERT_HARNESS = join(HERE, 'litert-harness.mjs');

export interface RealOutput {
  name: string;
  dtype: string;
  shape: number[];
  data: number[];
}

export interface RealRun {
  inputs: { name: string; shape: number[] }[];
  outputs: RealOutput[];
}

/** Runs `tflite` on real TFLite (tfjs-tflite's interpreter) with `inputs` (model input order). */
export function runRealTflite(tflite: Uint8Array, inputs: ArrayLike<number | bigint>[]): RealRun {
  return runHarness(HARNESS, tflite, inputs);
}

/** Runs `tflite` on Google's LiteRT.js (@litertjs/core, CPU); float32/int32/uint8 tensors only. */
export function runLiteRt(tflite: Uint8Array, inputs: ArrayLike<number | bigint>[]): RealRun {
  return runHarness(LITERT_HARNESS, tflite, inputs);
}

function runHarness(harness: string, tflite: Uint8Array, inputs: ArrayLike<number | bigint>[]): RealRun {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-tflite-'));
  try {
    writeFileSync(join(dir, 'model.tflite'), tflite);
    const req = { model: join(dir, 'model.tflite'), inputs: inputs.map((a) => ({ data: Array.from(a, Number) })) };
    writeFileSync(join(dir, 'request.json'), JSON.stringify(req));
    const out = execFileSync(process.execPath, [harness, join(dir, 'request.json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    return JSON.parse(out) as RealRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
