import { Interpreter, type Tensor } from '@liteml/runtime';
import { loadModel } from '../load';
import { buildFeeds, modelInputs, parseInputSpecs, preview, writeOutputs } from '../tensors';
import { evaluateTf } from '@liteml/converter';
import type { Model } from '@liteml/graph-ir';
import type { Io } from '../main';
import { flag, int, onePositional, str, strs, type Command, type Parsed } from './types';
import { CliError } from '../errors';
import { BACKEND_FLAGS, gpuReport, gpuSummary, interpreterOptions, type GpuReport } from './backend-options';

const USAGE = 'run <model> [--input NAME=x.npy | x.npy]… [--output-dir DIR] [--backend wasm|webgpu|reference] [--threads N] [--precision f32|f16] [--seed N] [--json]';

export const run: Command = {
  name: 'run',
  usage: USAGE,
  summary: 'run a .tflite on the runtime (inputs from .npy or seeded random), write outputs as .npy',
  options: {
    input: { type: 'string', multiple: true },
    'output-dir': { type: 'string' },
    ...BACKEND_FLAGS,
    seed: { type: 'string' },
    signature: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const sig = str(args, 'signature');
    const loaded = await loadModel(path, sig === undefined ? {} : { signature: sig });
    if (loaded.format !== 'tflite') return runOriginal(args, io, path, loaded.model, loaded.format);
    const options = interpreterOptions(args);
    const interp = await Interpreter.create(loaded.bytes!, options);
    const runner = sig === undefined ? undefined : interp.getSignatureRunner(sig);
    const inputs = runner ? runner.inputs : interp.inputs;
    const feeds = buildFeeds(inputs, parseInputSpecs(strs(args, 'input')), int(args, 'seed', 1234));
    const t0 = performance.now();
    const result = runner
      ? runner.run(Object.fromEntries(feeds.map((f) => [f.name, f])))
      : await interp.runAsync(feeds);
    const ms = performance.now() - t0;
    const gpu = await gpuReport(interp, options);
    interp.dispose();
    return report(args, io, path, interp.backend, feeds, Object.values(result), ms, gpu);
  },
};

/** An original TF model: its graph as imported (legalized, not optimized) on the reference backend. */
async function runOriginal(args: Parsed, io: Io, path: string, model: Model, format: string): Promise<number> {
  const backend = str(args, 'backend');
  if (backend !== undefined && backend !== 'reference') {
    throw new CliError('USAGE', `original ${format} models run on the reference backend only (got --backend ${backend}); convert to .tflite for other backends`);
  }
  const feeds = buildFeeds(modelInputs(model), parseInputSpecs(strs(args, 'input')), int(args, 'seed', 1234));
  const t0 = performance.now();
  const result = evaluateTf(model, feeds);
  return report(args, io, path, 'reference (original graph)', feeds, Object.values(result), performance.now() - t0);
}

function report(args: Parsed, io: Io, path: string, backend: string, feeds: Tensor[], outputs: Tensor[], ms: number, gpu?: GpuReport): number {
  const dir = str(args, 'output-dir');
  const files = dir ? writeOutputs(dir, outputs) : [];
  if (flag(args, 'json')) {
    const json = {
      model: path,
      backend,
      ...(gpu ? { webgpu: gpu } : {}),
      ms,
      inputs: feeds.map((f) => ({ name: f.name, dtype: f.dtype, shape: f.shape })),
      outputs: outputs.map((t, j) => ({ name: t.name, dtype: t.dtype, shape: t.shape, file: files[j], ...stats(t) })),
    };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`ran ${path} on ${backend} in ${ms.toFixed(2)} ms\n`);
  if (gpu) io.stdout.write(gpuSummary(gpu));
  for (const t of outputs) io.stdout.write(`  ${t.name}  ${t.dtype}[${t.shape.join(',')}]  ${preview(t)}\n`);
  if (dir) io.stdout.write(`wrote ${files.length} output(s) and outputs.json to ${dir}\n`);
  return 0;
}

function stats(t: Tensor): { min?: number; max?: number; mean?: number; argmax?: number } {
  if (Array.isArray(t.data) || t.data.length === 0) return {};
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let argmax = 0;
  const d = t.data as ArrayLike<number | bigint>;
  for (let i = 0; i < d.length; i++) {
    const v = Number(d[i]);
    if (v < min) min = v;
    if (v > max) {
      max = v;
      argmax = i;
    }
    sum += v;
  }
  return { min, max, mean: sum / d.length, argmax };
}
