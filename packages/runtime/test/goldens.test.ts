// Every golden in shared/models/manifest.json, run on the reference backend and compared with
// real TFLite's outputs (tolerances: shared/models/README.md, "Tolerances to use").
// LITEML_GOLDEN_FILTER=<regex on model path> narrows the run; LITEML_GOLDEN_UPDATE=1 rewrites
// test/fixtures/golden-exclusions.ts from the failures of this run instead of asserting.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeModels, manifestEntries } from '../../../testing/shared-models';
import { GOLDEN_EXCLUSIONS, type GoldenExclusion } from './fixtures/golden-exclusions';
import { checkGolden } from './helpers/goldens';

const filter = process.env['LITEML_GOLDEN_FILTER'] ? new RegExp(process.env['LITEML_GOLDEN_FILTER']) : undefined;
const update = process.env['LITEML_GOLDEN_UPDATE'] === '1';

const cases = manifestEntries()
  .filter((e) => e.format === 'tflite' && (e.golden?.length ?? 0) > 0 && (!filter || filter.test(e.path)))
  .flatMap((e) => e.golden!.map((dir) => ({ model: e.path, dir })));

/** The code of a failure: RuntimeError codes, GOLDEN_MISMATCH for differing outputs. */
function failureCode(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg.startsWith('GOLDEN_MISMATCH')) return 'GOLDEN_MISMATCH';
  return (e as { code?: string }).code ?? (e instanceof Error ? e.name : 'ERROR');
}

/** What the exclusion fixture records about a failure. */
function summarize(e: unknown): GoldenExclusion {
  const msg = e instanceof Error ? e.message : String(e);
  const code = failureCode(e);
  if (code === 'UNSUPPORTED_OPS') {
    const ops = [...new Set(msg.split('\n').slice(1).map((l) => l.replace(/^\s*subgraph \d+ node \d+ '.*?' /, '').replace(/^(\S+): the \w+ backend has no kernel for \S+$/, '$1').trim()))];
    return { reason: `unsupported: ${ops.join('; ')}`, code };
  }
  if (code === 'GOLDEN_MISMATCH') return { reason: `mismatch: ${msg.slice(16)}`, code, error: msg.slice(16, msg.indexOf(' differs') > 0 ? msg.indexOf(' differs') + 8 : undefined) };
  return { reason: `${code}: ${msg.split('\n')[0]}`, code, error: msg.split('\n')[0]!.slice(0, 120) };
}

const failures: Record<string, GoldenExclusion> = {};

describeModels('goldens (reference backend vs real TFLite)', () => {
  it('has golden cases to run', () => {
    expect(filter || cases.length > 300).toBeTruthy();
  });
  for (const c of cases) {
    const excluded = GOLDEN_EXCLUSIONS[c.dir];
    it(`${c.dir}${excluded && !update ? ' (excluded: must still fail)' : ''}`, async () => {
      let error: unknown;
      try {
        await checkGolden(c.model, c.dir);
      } catch (e) {
        error = e;
      }
      if (update) {
        if (error) failures[c.dir] = summarize(error);
        return;
      }
      if (excluded) {
        expect(error, `${c.dir} now passes: remove it from test/fixtures/golden-exclusions.ts`).toBeDefined();
        expect(failureCode(error), `${c.dir} fails differently now: ${(error as Error).message}`).toBe(excluded.code);
        if (excluded.error) expect((error as Error).message).toContain(excluded.error);
      } else if (error) {
        throw error;
      }
    });
  }
  afterAll(() => {
    if (!update) return;
    const file = fileURLToPath(new URL('./fixtures/golden-exclusions.ts', import.meta.url));
    const src = readFileSync(file, 'utf8');
    // Keep exclusions of goldens this (possibly filtered) run did not touch.
    const ran = new Set(cases.map((c) => c.dir));
    const merged: Record<string, GoldenExclusion> = {};
    for (const [k, v] of Object.entries(GOLDEN_EXCLUSIONS)) if (!ran.has(k)) merged[k] = v;
    Object.assign(merged, failures);
    const body = Object.keys(merged).sort().map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(merged[k])},`).join('\n');
    const head = src.slice(0, src.indexOf('export const GOLDEN_EXCLUSIONS'));
    writeFileSync(file, `${head}export const GOLDEN_EXCLUSIONS: Record<string, GoldenExclusion> = {\n${body}\n};\n`);
  });
});
