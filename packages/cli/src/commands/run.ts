import { Interpreter, type Tensor } from '@liteml/runtime';
import { loadModel } from '../load';
import { buildFeeds, parseInputSpecs, preview, writeOutputs } from '../tensors';
import { flag, int, onePositional, str, strs, type Command } from './types';
import { CliError } from '../errors';

const USAGE = 'run <model> [--input NAME=x.npy | x.npy]… [--output-dir DIR] [--backend B] [--threads N] [--seed N] [--json]';

export const run: Command = {
  name: 'run',
  usage: USAGE,
  summary: 'run a .tflite on the runtime (inputs from .npy or seeded random), write outputs as .npy',
  options: {
    input: { type: 'string', multiple: true },
    'output-dir': { type: 'string' },
    backend: { type: 'string' },
    threads: { type: 'string' },
    seed: { type: 'string' },
    signature: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const loaded = await loadModel(path);
    if (loaded.format !== 'tflite') {
      throw new CliError('BAD_INPUT', `${path} is a ${loaded.format} model; 'liteml run' runs .tflite files (convert it first with 'liteml convert')`);
    }
    const interp = await Interpreter.create(loaded.bytes!, {
      backend: str(args, 'backend') ?? 'reference',
      numThreads: int(args, 'threads', 1, 1),
    });
    const sigKey = str(args, 'signature');
    const runner = sigKey === undefined ? undefined : interp.getSignatureRunner(sigKey);
    const inputs = runner ? runner.inputs : interp.inputs;
    const feeds = buildFeeds(inputs, parseInputSpecs(strs(args, 'input')), int(args, 'seed', 1234));
    const t0 = performance.now();
    const result = runner
      ? runner.run(Object.fromEntries(feeds.map((f) => [f.name, f])))
      : interp.run(feeds);
    const ms = performance.now() - t0;
    const outputs: Tensor[] = Object.values(result);
    const dir = str(args, 'output-dir');
    const files = dir ? writeOutputs(dir, outputs) : [];
    if (flag(args, 'json')) {
      const json = {
        model: path,
        backend: interp.backend,
        ms,
        inputs: feeds.map((f) => ({ name: f.name, dtype: f.dtype, shape: f.shape })),
        outputs: outputs.map((t, j) => ({ name: t.name, dtype: t.dtype, shape: t.shape, file: files[j], ...stats(t) })),
      };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(`ran ${path} on ${interp.backend} in ${ms.toFixed(2)} ms\n`);
    for (const t of outputs) io.stdout.write(`  ${t.name}  ${t.dtype}[${t.shape.join(',')}]  ${preview(t)}\n`);
    if (dir) io.stdout.write(`wrote ${files.length} output(s) and outputs.json to ${dir}\n`);
    return 0;
  },
};

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
