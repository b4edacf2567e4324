#!/usr/bin/env node
// Per-kernel throughput of the wasm backend on one model: best time of each node over N runs,
// summed per op (and per conv kernel size), with GMAC/s for convolutions. Uses dist/.
//
//   node bench/kernels.mjs support/mobilenet_v1_0.25_224_1_default_1.tflite [runs=15]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Interpreter } from '../dist/index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const MODELS_DIR = resolve(process.env.LITEML_TEST_MODELS ?? join(here, '../../../../shared/models'));
const [model = 'support/mobilenet_v1_0.25_224_1_default_1.tflite', runsArg = '15'] = process.argv.slice(2);
const interp = await Interpreter.create(readFileSync(join(MODELS_DIR, model)), { backend: 'wasm' });
const feeds = interp.inputs.map((t) => {
  const n = t.shape.reduce((a, b) => a * b, 1);
  if (t.dtype === 'u8') return new Uint8Array(n).map((_, k) => k % 251);
  if (t.dtype === 'i8') return new Int8Array(n).map((_, k) => (k % 251) - 128);
  return new Float32Array(n).map((_, k) => Math.sin(k));
});
for (let k = 0; k < 5; k++) interp.run(feeds);
const best = new Map();
const backendOf = new Map();
interp.profiler = (t) => { best.set(t.nodeIndex, Math.min(best.get(t.nodeIndex) ?? Infinity, t.ms)); backendOf.set(t.nodeIndex, t.backend); };
for (let k = 0; k < Number(runsArg); k++) interp.run(feeds);
const nodes = interp.model.graphs[0].nodes;
const agg = new Map();
for (const [k, ms] of best) {
  const nd = nodes[k];
  const o = nd.outputs[0].shape, w = nd.inputs[1]?.shape;
  let macs = 0, kind = `${nd.op} (${backendOf.get(k)})`;
  if (nd.op === 'tfl.CONV_2D') { macs = o[1] * o[2] * o[3] * w[1] * w[2] * w[3]; kind += ` ${w[1]}x${w[2]}`; }
  if (nd.op === 'tfl.DEPTHWISE_CONV_2D') macs = o[1] * o[2] * o[3] * w[1] * w[2];
  if (nd.op === 'tfl.FULLY_CONNECTED') macs = o.reduce((a, b) => a * b, 1) * w[1];
  const a = agg.get(kind) ?? { ms: 0, macs: 0, n: 0 };
  a.ms += ms; a.macs += macs; a.n++;
  agg.set(kind, a);
}
let total = 0;
for (const [kind, a] of [...agg].sort((x, y) => y[1].ms - x[1].ms)) {
  total += a.ms;
  console.log(`${kind.padEnd(40)} ${String(a.n).padStart(3)} nodes ${a.ms.toFixed(3).padStart(9)} ms${a.macs ? `  ${(a.macs / a.ms / 1e6).toFixed(1)} GMAC/s` : ''}`);
}
console.log(`sum of best node times: ${total.toFixed(2)} ms`);
