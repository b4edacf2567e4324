// numThreads on the wasm backend: a model on 2 threads gives bit-identical outputs to 1 thread on
// every run — while the workers start and after (every output element is computed by one thread,
// the same way) — and work really is shared once the workers have started.
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { Interpreter, type TypedArray } from '../src/index';
import { threadStats } from '../src/backends/wasm/index';

const saved = process.env['LITEML_WASM_THREADS'];
afterAll(() => {
  if (saved === undefined) delete process.env['LITEML_WASM_THREADS'];
  else process.env['LITEML_WASM_THREADS'] = saved;
});

describeModels('wasm backend threads', () => {
  for (const model of ['support/mobilenet_v1_0.25_224_1_default_1.tflite', 'support/mobilenet_v1_0.25_224_quant.tflite']) {
    it(`${model}: 2 threads equal 1 thread bit for bit on every run`, async () => {
      const bytes = readFileSync(modelPath(model));
      process.env['LITEML_WASM_THREADS'] = '1';
      const one = await Interpreter.create(bytes, { backend: 'wasm', numThreads: 1 });
      const n = one.inputs[0]!.shape.reduce((a, b) => a * b, 1);
      const x = one.inputs[0]!.dtype === 'u8' ? new Uint8Array(n).map((_, i) => (i * 7) % 256) : new Float32Array(n).map((_, i) => Math.sin(i * 0.37));
      const first = (out: Record<string, { data: TypedArray | string[] }>) => Array.from(Object.values(out)[0]!.data as Float32Array);
      const want = first(one.run([x]));
      process.env['LITEML_WASM_THREADS'] = '2';
      const two = await Interpreter.create(bytes, { backend: 'wasm', numThreads: 2 });
      // Workers start asynchronously (the first runs use one thread): keep running until they share work.
      let threadedRuns = 0;
      for (let i = 0; i < 100 && threadedRuns < 3; i++) {
        const before = threadStats().maxThreadsUsed;
        expect(first(two.run([x])), `run ${i}`).toEqual(want);
        if (before >= 2) threadedRuns++;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(threadStats().maxThreadsUsed).toBe(2);
      expect(threadedRuns).toBe(3);
    });
  }
});
