// Runs a TypeScript benchmark: bundles it with esbuild (packages stay external) and imports it.
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const entry = resolve(process.argv[2] ?? 'bench/page-bench.ts');
const dir = mkdtempSync(join(resolve('.'), 'node_modules', '.bench-'));
const out = join(dir, 'bench.mjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: out, logLevel: 'warning' });
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
