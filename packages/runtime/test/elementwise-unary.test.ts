import { describe, expect, it } from 'vitest';
import { runKernel, tensor } from './helpers/run-kernel';
import type { Tensor } from '../src/kernel';
import { abs } from '../src/backends/reference/kernels/Abs';
import { neg } from '../src/backends/reference/kernels/Neg';
import { exp } from '../src/backends/reference/kernels/Exp';
import { log } from '../src/backends/reference/kernels/Log';
import { sqrt } from '../src/backends/reference/kernels/Sqrt';
import { rsqrt } from '../src/backends/reference/kernels/Rsqrt';
import { square } from '../src/backends/reference/kernels/Square';
import { round } from '../src/backends/reference/kernels/Round';
import { sign } from '../src/backends/reference/kernels/Sign';
import { floor } from '../src/backends/reference/kernels/Floor';
import { ceil } from '../src/backends/reference/kernels/Ceil';
import { sin } from '../src/backends/reference/kernels/Sin';
import { cos } from '../src/backends/reference/kernels/Cos';
import { relu } from '../src/backends/reference/kernels/Relu';
import { relu6 } from '../src/backends/reference/kernels/Relu6';
import { reluN1To1 } from '../src/backends/reference/kernels/ReluN1To1';
import { relu0To1 } from '../src/backends/reference/kernels/Relu0To1';
import { leakyRelu } from '../src/backends/reference/kernels/LeakyRelu';
import { prelu } from '../src/backends/reference/kernels/Prelu';
import { elu } from '../src/backends/reference/kernels/Elu';
import { hardSwish } from '../src/backends/reference/kernels/HardSwish';
import { logistic } from '../src/backends/reference/kernels/Logistic';
import { tanh } from '../src/backends/reference/kernels/Tanh';
import { gelu, erf, erfc } from '../src/backends/reference/kernels/Gelu';
import { softmax } from '../src/backends/reference/kernels/Softmax';
import { logSoftmax } from '../src/backends/reference/kernels/LogSoftmax';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number>, Number);
const q = (scale: number, zeroPoint: number) => ({ scale: [scale], zeroPoint: [zeroPoint] });
const all8 = Array.from({ length: 256 }, (_, i) => i - 128);
const f32 = (xs: number[]) => xs.map((v) => Math.fround(v));

