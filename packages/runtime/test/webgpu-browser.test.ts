// Float goldens on the webgpu backend inside headless Chromium (WebGPU on SwiftShader): the same
// runtime code, bundled for the page, must reproduce real TFLite's outputs. Without Chromium or
// browser WebGPU the suite says so in one line and skips, except under CI=true.
import { afterAll, expect, it } from 'vitest';
import { describe } from 'vitest';
import type { Tensor } from '../src/kernel';
import { compareGolden, loadGolden } from './helpers/goldens';
import { bundlePage, HAS_CHROMIUM, CHROMIUM, launch, serve, type Browser, type PageServer } from './webgpu-browser-harness';
import { MODELS_DIR, describeModels } from '../../../testing/shared-models';

const MODELS = [
  'tflm/hello_world_float.tflite',
  'aiquant/models/conv_fc_mnist.tflite',
  'aiquant/models/bmm.tflite',
  'support/mobilenet_v1_0.25_224_1_default_1.tflite',
  'litert/litert/test/testdata/rope.tflite',
];

/** Starts the server and the browser and asks the page for an adapter; says why not, if not. */
async function start(): Promise<{ server?: PageServer; browser?: Browser; failure?: string }> {
  if (!HAS_CHROMIUM) return { failure: `no Chromium at ${CHROMIUM}` };
  const server = await serve(await bundlePage('webgpu-browser-page.ts'), MODELS_DIR);
  let browser: Browser | undefined;
  try {
    browser = await launch(server.url);
    const adapter = await browser.page.evaluate(async () => {
      try { return await (globalThis as unknown as { liteml: { probe(): Promise<string> } }).liteml.probe(); } catch (e) { return `ERROR ${String(e)}`; }
    });
    if (adapter.startsWith('ERROR')) throw new Error(adapter);
    return { server, browser };
  } catch (e) {
    await browser?.close();
    await server.close();
    return { failure: `no WebGPU in headless Chromium: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
}

const env = await start();
if (env.failure && process.env['CI'] === 'true') throw new Error(`CI: the WebGPU browser suite cannot run (${env.failure}); apt-get install -y chromium libvulkan1`);
if (env.failure) console.log(`[liteml] webgpu browser suite skipped: ${env.failure}`);

describeModels('webgpu in headless Chromium', () => {
  (env.failure ? describe.skip : describe)('float goldens', () => {
    const browser = env.browser!;
    afterAll(async () => {
      await env.browser?.close();
      await env.server?.close();
    });

    for (const m of MODELS) {
      it(m, async () => {
        const c = loadGolden(m, m.replace(/\.tflite$/, '.golden'));
        const feeds = c.inputs.map((a) => ({ dtype: 'f32', shape: a.shape, data: Array.from(a.data as ArrayLike<number>, Number) }));
        const r = await browser.page.evaluate(async ([url, f]) => (globalThis as unknown as { liteml: { runModel(u: string, f: unknown): Promise<unknown> } }).liteml.runModel(url, f),
          [`/models/${m}`, feeds] as const) as { outputs: { shape: number[]; data: number[] }[]; placements: string[] };
        const got = r.outputs.map((o, j): Tensor => ({ name: `out${j}`, dtype: 'f32', shape: o.shape, data: Float32Array.from(o.data) }));
        expect(compareGolden(c, got)).toBeUndefined();
        expect(r.placements.filter((p) => p.endsWith(':webgpu')).length).toBeGreaterThan(0);
        expect(browser.errors).toEqual([]);
      });
    }
  });
});
