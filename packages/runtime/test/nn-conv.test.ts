// Conv family, fully connected and batch matmul: hand-checked cases, random shapes against naive
// independent formulations, and quantized paths against the float result of the same values.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../src/kernel';
import { batchMatmul } from '../src/backends/reference/kernels/BatchMatmul';
import { conv2d } from '../src/backends/reference/kernels/Conv2D';
import { conv3d } from '../src/backends/reference/kernels/Conv3D';
import { depthwiseConv2d } from '../src/backends/reference/kernels/DepthwiseConv2D';
import { fullyConnected } from '../src/backends/reference/kernels/FullyConnected';
import { transposeConv } from '../src/backends/reference/kernels/TransposeConv';
import { runKernel, tensor } from './helpers/run-kernel';

let seed = 7;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const randInt = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const randoms = (n: number, lo = -1, hi = 1): number[] => Array.from({ length: n }, () => lo + (hi - lo) * rand());
const f32 = (shape: number[], v: number[]): Tensor => tensor('f32', shape, v);
const vals = (t: Tensor): number[] => Array.from(t.data as ArrayLike<number>);
const maxDiff = (a: number[], b: number[]): number => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);

/** Padding the way TensorFlow documents it (independent of the kernels' helper). */
function tfPad(padding: string, n: number, k: number, s: number, d: number): [number, number] {
  const ek = (k - 1) * d + 1;
  const out = padding === 'SAME' ? Math.ceil(n / s) : Math.ceil((n - ek + 1) / s);
  const total = Math.max((out - 1) * s + ek - n, 0);
  return [out, Math.floor(total / 2)];
}

function naiveConv(x: number[], xs: number[], w: number[], ws: number[], bias: number[] | undefined, padding: string, s: [number, number], d: [number, number], depthwise = false): { out: number[]; shape: number[] } {
  const [n, h, wd, c] = xs as [number, number, number, number];
  const [a, kh, kw, b] = ws as [number, number, number, number];
  const oc = depthwise ? b : a;
  const [oh, pt] = tfPad(padding, h, kh, s[0], d[0]);
  const [ow, pl] = tfPad(padding, wd, kw, s[1], d[1]);
  const out: number[] = [];
  for (let bi = 0; bi < n; bi++) for (let y = 0; y < oh; y++) for (let xx = 0; xx < ow; xx++) for (let o = 0; o < oc; o++) {
    let acc = bias ? bias[o]! : 0;
    for (let ky = 0; ky < kh; ky++) for (let kx = 0; kx < kw; kx++) {
      const iy = y * s[0] - pt + ky * d[0];
      const ix = xx * s[1] - pl + kx * d[1];
      if (iy < 0 || ix < 0 || iy >= h || ix >= wd) continue;
      if (depthwise) {
        const ic = Math.floor(o / (oc / c));
        acc += x[((bi * h + iy) * wd + ix) * c + ic]! * w[(ky * kw + kx) * oc + o]!;
      } else {
        for (let ic = 0; ic < c; ic++) acc += x[((bi * h + iy) * wd + ix) * c + ic]! * w[((o * kh + ky) * kw + kx) * c + ic]!;
      }
    }
    out.push(acc);
  }
  return { out, shape: [n, oh, ow, oc] };
}

