import { readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import { Interpreter } from '../src/index';
it('mobilenet', async () => {
  const bytes = readFileSync('/work/shared/models/support/mobilenet_v1_0.25_224_1_default_1.tflite');
  const x = new Float32Array(224*224*3).map((_, i) => Math.sin(i));
  const nodes: string[] = [];
  const w = await Interpreter.create(bytes, { backend: 'wasm', profiler: (t) => nodes.push(`${t.op}:${t.backend}:${t.ms.toFixed(2)}`) });
  const r = await Interpreter.create(bytes, { backend: 'reference' });
  let t0 = performance.now(); const ow = w.run([x]); console.log('wasm first', performance.now() - t0);
  t0 = performance.now(); w.run([x]); console.log('wasm 2nd', performance.now() - t0);
  t0 = performance.now(); const or = r.run([x]); console.log('ref', performance.now() - t0);
  console.log(nodes.slice(0, 31).join(' '));
  const a = Object.values(ow)[0]!.data as Float32Array, b = Object.values(or)[0]!.data as Float32Array;
  let md = 0; for (let i = 0; i < a.length; i++) md = Math.max(md, Math.abs(a[i]! - b[i]!));
  console.log('maxdiff', md);
  expect(md).toBeLessThan(1e-4);
});
