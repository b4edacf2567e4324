import { describe, expect, it } from 'vitest';
import { runKernel, tensor } from './helpers/run-kernel';
import type { Tensor } from '../src/kernel';
import { add } from '../src/backends/reference/kernels/Add';
import { sub } from '../src/backends/reference/kernels/Sub';
import { mul } from '../src/backends/reference/kernels/Mul';
import { div } from '../src/backends/reference/kernels/Div';
import { floorDiv } from '../src/backends/reference/kernels/FloorDiv';
import { floorMod } from '../src/backends/reference/kernels/FloorMod';
import { pow } from '../src/backends/reference/kernels/Pow';
import { squaredDifference } from '../src/backends/reference/kernels/SquaredDifference';
import { maximum } from '../src/backends/reference/kernels/Maximum';
import { minimum } from '../src/backends/reference/kernels/Minimum';
import { addN } from '../src/backends/reference/kernels/AddN';
import { atan2 } from '../src/backends/reference/kernels/Atan2';
import { equal } from '../src/backends/reference/kernels/Equal';
import { less } from '../src/backends/reference/kernels/Less';
import { greaterEqual } from '../src/backends/reference/kernels/GreaterEqual';
import { notEqual } from '../src/backends/reference/kernels/NotEqual';
import { logicalAnd } from '../src/backends/reference/kernels/LogicalAnd';
import { logicalOr } from '../src/backends/reference/kernels/LogicalOr';
import { logicalNot } from '../src/backends/reference/kernels/LogicalNot';
import { select } from '../src/backends/reference/kernels/Select';
import { selectV2 } from '../src/backends/reference/kernels/SelectV2';
import { broadcastShapes } from '../src/backends/reference/kernels/broadcast';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? v : Number(v)));
const q = (scale: number, zeroPoint: number) => ({ scale: [scale], zeroPoint: [zeroPoint] });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Naive broadcasting: element at output coords, each input read through its own (1-stretched) coords. */
function naive(a: { shape: number[]; v: number[] }, b: { shape: number[]; v: number[] }, f: (x: number, y: number) => number): { shape: number[]; v: number[] } {
  const shape = broadcastShapes([a.shape, b.shape]);
  const n = shape.reduce((p, d) => p * d, 1);
  const read = (t: { shape: number[]; v: number[] }, coords: number[]) => {
    let idx = 0;
    for (let d = 0; d < t.shape.length; d++) {
      const c = coords[coords.length - t.shape.length + d]!;
      idx = idx * t.shape[d]! + (t.shape[d] === 1 ? 0 : c);
    }
    return t.v[idx]!;
  };
  const v: number[] = [];
  for (let i = 0; i < n; i++) {
    const coords: number[] = [];
    let r = i;
    for (let d = shape.length - 1; d >= 0; d--) { coords.unshift(r % shape[d]!); r = Math.floor(r / shape[d]!); }
    v.push(f(read(a, coords), read(b, coords)));
  }
  return { shape, v };
}

