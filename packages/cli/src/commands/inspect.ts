import { formatSummary, summarizeModel } from '@liteml/visualize';
import { loadModel } from '../load';
import { flag, onePositional, str, type Command } from './types';

const USAGE = 'inspect <model> [--json]';

export const inspect: Command = {
  name: 'inspect',
  usage: USAGE,
  summary: 'inputs/outputs, op histogram, parameters and size of a .tflite, .pb, .pbtxt, SavedModel or tfjs model',
  options: { json: { type: 'boolean' }, signature: { type: 'string' } },
  async run(args, io) {
    const path = onePositional(args, 'model path', USAGE);
    const signature = str(args, 'signature');
    const loaded = await loadModel(path, signature === undefined ? {} : { signature });
    const summary = summarizeModel(loaded.model);
    if (flag(args, 'json')) {
      io.stdout.write(`${JSON.stringify({ path, format: loaded.format, sizeBytes: loaded.sizeBytes, ...summary }, null, 2)}\n`);
    } else {
      io.stdout.write(`${path}  (${loaded.format}, ${formatBytes(loaded.sizeBytes)})\n\n${formatSummary(summary)}\n`);
    }
    return 0;
  },
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}
