// `pnpm demo`: the main job on the bundled sample model, through the real `liteml` CLI.
// inspect → convert (TF GraphDef → .tflite) → compare (original vs converted, per layer) → run → benchmark → visualize.
import { mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../packages/cli/dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'demo-out');
mkdirSync(out, { recursive: true });
const rel = (p) => relative(process.cwd(), p) || '.';
const model = rel(join(root, 'examples/models/small_cnn.pb'));
const tflite = rel(join(out, 'small_cnn.tflite'));

const steps = [
  ['inspect', model],
  ['convert', model, '-o', tflite],
  ['compare', model, tflite, '--per-layer'],
  ['run', tflite, '--output-dir', rel(join(out, 'outputs'))],
  ['benchmark', tflite, '--runs', '5', '--profile'],
  ['visualize', tflite, '-o', rel(join(out, 'small_cnn.html'))],
];

for (const argv of steps) {
  process.stdout.write(`\n$ liteml ${argv.join(' ')}\n`);
  const code = await main(argv, { stdout: process.stdout, stderr: process.stderr });
  if (code !== 0) {
    process.stderr.write(`demo: 'liteml ${argv[0]}' exited with ${code}\n`);
    process.exit(code);
  }
}
process.stdout.write(`\nDone: open ${rel(join(out, 'small_cnn.html'))} in a browser to explore the converted model.\n`);
