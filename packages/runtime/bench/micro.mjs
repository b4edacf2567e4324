#!/usr/bin/env node
// Kernel micro-benchmark: single float32 ops at MobileNet-like sizes on liteml's wasm backend
// (runNode with constant weights, packed once) and on @tensorflow/tfjs-backend-wasm (XNNPACK),
// one thread each, interleaved run by run in this process. Uses dist/.
//
//   node bench/micro.mjs [--time 1]
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { runNode } from '../dist/index.js';

const args = process.argv.slice(2);
const budget = Number(args[args.indexOf('--time') + 1] || 1) || 1;
delete process.env.LITEML_WASM_THREADS;

function rand(n, seed) {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; out[i] = s / 2 ** 31 - 1; }
  return out;
}

let ids = 0;
const value = (shape, data) => ({ id: ids++, name: `v${ids}`, dtype: 'f32', shape, data: data && new Uint8Array(data.buffer) });
const tensor = (shape, data) => ({ name: 'x', dtype: 'f32', shape, data });

/** conv / depthwise / FC cases: liteml node + inputs, and the equivalent tfjs call. */
function conv(name, [n, h, w, c], [kh, kw], cout, stride, depthwise = false) {
  const x = rand(n * h * w * c, 1);
  const wl = rand(depthwise ? kh * kw * c : cout * kh * kw * c, 2);   // liteml layout: [cout,kh,kw,cin] / [1,kh,kw,c]
  const oc = depthwise ? c : cout;
  const bias = rand(oc, 3);
  const wShape = depthwise ? [1, kh, kw, c] : [cout, kh, kw, c];
  const node = {
    op: depthwise ? 'tfl.DEPTHWISE_CONV_2D' : 'tfl.CONV_2D', name, attrs: { padding: 'SAME', strideH: stride, strideW: stride, fusedActivationFunction: 'RELU6', depthMultiplier: 1 },
    inputs: [value([n, h, w, c]), value(wShape, wl), value([oc], bias)], outputs: [value(undefined)],
  };
  const inputs = [tensor([n, h, w, c], x), tensor(wShape, wl), tensor([oc], bias)];
  // tfjs filter layout: [kh, kw, cin, cout] / [kh, kw, c, 1]
  const wt = new Float32Array(wl.length);
  for (let o = 0; o < oc; o++) for (let y = 0; y < kh; y++) for (let xx = 0; xx < kw; xx++) for (let i = 0; i < (depthwise ? 1 : c); i++) {
    if (depthwise) wt[(y * kw + xx) * c + o] = wl[(y * kw + xx) * c + o];
    else wt[((y * kw + xx) * c + i) * cout + o] = wl[((o * kh + y) * kw + xx) * c + i];
  }
  const tx = tf.tensor4d(x, [n, h, w, c]);
  const tw = depthwise ? tf.tensor4d(wt, [kh, kw, c, 1]) : tf.tensor4d(wt, [kh, kw, c, cout]);
  const tb = tf.tensor1d(bias);
  const tfjs = () => {
    const y = depthwise
      ? tf.fused.depthwiseConv2d({ x: tx, filter: tw, strides: stride, pad: 'same', bias: tb, activation: 'relu6' })
      : tf.fused.conv2d({ x: tx, filter: tw, strides: stride, pad: 'same', bias: tb, activation: 'relu6' });
    y.dataSync(); y.dispose();
  };
  const macs = (Math.ceil(h / stride) * Math.ceil(w / stride)) * n * oc * kh * kw * (depthwise ? 1 : c);
  return { name, liteml: () => runNode(node, inputs, { backend: 'wasm' }), tfjs, macs };
}

function fc(name, rows, depth, units) {
  const x = rand(rows * depth, 4), wl = rand(units * depth, 5), bias = rand(units, 6);
  const node = { op: 'tfl.FULLY_CONNECTED', name, attrs: { fusedActivationFunction: 'NONE' },
    inputs: [value([rows, depth]), value([units, depth], wl), value([units], bias)], outputs: [value(undefined)] };
  const inputs = [tensor([rows, depth], x), tensor([units, depth], wl), tensor([units], bias)];
  const tx = tf.tensor2d(x, [rows, depth]), tw = tf.tensor2d(wl, [units, depth]), tb = tf.tensor1d(bias);
  const tfjs = () => { const y = tf.fused.matMul({ a: tx, b: tw, transposeB: true, bias: tb }); y.dataSync(); y.dispose(); };
  return { name, liteml: () => runNode(node, inputs, { backend: 'wasm' }), tfjs, macs: rows * depth * units };
}

async function main() {
  setThreadsCount(1);
  await tf.setBackend('wasm');
  await tf.ready();
  console.log(`kernel micro-benchmark — node ${process.version}; tfjs-backend-wasm ${tf.version_core} threads ${getThreadsCount()}, SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT')}; liteml wasm 1 thread`);
  const cases = [
    conv('conv 3×3/2 224×224×3→8', [1, 224, 224, 3], [3, 3], 8, 2),
    conv('conv 1×1 112×112×8→16', [1, 112, 112, 8], [1, 1], 16, 1),
    conv('conv 1×1 56×56×32→32', [1, 56, 56, 32], [1, 1], 32, 1),
    conv('conv 1×1 14×14×128→128', [1, 14, 14, 128], [1, 1], 128, 1),
    conv('conv 1×1 7×7×256→256', [1, 7, 7, 256], [1, 1], 256, 1),
    conv('conv 3×3 28×28×64→64', [1, 28, 28, 64], [3, 3], 64, 1),
    conv('depthwise 3×3 112×112×32', [1, 112, 112, 32], [3, 3], 32, 1, true),
    conv('depthwise 3×3/2 56×56×64', [1, 56, 56, 64], [3, 3], 64, 2, true),
    fc('FC 1×1024→1000', 1, 1024, 1000),
    fc('GEMM 256×256→256', 256, 256, 256),
  ];
  const rows = [];
  for (const c of cases) {
    for (let i = 0; i < 3; i++) { c.liteml(); c.tfjs(); }
    const t = [[], []];
    const end = performance.now() + budget * 2000;
    while (t[0].length < 10 || performance.now() < end) {
      let t0 = performance.now(); c.liteml(); t[0].push(performance.now() - t0);
      t0 = performance.now(); c.tfjs(); t[1].push(performance.now() - t0);
      if (t[0].length >= 1000) break;
    }
    const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    const [l, j] = [med(t[0]), med(t[1])];
    const row = { case: c.name, 'liteml ms': l.toFixed(3), 'tfjs-wasm ms': j.toFixed(3), 'tfjs/liteml': `${(j / l).toFixed(2)}×`, 'liteml GFLOP/s': ((2 * c.macs) / l / 1e6).toFixed(1) };
    rows.push(row);
    console.log(Object.values(row).join(' | '));
  }
  console.log('\n| ' + Object.keys(rows[0]).join(' | ') + ' |\n|' + Object.keys(rows[0]).map(() => '---').join('|') + '|');
  for (const r of rows) console.log('| ' + Object.values(r).join(' | ') + ' |');
}

await main();
