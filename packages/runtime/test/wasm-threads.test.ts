// numThreads on the wasm backend: the same model on 1 and 2 threads gives bit-identical outputs
// (every output element is computed by one thread, the same way), and work really is shared once
// the workers have started.
import { readFileSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { Interpreter } from '../src/index';
import { threadStats } from '../src/backends/wasm/index';

const saved = process.env['LITEML_WASM_THREADS'];
afterAll(() => {
  if (saved === undefined) delete process.env['LITEML_WASM_THREADS'];
  else process.env['LITEML_WASM_THREADS'] = saved;
});

describeModels('wasm backend threads', () => {
  it('mobilenet_v1 on 2 threads equals 1 thread bit for bit', async () => {
    const bytes = readFileSync(modelPath('support/mobilenet_v1_0.25_224_1_default_1.tflite'));
    const x = new Float32Array(224 * 224 * 3).map((_, i) => Math.sin(i * 0.37));
    process.env['LITEML_WASM_THREADS'] = '1';
    const one = await Interpreter.create(bytes, { backend: 'wasm', numThreads: 1 });
    const want = Object.values(one.run([x]))[0]!.data as Float32Array;
    process.env['LITEML_WASM_THREADS'] = '2';
    const two = await Interpreter.create(bytes, { backend: 'wasm', numThreads: 2 });
    let got = Object.values(two.run([x]))[0]!.data as Float32Array;
    // Workers start asynchronously (the first runs use one thread): give them a moment.
    for (let i = 0; i < 50 && threadStats().maxThreadsUsed < 2; i++) {
      await new Promise((r) => setTimeout(r, 20));
      got = Object.values(two.run([x]))[0]!.data as Float32Array;
    }
    expect(threadStats().maxThreadsUsed).toBe(2);
    expect(Array.from(got)).toEqual(Array.from(want));
  });
});
