// The shared .tflite models without a golden: real TFLite could not run them (unresolved custom
// ops, NPU dispatch ops, string/int64 I/O its JS bindings lack, models TFLite rejects in Prepare)
// or their golden was too large to store. For each one, test/fixtures/no-golden-models.ts records
// what real TFLite said (from the manifest) and what liteml does; this test checks that liteml
// still does exactly that: runs it on seeded random inputs, or fails with the recorded typed error.
// Nothing is skipped silently. LITEML_NOGOLDEN_UPDATE=1 rewrites the fixture from this run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { Interpreter, randomTensor } from '../src/index';
import { NO_GOLDEN_MODELS, type NoGoldenOutcome } from './fixtures/no-golden-models';

const update = process.env['LITEML_NOGOLDEN_UPDATE'] === '1';
/** Models whose outputs are hundreds of MB (the oracle's golden would be 536 / 691 MB): loaded and planned, not run. */
const PLAN_ONLY = new Set(['litert/tflite/testdata/conv_huge_im2col.bin', 'litert/tflite/testdata/conv3d_huge_im2col.bin']);

async function outcome(path: string): Promise<NoGoldenOutcome> {
  try {
    const interp = await Interpreter.create(readFileSync(modelPath(path)));
    if (PLAN_ONLY.has(path)) return { result: 'loads' };
    interp.run(interp.inputs.map((info, i) => randomTensor(info, 1234 + i)));
    return { result: 'runs' };
  } catch (e) {
    const err = e as Error & { code?: string };
    return { result: 'error', code: err.code ?? err.name, error: err.message.split('\n')[0]!.slice(0, 160) };
  }
}

describeModels('shared models without a golden', () => {
  const entries = manifestEntries().filter((e) => e.format === 'tflite' && e.expect !== 'error' && !(e.golden?.length));
  const seen: Record<string, NoGoldenOutcome & { tflite: string }> = {};

  it('lists every one of them', () => {
    expect(entries.length).toBeGreaterThan(50);
    if (!update) expect(Object.keys(NO_GOLDEN_MODELS).sort()).toEqual(entries.map((e) => e.path).sort());
  });

  for (const e of entries) {
    it(e.path, async () => {
      const got = await outcome(e.path);
      if (update) {
        seen[e.path] = { ...got, tflite: String(e['golden_skipped'] ?? '').split('\n')[0]!.slice(0, 160) };
        return;
      }
      const want = NO_GOLDEN_MODELS[e.path]!;
      expect(got.result, got.result === 'error' ? got.error : '').toBe(want.result);
      if (want.result === 'error' && got.result === 'error') {
        expect(got.code).toBe(want.code);
        expect(got.error).toBe(want.error);
      }
    });
  }

  afterAll(() => {
    if (!update) return;
    const file = fileURLToPath(new URL('./fixtures/no-golden-models.ts', import.meta.url));
    const head = readFileSync(file, 'utf8').split('// -- generated below --')[0];
    const rows = Object.keys(seen).sort().map((k) => `  ${JSON.stringify(k)}: ${JSON.stringify(seen[k])},`);
    writeFileSync(file, `${head}// -- generated below --\nexport const NO_GOLDEN_MODELS: Record<string, NoGoldenOutcome & { tflite: string }> = {\n${rows.join('\n')}\n};\n`);
  });
});