describe('binary arithmetic (float/int)', () => {
  it('ADD broadcasts a row and applies RELU6', () => {
    const [y] = runKernel(add, [tensor('f32', [2, 3], [1, -2, 3, 4, 5, -6]), tensor('f32', [3], [0.5, 0.5, 4])], { attrs: { fusedActivationFunction: 'RELU6' } });
    expect(y!.shape).toEqual([2, 3]);
    expect(vals(y!)).toEqual([1.5, 0, 6, 4.5, 5.5, 0]);
  });

  it('random broadcast shapes agree with a naive formulation (ADD, SUB, MUL, MAXIMUM)', () => {
    const r = rng(42);
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + Math.floor(r() * 4);
      const full = Array.from({ length: rank }, () => 1 + Math.floor(r() * 4));
      const pick = () => full.slice(Math.floor(r() * rank)).map((d) => (r() < 0.35 ? 1 : d));
      const sa = pick(), sb = pick();
      const mk = (s: number[]) => ({ shape: s, v: Array.from({ length: s.reduce((p, d) => p * d, 1) }, () => Math.round((r() * 20 - 10) * 4) / 4) });
      const a = mk(sa), b = mk(sb);
      for (const [k, f] of [[add, (x: number, y: number) => x + y], [sub, (x: number, y: number) => x - y], [mul, (x: number, y: number) => x * y], [maximum, Math.max]] as const) {
        const [y] = runKernel(k, [tensor('f32', a.shape, a.v), tensor('f32', b.shape, b.v)]);
        const ref = naive(a, b, f);
        expect(y!.shape).toEqual(ref.shape);
        expect(vals(y!)).toEqual(ref.v.map((v) => Math.fround(v)));
      }
    }
  });

  it('integer kinds wrap like C int32 and use bigint for i64', () => {
    const [s] = runKernel(add, [tensor('i32', [2], [2147483647, -5]), tensor('i32', [2], [1, 3])]);
    expect(vals(s!)).toEqual([-2147483648, -2]);
    const [m] = runKernel(mul, [tensor('i32', [1], [65536]), tensor('i32', [1], [65537])]);
    expect(vals(m!)).toEqual([65536]);
    const [b] = runKernel(mul, [tensor('i64', [2], [3n, -4n]), tensor('i64', [1], [5000000000n])]);
    expect(vals(b!)).toEqual([15000000000n, -20000000000n]);
  });

  it('DIV, FLOOR_DIV, FLOOR_MOD follow C and Python semantics', () => {
    expect(vals(runKernel(div, [tensor('i32', [4], [7, -7, 7, -7]), tensor('i32', [4], [2, 2, -2, -2])])[0]!)).toEqual([3, -3, -3, 3]);
    expect(vals(runKernel(floorDiv, [tensor('i32', [4], [7, -7, 7, -7]), tensor('i32', [4], [2, 2, -2, -2])])[0]!)).toEqual([3, -4, -4, 3]);
    expect(vals(runKernel(floorMod, [tensor('i32', [4], [7, -7, 7, -7]), tensor('i32', [4], [3, 3, -3, -3])])[0]!)).toEqual([1, 2, -2, -1]);
    expect(vals(runKernel(floorMod, [tensor('f32', [2], [-7.5, 7.5]), tensor('f32', [2], [2, -2])])[0]!)).toEqual([0.5, -0.5]);
    expect(vals(runKernel(floorDiv, [tensor('i64', [2], [-7n, 7n]), tensor('i64', [2], [2n, 2n])])[0]!)).toEqual([-4n, 3n]);
    expect(() => runKernel(div, [tensor('i32', [1], [1]), tensor('i32', [1], [0])])).toThrow(/division by zero/);
    expect(vals(runKernel(div, [tensor('f32', [2], [1, -3]), tensor('f32', [2], [4, 0])])[0]!)).toEqual([0.25, -Infinity]);
  });

  it('POW, SQUARED_DIFFERENCE, MINIMUM, ADD_N, ATAN2', () => {
    expect(vals(runKernel(pow, [tensor('i32', [3], [2, -3, 7]), tensor('i32', [3], [10, 3, 0])])[0]!)).toEqual([1024, -27, 1]);
    expect(() => runKernel(pow, [tensor('i32', [1], [2]), tensor('i32', [1], [-1])])).toThrow(/non-negative/);
    expect(vals(runKernel(pow, [tensor('f32', [2], [4, 2]), tensor('f32', [2], [0.5, -1])])[0]!)).toEqual([2, 0.5]);
    expect(vals(runKernel(squaredDifference, [tensor('f32', [2], [1, -2]), tensor('f32', [1], [3])])[0]!)).toEqual([4, 25]);
    // TFLite's a < b ? a : b: a NaN on the left loses, on the right wins
    const [mn] = runKernel(minimum, [tensor('f32', [4], [1, NaN, -2, 3]), tensor('f32', [4], [0, 1, 5, NaN])]);
    expect(vals(mn!)).toEqual([0, 1, -2, NaN]);
    expect(vals(runKernel(addN, [tensor('f32', [2], [1, 2]), tensor('f32', [2], [3, 4]), tensor('f32', [2], [5, 6])])[0]!)).toEqual([9, 12]);
    const [at] = runKernel(atan2, [tensor('f32', [2], [1, -1]), tensor('f32', [2], [1, 0])]);
    expect(vals(at!)).toEqual([Math.fround(Math.PI / 4), Math.fround(-Math.PI / 2)]);
  });
});

