// `liteml run` and `liteml benchmark --profile` on every shared .tflite model that has a golden
// (the ones real TFLite runs): each either works or fails with one clear model error, never an
// internal error; the runtime's unsupported list is small and named.
import { existsSync, readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { liteml } from './helpers';

describeModels('liteml run / benchmark --profile on every shared model with a golden', () => {
  const entries = manifestEntries().filter((e) => e.format === 'tflite' && e.expect !== 'error' && (e.golden?.length ?? 0) > 0);

  it('covers the shared models', () => {
    expect(entries.length).toBeGreaterThan(300);
  });

  it('runs and profiles each one (or names what is unsupported)', async () => {
    const unsupported: string[] = [];
    for (const e of entries) {
      const path = modelPath(e.path);
      // The golden's inputs (some goldens restrict the random range, e.g. valid gather indices).
      const golden = modelPath(e.golden![0]!);
      const inputs: string[] = [];
      for (let i = 0; existsSync(join(golden, `input_${i}.npy`)); i++) inputs.push('--input', join(golden, `input_${i}.npy`));
      const b = await liteml('benchmark', path, '--warmup', '0', '--runs', '1', '--profile', '--json', ...inputs);
      if (b.code === 3 && /UNSUPPORTED_OPS/.test(b.err)) {
        unsupported.push(e.path);
        continue;
      }
      expect(b.err, e.path).toBe('');
      expect(b.code, e.path).toBe(0);
      const j = JSON.parse(b.out);
      const mainNodes = importTflite(new Uint8Array(readFileSync(path))).main.nodes.length;
      expect(j.profile.nodes.length, e.path).toBe(mainNodes);
      const r = await liteml('run', path, '--json', ...inputs);
      expect(r.code, `${e.path}: ${r.err}`).toBe(0);
    }
    // Only blockwise-int4 weights (LiteRT-only) are outside the runtime today.
    expect(unsupported.length, unsupported.join('\n')).toBeLessThanOrEqual(2);
  });
});
