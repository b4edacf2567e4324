// The shared goldens of float32, int8 and uint8 models whose ops include one the wasm backend runs
// natively, on backend 'wasm' (the rest of each model falls back to reference), compared with
// real TFLite's outputs with the README's tolerances. A golden that fails on wasm must fail the same way on the
// reference backend (a gap of the reference kernels, reported by goldens.test.ts), never because
// of wasm.
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { Interpreter, type Tensor } from '../src/index';
import { wasmKernels } from '../src/backends/wasm/index';
import { compareGolden, loadGolden, type GoldenCase } from './helpers/goldens';

const NATIVE = new Set(wasmKernels.map((k) => k.op.slice(4)));
const filter = process.env['LITEML_GOLDEN_FILTER'] ? new RegExp(process.env['LITEML_GOLDEN_FILTER']) : undefined;

const cases = manifestEntries()
  .filter((e) => e.format === 'tflite' && ['float32', 'int8', 'uint8'].includes(e.precision ?? '') && (e.golden?.length ?? 0) > 0
    && Object.keys(e.ops ?? {}).some((op) => NATIVE.has(op)) && (!filter || filter.test(e.path)))
  .flatMap((e) => e.golden!.map((dir) => ({ model: e.path, dir })));

async function run(c: GoldenCase, backend: string, ran?: Map<string, number>): Promise<void> {
  // As in goldens.test.ts: stock TFLite requantizes 8-bit convs/FC the XNNPACK way.
  const interp = await Interpreter.create(readFileSync(modelPath(c.model)), {
    backend, requantization: 'xnnpack', profiler: ran && ((t) => ran.set(t.backend, (ran.get(t.backend) ?? 0) + 1)),
  });
  const out = interp.run(c.inputs.map((a) => ({ data: a.data, shape: a.shape })));
  const got: Tensor[] = interp.outputs.map((o) => out[o.name]!);
  const bad = compareGolden(c, got);
  if (bad) throw new Error(`GOLDEN_MISMATCH ${bad}`);
}

const codeOf = (e: unknown) => (e instanceof Error && e.message.startsWith('GOLDEN_MISMATCH') ? 'GOLDEN_MISMATCH' : (e as { code?: string }).code ?? 'ERROR');
let nativeNodes = 0, fallbackNodes = 0, passed = 0;
const sameAsReference: string[] = [];

describeModels('goldens of float and 8-bit models on the wasm backend', () => {
  it('has goldens with wasm-native ops', () => {
    expect(filter || cases.length >= 100).toBeTruthy();
  });
  for (const c of cases) {
    it(c.dir, async () => {
      const g = loadGolden(c.model, c.dir);
      const ran = new Map<string, number>();
      let error: unknown;
      try {
        await run(g, 'wasm', ran);
      } catch (e) {
        error = e;
      }
      nativeNodes += ran.get('wasm') ?? 0;
      fallbackNodes += ran.get('reference') ?? 0;
      if (!error) { passed++; return; }
      let refError: unknown;
      try {
        await run(g, 'reference');
      } catch (e) {
        refError = e;
      }
      expect(refError, `fails on wasm but passes on reference: ${(error as Error).message}`).toBeDefined();
      expect(codeOf(error), `wasm fails differently from reference (${(refError as Error).message}): ${(error as Error).message}`).toBe(codeOf(refError));
      sameAsReference.push(`${c.dir} (${codeOf(error)})`);
    });
  }
  it('mobilenet_v1 runs every conv, depthwise conv, pool and the softmax natively', async () => {
    const c = loadGolden('support/mobilenet_v1_0.25_224_1_default_1.tflite', 'support/mobilenet_v1_0.25_224_1_default_1.golden');
    const where: Record<string, string[]> = {};
    const interp = await Interpreter.create(readFileSync(modelPath(c.model)), { backend: 'wasm', profiler: (t) => { (where[t.backend] ??= []).push(t.op); } });
    interp.run(c.inputs.map((a) => ({ data: a.data, shape: a.shape })));
    expect(where['wasm']?.length).toBe(30);
    expect(where['reference']).toEqual(['tfl.SQUEEZE']);
  });
  // In the default ('tflite' reference-kernel) requantization mode the 8-bit kernels must equal
  // the reference backend bit for bit on whole models too.
  for (const [model, dir] of [
    ['support/mobilenet_v1_0.25_224_quant.tflite', 'support/mobilenet_v1_0.25_224_quant.golden'],
    ['coral/tf2_mobilenet_v2_1.0_224_ptq.tflite', 'coral/tf2_mobilenet_v2_1.0_224_ptq.golden'],
  ] as const) {
    it(`${model}: wasm equals reference bit for bit (gemmlowp requantization)`, async () => {
      const c = loadGolden(model, dir);
      const feeds = c.inputs.map((a) => ({ data: a.data, shape: a.shape }));
      const outs = await Promise.all(['wasm', 'reference'].map(async (backend) => {
        const interp = await Interpreter.create(readFileSync(modelPath(model)), { backend, requantization: 'tflite' });
        const out = interp.run(feeds);
        return interp.outputs.map((o) => Array.from(out[o.name]!.data as Int8Array));
      }));
      expect(outs[0]).toEqual(outs[1]);
    });
  }
  afterAll(() => {
    if (cases.length) console.log(`[wasm goldens] ${passed}/${cases.length} passed; nodes run natively: ${nativeNodes}, on reference: ${fallbackNodes}`);
    if (sameAsReference.length) console.log(`[wasm goldens] failing on reference too: ${sameAsReference.join(', ')}`);
  });
});
