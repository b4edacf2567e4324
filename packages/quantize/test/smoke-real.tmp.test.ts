import { readFileSync } from 'node:fs';
import { test, expect } from 'vitest';
import { loadRealTflite } from './helpers/tflite';
test('loads', async () => {
  const m = await loadRealTflite(new Uint8Array(readFileSync('/work/shared/models/aiquant/models/conv_fc_mnist_srq_a8w8.tflite')));
  console.log(m.inputs, m.outputs);
  const out = m.run([new Int8Array(784)]);
  console.log(out[0]);
  expect(out.length).toBe(1);
});