describe('CONV_2D', () => {
  it('computes a hand-checked VALID convolution with bias and RELU', () => {
    const x = f32([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const w = f32([1, 2, 2, 1], [1, 0, 0, -1]);
    const b = f32([1], [0.5]);
    const [y] = runKernel(conv2d, [x, w, b], { attrs: { padding: 'VALID', strideH: 1, strideW: 1, fusedActivationFunction: 'RELU' } });
    expect(y!.shape).toEqual([1, 2, 2, 1]);
    expect(vals(y!)).toEqual([0, 0, 0, 0]); // 1−5+.5 = −3.5 → 0 …
    const [z] = runKernel(conv2d, [x, f32([1, 2, 2, 1], [0, 1, 1, 0]), b], { attrs: { padding: 'VALID', strideH: 1, strideW: 1 } });
    expect(vals(z!)).toEqual([6.5, 8.5, 12.5, 14.5]);
  });

  it('matches a naive convolution on random shapes, strides, dilations and paddings', () => {
    for (let t = 0; t < 25; t++) {
      const xs = [randInt(1, 2), randInt(3, 9), randInt(3, 9), randInt(1, 4)];
      const ws = [randInt(1, 5), randInt(1, 3), randInt(1, 3), xs[3]!];
      const padding = rand() < 0.5 ? 'SAME' : 'VALID';
      const s: [number, number] = [randInt(1, 3), randInt(1, 3)];
      const d: [number, number] = [randInt(1, 2), randInt(1, 2)];
      if (padding === 'VALID' && ((ws[1]! - 1) * d[0] + 1 > xs[1]! || (ws[2]! - 1) * d[1] + 1 > xs[2]!)) continue;
      const x = randoms(xs.reduce((a, b) => a * b));
      const w = randoms(ws.reduce((a, b) => a * b));
      const bias = randoms(ws[0]!);
      const ref = naiveConv(x, xs, w, ws, bias, padding, s, d);
      const [y] = runKernel(conv2d, [f32(xs, x), f32(ws, w), f32([ws[0]!], bias)], {
        attrs: { padding, strideH: s[0], strideW: s[1], dilationHFactor: d[0], dilationWFactor: d[1], fusedActivationFunction: 'NONE' },
      });
      expect(y!.shape).toEqual(ref.shape);
      expect(maxDiff(vals(y!), ref.out)).toBeLessThan(1e-5);
    }
  });

  it('int8 per-channel output is within one step of the float result, and RELU6 clamps', () => {
    const xs = [1, 5, 5, 3];
    const ws = [4, 3, 3, 3];
    const xq = Array.from({ length: 75 }, () => randInt(-128, 127));
    const wq = Array.from({ length: 108 }, () => randInt(-127, 127));
    const inQ = { scale: [0.05], zeroPoint: [-3] };
    const wScales = [0.01, 0.02, 0.005, 0.03];
    const outQ = { scale: [0.1], zeroPoint: [5] };
    const bq = [100, -200, 0, 50];
    const [y] = runKernel(conv2d, [tensor('i8', xs, xq, inQ), tensor('i8', ws, wq, { scale: wScales, zeroPoint: [0, 0, 0, 0], axis: 0 }), tensor('i32', [4], bq)], {
      attrs: { padding: 'SAME', strideH: 1, strideW: 1, fusedActivationFunction: 'RELU6' },
      outputs: [{ dtype: 'i8', quant: outQ }],
      runs: 2,
    });
    const xf = xq.map((v) => (v + 3) * 0.05);
    const wf = wq.map((v, i) => v * wScales[Math.floor(i / 27)]!);
    const bf = bq.map((v, i) => v * 0.05 * wScales[i]!);
    const ref = naiveConv(xf, xs, wf, ws, bf, 'SAME', [1, 1], [1, 1]).out.map((v) => Math.min(Math.max(Math.round(v / 0.1) + 5, 5), 65));
    expect(maxDiff(vals(y!), ref)).toBeLessThanOrEqual(1);
    expect(Math.max(...vals(y!))).toBeLessThanOrEqual(65);
    expect(Math.min(...vals(y!))).toBeGreaterThanOrEqual(5);
  });

  it('uint8 (asymmetric weights) and hybrid float × int8 agree with the float result', () => {
    const xs = [2, 4, 4, 2];
    const ws = [3, 2, 2, 2];
    const x = randoms(64, 0, 2);
    const wq = Array.from({ length: 24 }, () => randInt(0, 255));
    const wf = wq.map((v) => (v - 120) * 0.01);
    const ref = naiveConv(x, xs, wf, ws, undefined, 'VALID', [1, 1], [1, 1]).out;
    // hybrid: per-tensor int8 weights
    const wi8 = wq.map((v) => v - 128);
    const wfi = wi8.map((v) => v * 0.01);
    const refH = naiveConv(x, xs, wfi, ws, undefined, 'VALID', [1, 1], [1, 1]).out;
    const [h] = runKernel(conv2d, [f32(xs, x), tensor('i8', ws, wi8, { scale: [0.01], zeroPoint: [0] })], { attrs: { padding: 'VALID' }, outputs: [{ dtype: 'f32' }] });
    expect(maxDiff(vals(h!), refH)).toBeLessThan(0.05);
    // uint8
    const xq = x.map((v) => Math.round(v / 0.01));
    const [u] = runKernel(conv2d, [tensor('u8', xs, xq, { scale: [0.01], zeroPoint: [0] }), tensor('u8', ws, wq, { scale: [0.01], zeroPoint: [120] })], {
      attrs: { padding: 'VALID' }, outputs: [{ dtype: 'u8', quant: { scale: [0.02], zeroPoint: [128] } }],
    });
    const refU = naiveConv(xq.map((v) => v * 0.01), xs, wf, ws, undefined, 'VALID', [1, 1], [1, 1]).out.map((v) => Math.min(255, Math.max(0, Math.round(v / 0.02) + 128)));
    expect(maxDiff(vals(u!), refU)).toBeLessThanOrEqual(1);
    expect(ref.length).toBe(refU.length);
  });

  it('hybrid with per-channel int8 weights (asymmetric input quantization) tracks the float result', () => {
    const xs = [1, 5, 5, 3];
    const ws = [4, 3, 3, 3];
    const x = randoms(75, -1, 3);
    const wq = Array.from({ length: 108 }, () => randInt(-127, 127));
    const scales = [0.01, 0.02, 0.005, 0.03];
    const wf = wq.map((v, i) => v * scales[Math.floor(i / 27)]!);
    const ref = naiveConv(x, xs, wf, ws, undefined, 'SAME', [1, 1], [1, 1]).out;
    const [y] = runKernel(conv2d, [f32(xs, x), tensor('i8', ws, wq, { scale: scales, zeroPoint: [0, 0, 0, 0], axis: 0 })], {
      attrs: { padding: 'SAME' }, outputs: [{ dtype: 'f32' }],
    });
    const tol = 0.02 * Math.max(...ref.map(Math.abs));
    expect(maxDiff(vals(y!), ref)).toBeLessThan(tol);
  });

  it('supports() names unsupported dtype pairs', () => {
    const node = { op: 'tfl.CONV_2D', name: 'c', attrs: {}, inputs: [{ id: 0, name: 'x', dtype: 'i16' as const, shape: [1] }, { id: 1, name: 'w', dtype: 'i16' as const, shape: [1] }], outputs: [{ id: 2, name: 'y', dtype: 'i16' as const, shape: [1] }] };
    expect(conv2d.supports!(node)).toMatch(/i16\/i16/);
  });
});

describe('DEPTHWISE_CONV_2D', () => {
  it('matches a naive depthwise convolution with depth multipliers', () => {
    for (let t = 0; t < 15; t++) {
      const c = randInt(1, 3);
      const dm = randInt(1, 3);
      const xs = [randInt(1, 2), randInt(3, 8), randInt(3, 8), c];
      const ws = [1, randInt(1, 3), randInt(1, 3), c * dm];
      const padding = rand() < 0.5 ? 'SAME' : 'VALID';
      const s: [number, number] = [randInt(1, 2), randInt(1, 2)];
      const d: [number, number] = [randInt(1, 2), 1];
      if (padding === 'VALID' && (ws[1]! - 1) * d[0] + 1 > xs[1]!) continue;
      const x = randoms(xs.reduce((a, b) => a * b));
      const w = randoms(ws.reduce((a, b) => a * b));
      const ref = naiveConv(x, xs, w, ws, undefined, padding, s, d, true);
      const [y] = runKernel(depthwiseConv2d, [f32(xs, x), f32(ws, w)], {
        attrs: { padding, strideH: s[0], strideW: s[1], dilationHFactor: d[0], dilationWFactor: d[1], depthMultiplier: dm },
      });
      expect(y!.shape).toEqual(ref.shape);
      expect(maxDiff(vals(y!), ref.out)).toBeLessThan(1e-5);
    }
  });
});

describe('DEPTHWISE_CONV_2D (int8)', () => {
  it('is within one step of the float result with per-channel weights', () => {
    const xs = [1, 6, 6, 2];
    const ws = [1, 3, 3, 4];
    const xq = Array.from({ length: 72 }, () => randInt(-128, 127));
    const wq = Array.from({ length: 36 }, () => randInt(-127, 127));
    const scales = [0.01, 0.02, 0.015, 0.005];
    const [y] = runKernel(depthwiseConv2d, [tensor('i8', xs, xq, { scale: [0.03], zeroPoint: [-5] }), tensor('i8', ws, wq, { scale: scales, zeroPoint: [0, 0, 0, 0], axis: 3 })], {
      attrs: { padding: 'SAME', strideH: 2, strideW: 1, depthMultiplier: 2 }, outputs: [{ dtype: 'i8', quant: { scale: [0.04], zeroPoint: [1] } }],
    });
    const ref = naiveConv(xq.map((v) => (v + 5) * 0.03), xs, wq.map((v, i) => v * scales[i % 4]!), ws, undefined, 'SAME', [2, 1], [1, 1], true)
      .out.map((v) => Math.min(127, Math.max(-128, Math.round(v / 0.04) + 1)));
    expect(maxDiff(vals(y!), ref)).toBeLessThanOrEqual(1);
  });
});

describe('TRANSPOSE_CONV', () => {
  it('is the adjoint of CONV_2D: <conv(x), y> = <x, transposeConv(y)>', () => {
    for (let t = 0; t < 12; t++) {
      const c1 = randInt(1, 3);
      const c2 = randInt(1, 3);
      const xs = [1, randInt(4, 8), randInt(4, 8), c1];
      const kh = randInt(1, 3);
      const kw = randInt(1, 3);
      const padding = rand() < 0.5 ? 'SAME' : 'VALID';
      const s: [number, number] = [randInt(1, 3), randInt(1, 3)];
      const x = randoms(xs.reduce((a, b) => a * b));
      const w = randoms(c2 * kh * kw * c1);
      const conv = naiveConv(x, xs, w, [c2, kh, kw, c1], undefined, padding, s, [1, 1]);
      const y = randoms(conv.out.length);
      // transpose-conv weights [c1, kh, kw, c2] from conv weights [c2, kh, kw, c1]
      const wt = new Array<number>(w.length);
      for (let o = 0; o < c2; o++) for (let k = 0; k < kh * kw; k++) for (let i = 0; i < c1; i++) wt[(i * kh * kw + k) * c2 + o] = w[(o * kh * kw + k) * c1 + i]!;
      const [tx] = runKernel(transposeConv, [tensor('i32', [4], xs), f32([c1, kh, kw, c2], wt), f32(conv.shape, y)], { attrs: { padding, strideH: s[0], strideW: s[1] }, outputs: [{ dtype: 'f32' }] });
      expect(tx!.shape).toEqual(xs);
      const lhs = conv.out.reduce((a, v, i) => a + v * y[i]!, 0);
      const rhs = vals(tx!).reduce((a, v, i) => a + v * x[i]!, 0);
      expect(Math.abs(lhs - rhs)).toBeLessThan(1e-4 * Math.max(1, Math.abs(lhs)));
    }
  });
});

describe('CONV_3D', () => {
  it('equals CONV_2D when depth and kernel depth are 1', () => {
    const x = randoms(1 * 5 * 6 * 2);
    const w2 = randoms(3 * 2 * 3 * 2); // [out=3, kh=2, kw=3, in=2]
    const w3 = new Array<number>(w2.length); // [1, kh, kw, in, out]
    for (let o = 0; o < 3; o++) for (let k = 0; k < 6; k++) for (let i = 0; i < 2; i++) w3[(k * 2 + i) * 3 + o] = w2[(o * 6 + k) * 2 + i]!;
    const attrs = { padding: 'SAME', strideH: 2, strideW: 1 };
    const [a] = runKernel(conv2d, [f32([1, 5, 6, 2], x), f32([3, 2, 3, 2], w2)], { attrs });
    const [b] = runKernel(conv3d, [f32([1, 1, 5, 6, 2], x), f32([1, 2, 3, 2, 3], w3)], { attrs: { ...attrs, strideD: 1 } });
    expect(b!.shape).toEqual([1, 1, ...a!.shape.slice(1)]);
    expect(maxDiff(vals(a!), vals(b!))).toBeLessThan(1e-6);
  });
});

describe('FULLY_CONNECTED', () => {
  it('flattens leading dims, honours keepNumDims, bias and RELU', () => {
    const x = f32([2, 2, 3], [1, 2, 3, 4, 5, 6, -1, -2, -3, 0, 0, 1]);
    const w = f32([2, 3], [1, 1, 1, 1, -1, 0]);
    const b = f32([2], [0, 1]);
    const [y] = runKernel(fullyConnected, [x, w, b], { attrs: { fusedActivationFunction: 'RELU' } });
    expect(y!.shape).toEqual([4, 2]);
    expect(vals(y!)).toEqual([6, 0, 15, 0, 0, 2, 1, 1]);
    const [k] = runKernel(fullyConnected, [x, w, b], { attrs: { keepNumDims: true } });
    expect(k!.shape).toEqual([2, 2, 2]);
  });

  it('int8 (per-channel) and int16x8 are within one step of the float result; hybrid is close', () => {
    const n = 16;
    const xq = Array.from({ length: 3 * n }, () => randInt(-128, 127));
    const wq = Array.from({ length: 4 * n }, () => randInt(-127, 127));
    const ws = [0.01, 0.02, 0.015, 0.03];
    const ref = (xs: number, xzp: number, os: number, ozp: number, lo: number, hi: number): number[] => {
      const out: number[] = [];
      for (let r = 0; r < 3; r++) for (let u = 0; u < 4; u++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += (xq[r * n + k]! - xzp) * xs * wq[u * n + k]! * ws[u]!;
        out.push(Math.min(hi, Math.max(lo, Math.round(acc / os) + ozp)));
      }
      return out;
    };
    const wT = tensor('i8', [4, n], wq, { scale: ws, zeroPoint: [0, 0, 0, 0], axis: 0 });
    const [y8] = runKernel(fullyConnected, [tensor('i8', [3, n], xq, { scale: [0.1], zeroPoint: [2] }), wT], { outputs: [{ dtype: 'i8', quant: { scale: [0.05], zeroPoint: [-1] } }] });
    expect(maxDiff(vals(y8!), ref(0.1, 2, 0.05, -1, -128, 127))).toBeLessThanOrEqual(1);
    const x16 = xq.map((v) => v * 200);
    const [y16] = runKernel(fullyConnected, [tensor('i16', [3, n], x16, { scale: [0.0005], zeroPoint: [0] }), wT, tensor('i64', [4], [0n, 0n, 0n, 0n])], { outputs: [{ dtype: 'i16', quant: { scale: [0.0002], zeroPoint: [0] } }] });
    const ref16: number[] = [];
    for (let r = 0; r < 3; r++) for (let u = 0; u < 4; u++) {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += x16[r * n + k]! * 0.0005 * wq[u * n + k]! * ws[u]!;
      ref16.push(Math.min(32767, Math.max(-32768, Math.round(acc / 0.0002))));
    }
    expect(maxDiff(vals(y16!), ref16)).toBeLessThanOrEqual(1);
    const xf = randoms(3 * n);
    for (const asymmetricQuantizeInputs of [false, true]) {
      const [h] = runKernel(fullyConnected, [f32([3, n], xf), wT], { attrs: { asymmetricQuantizeInputs }, outputs: [{ dtype: 'f32' }] });
      const refH: number[] = [];
      for (let r = 0; r < 3; r++) for (let u = 0; u < 4; u++) {
        let acc = 0;
        for (let k = 0; k < n; k++) acc += xf[r * n + k]! * wq[u * n + k]! * ws[u]!;
        refH.push(acc);
      }
      expect(maxDiff(vals(h!), refH)).toBeLessThan(0.05);
    }
  });
});

describe('BATCH_MATMUL', () => {
  it('broadcasts batch dims and honours adjX / adjY', () => {
    for (const [adjX, adjY] of [[false, false], [true, false], [false, true], [true, true]] as const) {
      const [b1, m, k, n] = [3, 2, 4, 5];
      const a = randoms(b1 * m * k);
      const bb = randoms(k * n);
      const aShape = adjX ? [b1, 1, k, m] : [b1, 1, m, k];
      const bShape = adjY ? [2, n, k] : [2, k, n];
      const bFull = randoms(2 * k * n);
      const [y] = runKernel(batchMatmul, [f32(aShape, a), f32(bShape, bFull)], { attrs: { adjX, adjY } });
      expect(y!.shape).toEqual([b1, 2, m, n]);
      const out = vals(y!);
      for (let i = 0; i < b1; i++) for (let j = 0; j < 2; j++) for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) {
        let acc = 0;
        for (let d = 0; d < k; d++) {
          const av = adjX ? a[i * k * m + d * m + r]! : a[i * m * k + r * k + d]!;
          const bv = adjY ? bFull[j * n * k + c * k + d]! : bFull[j * k * n + d * n + c]!;
          acc += av * bv;
        }
        expect(Math.abs(out[((i * 2 + j) * m + r) * n + c]! - acc)).toBeLessThan(1e-5);
      }
      expect(bb.length).toBe(k * n);
    }
  });

  it('int16 × int16 (64-bit accumulators) is within one step of the float product', () => {
    const aq = Array.from({ length: 8 }, () => randInt(-32768, 32767));
    const bq = Array.from({ length: 8 }, () => randInt(-32768, 32767));
    const [y] = runKernel(batchMatmul, [tensor('i16', [2, 4], aq, { scale: [1e-4], zeroPoint: [0] }), tensor('i16', [4, 2], bq, { scale: [2e-4], zeroPoint: [0] })], {
      outputs: [{ dtype: 'i16', quant: { scale: [5e-4], zeroPoint: [0] } }],
    });
    const ref: number[] = [];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) {
      let acc = 0;
      for (let d = 0; d < 4; d++) acc += aq[r * 4 + d]! * 1e-4 * bq[d * 2 + c]! * 2e-4;
      ref.push(Math.min(32767, Math.max(-32768, Math.round(acc / 5e-4))));
    }
    expect(maxDiff(vals(y!), ref)).toBeLessThanOrEqual(1);
  });

  it('int8 is within one step of the float product', () => {
    const aq = Array.from({ length: 12 }, () => randInt(-128, 127));
    const bq = Array.from({ length: 12 }, () => randInt(-128, 127));
    const [y] = runKernel(batchMatmul, [tensor('i8', [3, 4], aq, { scale: [0.02], zeroPoint: [3] }), tensor('i8', [4, 3], bq, { scale: [0.01], zeroPoint: [-2] })], {
      outputs: [{ dtype: 'i8', quant: { scale: [0.01], zeroPoint: [0] } }],
    });
    const ref: number[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) {
      let acc = 0;
      for (let d = 0; d < 4; d++) acc += (aq[r * 4 + d]! - 3) * 0.02 * (bq[d * 3 + c]! + 2) * 0.01;
      ref.push(Math.min(127, Math.max(-128, Math.round(acc / 0.01))));
    }
    expect(maxDiff(vals(y!), ref)).toBeLessThanOrEqual(1);
  });
});