describe('quantized binary arithmetic', () => {
  it('int8 ADD matches the real-valued sum within one step, and exactly on an easy case', () => {
    const sa = 0.05, sb = 0.02, so = 0.07;
    const xa = Array.from({ length: 256 }, (_, i) => i - 128);
    const xb = xa.map((v) => ((v * 37) % 256 + 256) % 256 - 128);
    const [y] = runKernel(add, [tensor('i8', [256], xa, q(sa, 3)), tensor('i8', [256], xb, q(sb, -7))], { outputs: [{ dtype: 'i8', quant: q(so, -2) }], runs: 2 });
    const got = vals(y!) as number[];
    for (let i = 0; i < 256; i++) {
      const real = sa * (xa[i]! - 3) + sb * (xb[i]! + 7);
      const ideal = Math.max(-128, Math.min(127, Math.round(real / so) - 2));
      expect(Math.abs(got[i]! - ideal)).toBeLessThanOrEqual(1);
    }
    const [e] = runKernel(add, [tensor('i8', [2], [10, -10], q(0.5, 0)), tensor('i8', [2], [4, 4], q(0.5, 0))], { outputs: [{ dtype: 'i8', quant: q(0.5, 0) }] });
    expect(vals(e!)).toEqual([14, -6]);
  });

  it('quantized broadcasting equals the same op on explicitly tiled inputs', () => {
    const r = rng(7);
    for (let trial = 0; trial < 20; trial++) {
      const shape = [1 + Math.floor(r() * 3), 1 + Math.floor(r() * 4), 1 + Math.floor(r() * 5)];
      const small = shape.map((d) => (r() < 0.5 ? 1 : d));
      const n = shape.reduce((p, d) => p * d, 1), m = small.reduce((p, d) => p * d, 1);
      const a = Array.from({ length: n }, () => Math.floor(r() * 256) - 128);
      const b = Array.from({ length: m }, () => Math.floor(r() * 256) - 128);
      const tiled = naive({ shape, v: a }, { shape: small, v: b }, (_x, y) => y).v;
      for (const k of [add, sub, mul]) {
        const spec = { outputs: [{ dtype: 'i8' as const, quant: q(0.3, 4) }] };
        const [y] = runKernel(k, [tensor('i8', shape, a, q(0.1, -3)), tensor('i8', small, b, q(0.07, 9))], spec);
        const [t] = runKernel(k, [tensor('i8', shape, a, q(0.1, -3)), tensor('i8', shape, tiled, q(0.07, 9))], spec);
        expect(vals(y!)).toEqual(vals(t!));
      }
    }
  });

  it('uint8 MUL and int16 SUB rescale like TFLite', () => {
    const [m] = runKernel(mul, [tensor('u8', [3], [128, 138, 255], q(0.1, 128)), tensor('u8', [3], [130, 100, 0], q(0.2, 120))], { outputs: [{ dtype: 'u8', quant: q(0.05, 100) }] });
    // reals: 0·2=0, 1·(−4)=−4, 12.7·(−24)=−304.8 → 100, 20, 0 (clamped)
    expect(vals(m!)).toEqual([100, 20, 0]);
    const [s] = runKernel(sub, [tensor('i16', [3], [1000, -1000, 32767], q(0.001, 0)), tensor('i16', [3], [500, 500, -32768], q(0.002, 0))], { outputs: [{ dtype: 'i16', quant: q(0.004, 0) }] });
    expect(vals(s!)).toEqual([0, -500, 24576]);
  });

  it('fused RELU clamps in the quantized domain', () => {
    const [y] = runKernel(add, [tensor('i8', [2], [-50, 50], q(0.1, 0)), tensor('i8', [2], [0, 0], q(0.1, 0))], { outputs: [{ dtype: 'i8', quant: q(0.1, -10) }], attrs: { fusedActivationFunction: 'RELU' } });
    expect(vals(y!)).toEqual([-10, 40]);
  });

  it('int8 SQUARED_DIFFERENCE approximates (a − b)²', () => {
    const [y] = runKernel(squaredDifference, [tensor('i8', [3], [20, -20, 0], q(0.1, 0)), tensor('i8', [3], [0, 10, 0], q(0.1, 0))], { outputs: [{ dtype: 'i8', quant: q(0.1, -128) }] });
    // (2)² = 4 → 40−128, (−3)² = 9 → 90−128, 0 → −128
    expect(vals(y!)).toEqual([-88, -38, -128]);
  });

  it('uint8 DIV uses the fixed-point reciprocal', () => {
    const [y] = runKernel(div, [tensor('u8', [3], [100, 200, 10], q(0.1, 0)), tensor('u8', [3], [20, 50, 40], q(0.1, 0))], { outputs: [{ dtype: 'u8', quant: q(0.05, 0) }] });
    // 10/2 = 5 → 100; 20/5 = 4 → 80; 1/4 = 0.25 → 5
    expect(vals(y!)).toEqual([100, 80, 5]);
  });
});

