import { readFileSync, writeFileSync } from 'node:fs';
import { renderHtml, type RenderOptions } from '@liteml/visualize';
import { loadModel } from '../load';
import { CliError } from '../errors';
import { onePositional, str, usageError, type Command } from './types';
import { formatBytes } from './inspect';

const USAGE = 'visualize <model> -o out.html [--profile bench.json] [--quant-report report.json] [--diff other]';

function readJson(path: string, flagName: string): object {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as object;
  } catch (err) {
    throw new CliError('BAD_INPUT', `--${flagName} ${path}: ${(err as Error).message}`);
  }
}

export const visualize: Command = {
  name: 'visualize',
  usage: USAGE,
  summary: 'one self-contained interactive HTML page of a model',
  options: {
    output: { type: 'string', short: 'o' },
    profile: { type: 'string' },
    'quant-report': { type: 'string' },
    diff: { type: 'string' },
    title: { type: 'string' },
  },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const out = str(args, 'output') ?? usageError(`-o out.html is required\nUsage: liteml ${USAGE}`);
    const loaded = await loadModel(path);
    const options: RenderOptions = { title: str(args, 'title') ?? path };
    const profile = str(args, 'profile');
    if (profile) {
      // Either the profile itself or a whole `liteml benchmark --profile --json` report.
      const json = readJson(profile, 'profile') as { profile?: unknown };
      options.profile = (json.profile ?? json) as RenderOptions['profile'];
    }
    const quant = str(args, 'quant-report');
    if (quant) options.quantReport = readJson(quant, 'quant-report') as RenderOptions['quantReport'];
    // `--diff other`: the page shows `other` with what changed relative to <model> highlighted.
    const diff = str(args, 'diff');
    let model = loaded.model;
    if (diff) {
      options.diff = { base: loaded.model, label: path };
      model = (await loadModel(diff)).model;
    }
    const html = renderHtml(model, options);
    writeFileSync(out, html);
    io.stdout.write(`wrote ${out} (${formatBytes(Buffer.byteLength(html))})\n`);
    return 0;
  },
};