function expectClose(got: number[], want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - want[i]!), `element ${i}: ${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(tol);
}

/** For a quantized unary kernel: every output is within `steps` of the ideally quantized real function. */
function checkQuantized(k: Parameters<typeof runKernel>[0], f: (x: number) => number, qi: { scale: number[]; zeroPoint: number[] }, qo: { scale: number[]; zeroPoint: number[] }, steps = 1, dtype: 'i8' | 'u8' = 'i8', inputs = all8, attrs: Record<string, number> = {}): void {
  const xs = dtype === 'u8' ? inputs.map((v) => v + 128) : inputs;
  const [y] = runKernel(k, [tensor(dtype, [xs.length], xs, qi)], { outputs: [{ dtype, quant: qo }], attrs });
  const [lo, hi] = dtype === 'u8' ? [0, 255] : [-128, 127];
  const got = vals(y!);
  for (let i = 0; i < xs.length; i++) {
    const real = f(qi.scale[0]! * (xs[i]! - qi.zeroPoint[0]!));
    const ideal = Math.max(lo, Math.min(hi, Math.round(real / qo.scale[0]!) + qo.zeroPoint[0]!));
    expect(Math.abs(got[i]! - ideal), `input ${xs[i]}: ${got[i]} vs ${ideal}`).toBeLessThanOrEqual(steps);
  }
}

describe('unary math', () => {
  it('float functions', () => {
    const x = [-2.5, -0.5, 0.5, 1.5, 2.5, 3.7];
    expect(vals(runKernel(round, [tensor('f32', [6], x)])[0]!)).toEqual([-2, -0, 0, 2, 2, 4]);
    expect(vals(runKernel(floor, [tensor('f32', [6], x)])[0]!)).toEqual([-3, -1, 0, 1, 2, 3]);
    expect(vals(runKernel(ceil, [tensor('f32', [6], x)])[0]!)).toEqual([-2, -0, 1, 2, 3, 4]);
    expect(vals(runKernel(abs, [tensor('f32', [6], x)])[0]!)).toEqual(f32([2.5, 0.5, 0.5, 1.5, 2.5, 3.7]));
    expect(vals(runKernel(neg, [tensor('i32', [2], [-2147483648, 5])])[0]!)).toEqual([-2147483648, -5]);
    expect(vals(runKernel(square, [tensor('f32', [2], [-3, 0.5])])[0]!)).toEqual([9, 0.25]);
    expect(vals(runKernel(sign, [tensor('f32', [3], [-4, 0, 2])])[0]!)).toEqual([-1, 0, 1]);
    expect(vals(runKernel(sqrt, [tensor('f32', [2], [4, 2])])[0]!)).toEqual(f32([2, Math.SQRT2]));
    expect(vals(runKernel(rsqrt, [tensor('f32', [2], [4, 0.25])])[0]!)).toEqual([0.5, 2]);
    expectClose(vals(runKernel(exp, [tensor('f32', [2], [0, 1])])[0]!), [1, Math.E], 1e-6);
    expectClose(vals(runKernel(log, [tensor('f32', [2], [1, Math.E])])[0]!), [0, 1], 1e-6);
    expectClose(vals(runKernel(sin, [tensor('f32', [2], [0, Math.PI / 2])])[0]!), [0, 1], 1e-6);
    expectClose(vals(runKernel(cos, [tensor('f32', [2], [0, Math.PI])])[0]!), [1, -1], 1e-6);
  });

  it('quantized ABS, EXP, LOG, SQRT, RSQRT stay within one step of the real function', () => {
    checkQuantized(abs, Math.abs, q(0.05, 10), q(0.04, -100));
    checkQuantized(exp, Math.exp, q(0.02, 0), q(0.03, -128));
    checkQuantized(log, Math.log, q(0.05, -128), q(0.05, 60), 1, 'i8', all8.slice(1));
    checkQuantized(sqrt, Math.sqrt, q(0.1, -128), q(0.03, -128), 1);
    checkQuantized(rsqrt, (v) => 1 / Math.sqrt(v), q(0.05, -128), q(0.02, -128), 1, 'i8', all8.slice(1));
    expect(() => runKernel(rsqrt, [tensor('i8', [1], [-5], q(0.1, 0))], { outputs: [{ dtype: 'i8', quant: q(0.1, 0) }] })).toThrow(/positive/);
  });

  it('int16 EXP, LOG, RSQRT interpolate TFLite float tables within a few steps', () => {
    const xs = Array.from({ length: 200 }, (_, i) => -32768 + i * 329);
    // (near 0 log and rsqrt are too curved for 512 linear pieces; TFLite has the same error there)
    const pos = xs.map((v) => (v + 32768) >> 1).filter((v) => v > 4000);
    const cases = [
      { k: exp, f: Math.exp, inputs: xs, si: 4 / 32768, so: 1 / 32768 },
      { k: log, f: Math.log, inputs: pos, si: 8 / 32768, so: 4 / 32768 },
      { k: rsqrt, f: (v: number) => 1 / Math.sqrt(v), inputs: pos, si: 16 / 32768, so: 2 / 32768 },
    ];
    for (const c of cases) {
      const [y] = runKernel(c.k, [tensor('i16', [c.inputs.length], c.inputs, q(c.si, 0))], { outputs: [{ dtype: 'i16', quant: q(c.so, 0) }] });
      const got = vals(y!);
      c.inputs.forEach((v, i) => {
        const ideal = Math.max(-32768, Math.min(32767, Math.round(c.f(v * c.si) / c.so)));
        expect(Math.abs(got[i]! - ideal), `${c.k.op} at ${v}`).toBeLessThanOrEqual(4);
      });
    }
  });
});

describe('activations', () => {
  it('float ReLU family, leaky, prelu, elu, hard swish', () => {
    const x = tensor('f32', [6], [-3, -1.5, -0.5, 0.5, 1.5, 7]);
    expect(vals(runKernel(relu, [x])[0]!)).toEqual([0, 0, 0, 0.5, 1.5, 7]);
    expect(vals(runKernel(relu6, [x])[0]!)).toEqual([0, 0, 0, 0.5, 1.5, 6]);
    expect(vals(runKernel(reluN1To1, [x])[0]!)).toEqual([-1, -1, -0.5, 0.5, 1, 1]);
    expect(vals(runKernel(relu0To1, [x])[0]!)).toEqual([0, 0, 0, 0.5, 1, 1]);
    expect(vals(runKernel(leakyRelu, [x], { attrs: { alpha: 0.5 } })[0]!)).toEqual([-1.5, -0.75, -0.25, 0.5, 1.5, 7]);
    expect(vals(runKernel(prelu, [tensor('f32', [2, 2], [-1, 2, -3, 4]), tensor('f32', [2], [0.1, 0.2])])[0]!)).toEqual(f32([-0.1, 2, -0.3, 4]));
    expectClose(vals(runKernel(elu, [tensor('f32', [2], [-1, 2])])[0]!), [Math.expm1(-1), 2], 1e-6);
    expectClose(vals(runKernel(hardSwish, [tensor('f32', [4], [-4, -1, 1, 4])])[0]!), [0, -1 / 3, 2 / 3, 4], 1e-6);
  });

  it('logistic, tanh, gelu (exact and approximate) in float', () => {
    const xs = [-6, -1, 0, 0.5, 3];
    expectClose(vals(runKernel(logistic, [tensor('f32', [5], xs)])[0]!), xs.map((v) => 1 / (1 + Math.exp(-v))), 1e-6);
    expectClose(vals(runKernel(tanh, [tensor('f32', [5], xs)])[0]!), xs.map(Math.tanh), 1e-6);
    const exact = xs.map((v) => 0.5 * v * (1 + erf(v / Math.SQRT2)));
    expectClose(vals(runKernel(gelu, [tensor('f32', [5], xs)])[0]!), exact, 1e-6);
    expectClose(vals(runKernel(gelu, [tensor('f32', [5], xs)], { attrs: { approximate: true } })[0]!), exact, 1e-3);
    expectClose([erf(0.5), erf(-1), erf(2.5), erf(3.5)], [0.5204998778130465, -0.8427007929497149, 0.999593047982555, 0.9999992569016276], 1e-11);
    // erfc keeps relative precision in the tails: erfc(4) = 1.541725790028002e-8, erfc(−1) = 1.8427007929497148
    expect(Math.abs(erfc(4) / 1.541725790028002e-8 - 1)).toBeLessThan(1e-6);
    expect(Math.abs(erfc(-1) - 1.8427007929497148)).toBeLessThan(1e-12);
  });

  it('quantized activations are within one step of the real function', () => {
    checkQuantized(relu, (v) => Math.max(0, v), q(0.1, 5), q(0.05, -128));
    checkQuantized(relu6, (v) => Math.min(6, Math.max(0, v)), q(0.1, 0), q(6 / 255, -128));
    checkQuantized(relu, (v) => Math.max(0, v), q(0.1, 5), q(0.05, 0), 1, 'u8');
    checkQuantized(leakyRelu, (v) => (v > 0 ? v : 0.2 * v), q(0.05, -3), q(0.04, 10), 1, 'i8', all8, { alpha: 0.2 });
    checkQuantized(logistic, (v) => 1 / (1 + Math.exp(-v)), q(0.06, 0), q(1 / 256, -128));
    checkQuantized(tanh, Math.tanh, q(0.03, 4), q(1 / 128, 0));
    checkQuantized(elu, (v) => (v < 0 ? Math.expm1(v) : v), q(0.05, 0), q(0.04, 0));
    checkQuantized(gelu, (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)), q(0.04, 0), q(0.03, -20));
    checkQuantized(hardSwish, (v) => (v * Math.min(6, Math.max(0, v + 3))) / 6, q(0.05, 0), q(0.04, -40));
    checkQuantized(hardSwish, (v) => (v * Math.min(6, Math.max(0, v + 3))) / 6, q(0.1, 10), q(0.06, 0), 1, 'u8');
  });

  it('int8 PRELU with per-channel alpha', () => {
    const [y] = runKernel(prelu, [tensor('i8', [2, 2], [-20, 20, -40, 40], q(0.1, 0)), tensor('i8', [2], [64, 32], q(1 / 128, 0))], { outputs: [{ dtype: 'i8', quant: q(0.05, 0) }] });
    // −2·0.5 = −1 → −20; 2 → 40; −4·0.5 = −2 → −40; 4 → 80
    expect(vals(y!)).toEqual([-20, 40, -40, 80]);
  });

  it('int16 LOGISTIC and TANH interpolate the sigmoid table', () => {
    const xs = Array.from({ length: 64 }, (_, i) => -32768 + i * 1024).concat([32767]);
    const [l] = runKernel(logistic, [tensor('i16', [xs.length], xs, q(8 / 32768, 0))], { outputs: [{ dtype: 'i16', quant: q(1 / 32768, 0) }] });
    const [t] = runKernel(tanh, [tensor('i16', [xs.length], xs, q(8 / 32768, 0))], { outputs: [{ dtype: 'i16', quant: q(1 / 32768, 0) }] });
    const lg = vals(l!), th = vals(t!);
    for (let i = 0; i < xs.length; i++) {
      const v = (xs[i]! * 8) / 32768;
      expect(Math.abs(lg[i]! / 32768 - 1 / (1 + Math.exp(-v)))).toBeLessThan(2e-4);
      expect(Math.abs(th[i]! / 32768 - Math.tanh(v))).toBeLessThan(4e-4);
    }
  });
});

describe('softmax', () => {
  it('float softmax with beta and log softmax', () => {
    const x = [1, 2, 3, 1, 1, 1];
    const [y] = runKernel(softmax, [tensor('f32', [2, 3], x)], { attrs: { beta: 2 } });
    const e = [Math.exp(-4), Math.exp(-2), 1];
    const s = e[0]! + e[1]! + e[2]!;
    expectClose(vals(y!), [...e.map((v) => v / s), 1 / 3, 1 / 3, 1 / 3], 1e-6);
    const [l] = runKernel(logSoftmax, [tensor('f32', [2, 3], x)]);
    const ls = Math.log(Math.exp(-2) + Math.exp(-1) + 1);
    expectClose(vals(l!), [-2 - ls, -1 - ls, -ls, -Math.log(3), -Math.log(3), -Math.log(3)], 1e-6);
  });

  it('int8 and uint8 softmax are within one step of the real distribution and rows sum to ~1', () => {
    for (const dtype of ['i8', 'u8'] as const) {
      const off = dtype === 'u8' ? 128 : 0;
      const xs = [-100, -20, 0, 30, 31, 127, -128, -128].map((v) => v + off);
      const [y] = runKernel(softmax, [tensor(dtype, [2, 4], xs, q(0.05, off))], { attrs: { beta: 1 }, outputs: [{ dtype, quant: q(1 / 256, dtype === 'u8' ? 0 : -128) }] });
      const got = vals(y!);
      for (let r = 0; r < 2; r++) {
        const row = xs.slice(r * 4, r * 4 + 4).map((v) => 0.05 * (v - off));
        const m = Math.max(...row);
        const e = row.map((v) => Math.exp(v - m));
        const s = e.reduce((a, b) => a + b, 0);
        for (let c = 0; c < 4; c++) {
          const ideal = Math.min(255, Math.round((e[c]! / s) * 256)) - (dtype === 'u8' ? 0 : 128);
          expect(Math.abs(got[r * 4 + c]! - ideal)).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('int16 softmax (table based) is within 1e-3 of the real distribution', () => {
    const xs = [-30000, -2000, 0, 1500, 32767, 32767, -32768, 100];
    const [y] = runKernel(softmax, [tensor('i16', [2, 4], xs, q(1 / 4096, 0))], { attrs: { beta: 1 }, outputs: [{ dtype: 'i16', quant: q(1 / 32768, 0) }] });
    const got = vals(y!);
    for (let r = 0; r < 2; r++) {
      const row = xs.slice(r * 4, r * 4 + 4).map((v) => v / 4096);
      const m = Math.max(...row);
      const e = row.map((v) => Math.exp(v - m));
      const s = e.reduce((a, b) => a + b, 0);
      for (let c = 0; c < 4; c++) expect(Math.abs(got[r * 4 + c]! / 32768 - e[c]! / s)).toBeLessThan(1e-3);
    }
  });

  it('int8/uint8 log softmax are within one step (16/256) of the real values', () => {
    for (const dtype of ['i8', 'u8'] as const) {
      const off = dtype === 'u8' ? 128 : 0;
      const xs = [-100, -20, 0, 30, 31, 127, -128, -128, 5, 5, 5, 5].map((v) => v + off);
      const [y] = runKernel(logSoftmax, [tensor(dtype, [3, 4], xs, q(0.05, off))], { outputs: [{ dtype, quant: q(16 / 256, dtype === 'u8' ? 255 : 127) }] });
      const got = vals(y!);
      const [lo, zo] = dtype === 'u8' ? [0, 255] : [-128, 127];
      for (let r = 0; r < 3; r++) {
        const row = xs.slice(r * 4, r * 4 + 4).map((v) => 0.05 * (v - off));
        const m = Math.max(...row);
        const ls = Math.log(row.reduce((a, v) => a + Math.exp(v - m), 0));
        for (let c = 0; c < 4; c++) {
          const ideal = Math.max(lo, Math.round((row[c]! - m - ls) / (16 / 256)) + zo);
          expect(Math.abs(got[r * 4 + c]! - ideal), `row ${r} col ${c}`).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