describe('comparisons, logic, select', () => {
  it('compare floats, broadcasting to bool', () => {
    const [y] = runKernel(less, [tensor('f32', [2, 2], [1, 2, 3, 4]), tensor('f32', [2, 1], [2, 3])], { outputs: [{ dtype: 'bool' }] });
    expect(y!.dtype).toBe('bool');
    expect(vals(y!)).toEqual([1, 0, 0, 0]);
    const [ge] = runKernel(greaterEqual, [tensor('i64', [2], [5n, 1n]), tensor('i64', [1], [5n])], { outputs: [{ dtype: 'bool' }] });
    expect(vals(ge!)).toEqual([1, 0]);
  });

  it('quantized EQUAL compares real values across different scales', () => {
    // 0.5·(4−0) = 2.0 and 0.25·(8−0) = 2.0 are equal; 0.5·3 = 1.5 vs 0.25·7 = 1.75 are not
    const [y] = runKernel(equal, [tensor('i8', [2], [4, 3], q(0.5, 0)), tensor('i8', [2], [8, 7], q(0.25, 0))], { outputs: [{ dtype: 'bool' }] });
    expect(vals(y!)).toEqual([1, 0]);
  });

  it('string equality', () => {
    const [y] = runKernel(notEqual, [tensor('string', [3], ['a', 'b', 'c']), tensor('string', [1], ['b'])], { outputs: [{ dtype: 'bool' }] });
    expect(vals(y!)).toEqual([1, 0, 1]);
  });

  it('logical ops', () => {
    const a = tensor('bool', [4], [0, 0, 1, 1]), b = tensor('bool', [4], [0, 1, 0, 1]);
    expect(vals(runKernel(logicalAnd, [a, b])[0]!)).toEqual([0, 0, 0, 1]);
    expect(vals(runKernel(logicalOr, [a, b])[0]!)).toEqual([0, 1, 1, 1]);
    expect(vals(runKernel(logicalNot, [a])[0]!)).toEqual([1, 1, 0, 0]);
  });

  it('SELECT picks rows by a vector condition; SELECT_V2 broadcasts all three', () => {
    const [y] = runKernel(select, [tensor('bool', [2], [1, 0]), tensor('f32', [2, 2], [1, 2, 3, 4]), tensor('f32', [2, 2], [5, 6, 7, 8])], { outputs: [{ dtype: 'f32' }] });
    expect(vals(y!)).toEqual([1, 2, 7, 8]);
    const [z] = runKernel(selectV2, [tensor('bool', [1, 2], [1, 0]), tensor('i32', [2, 1], [1, 2]), tensor('i32', [1], [9])], { outputs: [{ dtype: 'i32' }] });
    expect(z!.shape).toEqual([2, 2]);
    expect(vals(z!)).toEqual([1, 9, 2, 9]);
  });

  it('incompatible shapes raise SHAPE_MISMATCH', () => {
    expect(() => runKernel(add, [tensor('f32', [2, 3], [1, 2, 3, 4, 5, 6]), tensor('f32', [2], [1, 2])])).toThrow(/cannot be broadcast/);
  });
});
