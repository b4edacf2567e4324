import { readFileSync } from 'node:fs';
import { compareModels, type TensorComparison } from '@liteml/converter';
import { loadModel } from '../load';
import { CliError, EXIT } from '../errors';
import { buildFeeds, modelInputs, parseInputSpecs } from '../tensors';
import { flag, int, str, strs, usageError, type Command } from './types';

const USAGE = 'compare <original> <converted.tflite> [--input …] [--seed N] [--per-layer] [--atol X] [--rtol X] [--json]';

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) usageError(`--${name} takes a number ≥ 0, got '${v}'`);
  return n;
}

function row(t: TensorComparison & { op?: string }): string {
  const e = (x: number) => x.toExponential(2).padStart(9);
  return `  ${t.pass ? 'ok  ' : 'FAIL'}  max abs ${e(t.maxAbsError)}  max rel ${e(t.maxRelError)}  cosine ${t.cosine.toFixed(6)}  ${t.op ? `${t.op.padEnd(18)} ` : ''}${t.name} [${t.shape.join(',')}]`;
}

export const compare: Command = {
  name: 'compare',
  usage: USAGE,
  summary: 'same inputs through the original TF model and the .tflite; per-output (and per-layer) errors; exit 1 outside tolerance',
  options: {
    input: { type: 'string', multiple: true },
    seed: { type: 'string' },
    'per-layer': { type: 'boolean' },
    atol: { type: 'string' },
    rtol: { type: 'string' },
    signature: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    if (args.positionals.length !== 2) usageError(`expected <original> and <converted.tflite>\nUsage: liteml ${USAGE}`);
    const [origPath, tflitePath] = args.positionals as [string, string];
    const signature = str(args, 'signature');
    const original = await loadModel(origPath, signature === undefined ? {} : { signature });
    if (original.format === 'tflite') throw new CliError('BAD_INPUT', `${origPath}: the original must be a TensorFlow model (.pb, .pbtxt, SavedModel, tfjs)`);
    const converted = await loadModel(tflitePath);
    if (converted.format !== 'tflite') throw new CliError('BAD_INPUT', `${tflitePath}: the converted model must be a .tflite`);
    const seed = int(args, 'seed', 1234);
    const specs = parseInputSpecs(strs(args, 'input'));
    const options: Parameters<typeof compareModels>[2] = { seed, perLayer: flag(args, 'per-layer') };
    if (specs.length > 0) options.feeds = buildFeeds(modelInputs(original.model), specs, seed);
    const atol = num(str(args, 'atol'), 'atol');
    if (atol !== undefined) options.atol = atol;
    const rtol = num(str(args, 'rtol'), 'rtol');
    if (rtol !== undefined) options.rtol = rtol;
    const result = compareModels(original.model, new Uint8Array(readFileSync(tflitePath)), options);
    if (flag(args, 'json')) {
      const { feeds, ...rest } = result;
      // firstDivergence (with --per-layer) is part of `rest`: null when every tensor matches
      const json = { original: origPath, converted: tflitePath, seed, inputs: feeds.map((f) => ({ name: f.name, dtype: f.dtype, shape: f.shape })), ...rest, ...(result.layers ? { firstDivergence: result.firstDivergence ?? null } : {}) };
      io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      io.stdout.write(`${result.pass ? 'PASS' : 'FAIL'}: ${origPath} vs ${tflitePath} (inputs: ${specs.length ? 'from files' : `random, seed ${seed}`})\noutputs:\n`);
      for (const o of result.outputs) io.stdout.write(`${row(o)}\n`);
      if (result.layers) {
        io.stdout.write(`layers (${result.layers.length} tensors matched by name):\n`);
        for (const l of result.layers) io.stdout.write(`${row(l)}\n`);
      }
      const d = result.firstDivergence;
      if (d) io.stdout.write(`first divergence: ${d.op} ${d.name} (max abs ${d.maxAbsError.toExponential(2)})\n`);
    }
    return result.pass ? EXIT.ok : EXIT.checkFailed;
  },
};
