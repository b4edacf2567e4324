// Float and 8-bit goldens on the wasm backend inside headless Chromium: the AssemblyScript kernels
// (the SIMD build), on one thread and on two (Web Workers over shared wasm memory in a
// cross-origin-isolated page, the main thread spinning while they work), must reproduce real
// TFLite's outputs, and two threads must give one thread's outputs bit for bit on every run.
// Without Chromium the suite says so in one line and skips, except under CI=true.
import { afterAll, describe, expect, it } from 'vitest';
import type { Tensor, TypedArray } from '../src/kernel';
import { compareGolden, loadGolden, type GoldenCase } from './helpers/goldens';
import { bundlePage, HAS_CHROMIUM, CHROMIUM, launch, serve, type Browser, type PageServer } from './webgpu-browser-harness';
import type { Feed, Output, WasmPageResult } from './wasm-browser-page';
import { MODELS_DIR, describeModels } from '../../../testing/shared-models';

// `threaded`: whether the kernels split the model's work (they do from 2 × 64K MACs per node up);
// conv_fc_mnist is smaller, so it runs on the calling thread alone whatever numThreads says.
const MODELS = [
  { model: 'support/mobilenet_v1_0.25_224_1_default_1.tflite', threaded: true },
  { model: 'aiquant/models/conv_fc_mnist.tflite', threaded: false },
  { model: 'coral/tf2_mobilenet_v2_1.0_224_ptq.tflite', threaded: true },
  { model: 'support/mobilenet_v1_0.25_224_quant.tflite', threaded: true },
];

async function start(): Promise<{ server?: PageServer; browser?: Browser; failure?: string }> {
  if (!HAS_CHROMIUM) return { failure: `no Chromium at ${CHROMIUM}` };
  const server = await serve(await bundlePage('wasm-browser-page.ts'), MODELS_DIR, { crossOriginIsolated: true });
  try {
    return { server, browser: await launch(server.url, 'litemlWasm') };
  } catch (e) {
    await server.close();
    return { failure: `headless Chromium does not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

const env = await start();
if (env.failure && process.env['CI'] === 'true') throw new Error(`CI: the wasm browser suite cannot run (${env.failure}); apt-get install -y chromium`);
if (env.failure) console.log(`[liteml] wasm browser suite skipped: ${env.failure}`);

const ARRAYS: Record<string, new (a: number[]) => TypedArray> = { f32: Float32Array, i32: Int32Array, i8: Int8Array, u8: Uint8Array, i16: Int16Array };

function tensors(outputs: Output[]): Tensor[] {
  return outputs.map((o, j) => ({ name: `out${j}`, dtype: o.dtype as Tensor['dtype'], shape: o.shape, data: new (ARRAYS[o.dtype] ?? Float32Array)(o.data) }));
}

describeModels('wasm backend in headless Chromium', () => {
  (env.failure ? describe.skip : describe)('goldens on 1 and 2 threads', () => {
    const browser = env.browser!;
    afterAll(async () => {
      await env.browser?.close();
      await env.server?.close();
    });

    async function runInPage(c: GoldenCase, numThreads: number, minRuns: number, threadedRuns: number): Promise<WasmPageResult> {
      const feeds: Feed[] = c.inputs.map((a) => ({ array: a.data.constructor.name, shape: a.shape, data: Array.from(a.data as ArrayLike<number>, Number) }));
      type Api = { litemlWasm: { runModel(u: string, f: Feed[], n: number, r: number, t: number): Promise<WasmPageResult> } };
      return browser.page.evaluate(async ([url, f, n, r, t]) => (globalThis as unknown as Api).litemlWasm.runModel(url, f, n, r, t),
        [`/models/${c.model}`, feeds, numThreads, minRuns, threadedRuns] as const);
    }

    for (const { model: m, threaded } of MODELS) {
      const c = loadGolden(m, m.replace(/\.tflite$/, '.golden'));
      let one: WasmPageResult | undefined;

      it(`${m}: 1 thread`, async () => {
        // A fresh page: no workers yet, and threadStats() counts from zero.
        await browser.page.reload();
        await browser.page.waitForFunction(() => 'litemlWasm' in globalThis);
        one = await runInPage(c, 1, 1, 0);
        expect(one.crossOriginIsolated).toBe(true);
        expect(one.isa).toBe('wasmsimd');
        expect(one.runs.length).toBe(1);
        expect(compareGolden(c, tensors(one.runs[0]!))).toBeUndefined();
        expect(one.backends['wasm'] ?? 0).toBeGreaterThan(0);
        expect(one.stats).toEqual({ maxThreadsUsed: 1, workers: 0 });
        expect(browser.errors).toEqual([]);
      }, 120_000);

      it(`${m}: 2 threads equal 1 thread bit for bit on every run${threaded ? ', on real workers' : ''}`, async () => {
        expect(one, 'the 1-thread run of this model').toBeDefined();
        // Threaded: run until 2 runs started with the workers sharing work (the first runs, while
        // they start, use this thread alone); else 3 runs, which must start no worker.
        const two = threaded ? await runInPage(c, 2, 1, 2) : await runInPage(c, 2, 3, 0);
        if (threaded) {
          expect(two.threadedRuns).toBe(2);
          expect(two.stats.maxThreadsUsed).toBe(2);
          expect(two.stats.workers).toBeGreaterThanOrEqual(1);
        } else {
          expect(two.stats).toEqual({ maxThreadsUsed: 1, workers: 0 });
        }
        two.runs.forEach((r, i) => expect(r, `run ${i}`).toEqual(one!.runs[0]));
        expect(compareGolden(c, tensors(two.runs.at(-1)!))).toBeUndefined();
        expect(two.backends).toEqual(one!.backends);
        expect(browser.errors).toEqual([]);
      }, 120_000);
    }
  });
});
