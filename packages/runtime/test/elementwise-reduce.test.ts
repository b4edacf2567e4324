import { describe, expect, it } from 'vitest';
import { runKernel, tensor } from './helpers/run-kernel';
import type { Tensor } from '../src/kernel';
import { mean } from '../src/backends/reference/kernels/Mean';
import { sum } from '../src/backends/reference/kernels/Sum';
import { reduceProd } from '../src/backends/reference/kernels/ReduceProd';
import { reduceMax } from '../src/backends/reference/kernels/ReduceMax';
import { reduceMin } from '../src/backends/reference/kernels/ReduceMin';
import { reduceAny } from '../src/backends/reference/kernels/ReduceAny';
import { reduceAll } from '../src/backends/reference/kernels/ReduceAll';
import { quantize } from '../src/backends/reference/kernels/Quantize';
import { dequantize } from '../src/backends/reference/kernels/Dequantize';
import { argMax } from '../src/backends/reference/kernels/ArgMax';
import { argMin } from '../src/backends/reference/kernels/ArgMin';
import { topkV2 } from '../src/backends/reference/kernels/TopkV2';
import { cumsum } from '../src/backends/reference/kernels/Cumsum';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? v : Number(v)));
const q = (scale: number, zeroPoint: number) => ({ scale: [scale], zeroPoint: [zeroPoint] });
const axes = (...a: number[]) => tensor('i32', [a.length], a);
// [2, 3, 2]: value = 100·i + 10·j + k
const x3 = tensor('f32', [2, 3, 2], [0, 1, 10, 11, 20, 21, 100, 101, 110, 111, 120, 121]);

describe('reductions', () => {
  it('MEAN/SUM over one or several axes, negative axes, keepDims', () => {
    const [m] = runKernel(mean, [x3, axes(1)]);
    expect(m!.shape).toEqual([2, 2]);
    expect(vals(m!)).toEqual([10, 11, 110, 111]);
    const [k] = runKernel(mean, [x3, axes(-1, 0)], { attrs: { keepDims: true } });
    expect(k!.shape).toEqual([1, 3, 1]);
    expect(vals(k!)).toEqual([50.5, 60.5, 70.5]);
    const [s] = runKernel(sum, [x3, axes(0, 1, 2)]);
    expect(s!.shape).toEqual([]);
    expect(vals(s!)).toEqual([726]);
    const [si] = runKernel(sum, [tensor('i64', [2, 2], [1n, 2n, 3n, 4n]), axes(1)]);
    expect(vals(si!)).toEqual([3n, 7n]);
    const [mi] = runKernel(mean, [tensor('i32', [2, 2], [1, 2, -3, -4]), axes(1)]);
    expect(vals(mi!)).toEqual([1, -3]);
  });

  it('quantized MEAN and SUM requantize with TFLite integer arithmetic', () => {
    const data = [10, 20, 30, 41, -128, 127, 0, 5];
    const [m] = runKernel(mean, [tensor('i8', [2, 4], data, q(0.1, 2)), axes(1)], { outputs: [{ dtype: 'i8', quant: q(0.05, -3) }] });
    // row means of (q − 2)·0.1: 2.325 → 46.5 − 3 = 43.5 → 44 (ties up); −0.1 → −2 − 3 = −5
    expect(vals(m!)).toEqual([44, -5]);
    const [s] = runKernel(sum, [tensor('i8', [2, 4], data, q(0.1, 2)), axes(1)], { outputs: [{ dtype: 'i8', quant: q(0.2, 0) }] });
    // sums 9.3 → 46.5 → 47; −0.4 → −2
    expect(vals(s!)).toEqual([47, -2]);
  });

  it('4-D MEAN over H, W with keepDims (global average pooling) uses the dedicated TFLite rounding', () => {
    // one channel, 2×2 values q − z = [1, 2, 3, 5]: mean 2.75 (real 0.275 → 2.75 steps of 0.1)
    const [m] = runKernel(mean, [tensor('i8', [1, 2, 2, 1], [1, 2, 3, 5], q(0.1, 0)), axes(1, 2)], { attrs: { keepDims: true }, outputs: [{ dtype: 'i8', quant: q(0.1, 0) }] });
    expect(m!.shape).toEqual([1, 1, 1, 1]);
    expect(vals(m!)).toEqual([3]); // (11 + 2) / 4 truncated = 3
    const [n] = runKernel(mean, [tensor('i8', [1, 2, 2, 1], [-1, -2, -3, -5], q(0.1, 0)), axes(1, 2)], { attrs: { keepDims: true }, outputs: [{ dtype: 'i8', quant: q(0.1, 0) }] });
    expect(vals(n!)).toEqual([-3]);
    const [u] = runKernel(mean, [tensor('u8', [1, 2, 2, 2], [10, 0, 20, 0, 30, 0, 41, 0], q(0.5, 4)), axes(1, 2)], { attrs: { keepDims: true }, outputs: [{ dtype: 'u8', quant: q(0.25, 10) }] });
    // channel 0: mean q 25.25 → (25.25 − 4)·0.5 = 10.625 → 42.5 + 10 → 52/53; channel 1: (0 − 4)·0.5 = −2 → −8 + 10 = 2
    const uv = vals(u!) as number[];
    expect(Math.abs(uv[0]! - 52.5)).toBeLessThanOrEqual(0.5);
    expect(uv[1]).toBe(2);
  });

  it('REDUCE_PROD/MAX/MIN/ANY/ALL', () => {
    expect(vals(runKernel(reduceProd, [tensor('f32', [2, 2], [1, 2, 3, 4]), axes(0)])[0]!)).toEqual([3, 8]);
    expect(vals(runKernel(reduceMax, [x3, axes(0, 2)])[0]!)).toEqual([101, 111, 121]);
    expect(vals(runKernel(reduceMin, [tensor('i8', [2, 2], [5, -7, 3, 9]), axes(1)])[0]!)).toEqual([-7, 3]);
    expect(vals(runKernel(reduceAny, [tensor('bool', [2, 2], [0, 0, 0, 1]), axes(1)])[0]!)).toEqual([0, 1]);
    expect(vals(runKernel(reduceAll, [tensor('bool', [2, 2], [1, 1, 0, 1]), axes(1)])[0]!)).toEqual([1, 0]);
  });

  it('quantized REDUCE_PROD rescales every partial product', () => {
    const [y] = runKernel(reduceProd, [tensor('i8', [2, 3], [20, 10, 5, -10, 20, 40], q(0.1, 0)), axes(1)], { outputs: [{ dtype: 'i8', quant: q(0.5, 0) }] });
    // per-step scale 0.1/0.5^(1/3) ≈ 0.126: 20 → 2.52 → 3, ·10 → 3.78 → 4, ·5 → 2.52 → 3
    // (real product 1.0 = 2 steps: TFLite's step-wise rounding drifts); −10 → −1, ·20 → −3, ·40 → −15
    expect(vals(y!)).toEqual([3, -15]);
  });

  it('rejects out-of-range axes', () => {
    expect(() => runKernel(sum, [x3, axes(3)])).toThrow(/out of range/);
  });
});

describe('quantize / dequantize', () => {
  it('float → int8 rounds half away from zero and clamps', () => {
    const [y] = runKernel(quantize, [tensor('f32', [5], [0.25, -0.25, 0.75, 100, -100])], { outputs: [{ dtype: 'i8', quant: q(0.5, 1) }] });
    expect(vals(y!)).toEqual([2, 0, 3, 127, -128]);
  });

  it('per-axis float → int8', () => {
    const [y] = runKernel(quantize, [tensor('f32', [2, 2], [1, 1, 1, 1])], { outputs: [{ dtype: 'i8', quant: { scale: [0.5, 0.25], zeroPoint: [0, 0], axis: 1 } }] });
    expect(vals(y!)).toEqual([2, 4, 2, 4]);
  });

  it('int → int requantization (int16 → int8, uint8 → int8)', () => {
    const [a] = runKernel(quantize, [tensor('i16', [3], [1000, -1000, 30000], q(0.001, 0))], { outputs: [{ dtype: 'i8', quant: q(0.02, 0) }] });
    expect(vals(a!)).toEqual([50, -50, 127]);
    const [b] = runKernel(quantize, [tensor('u8', [3], [0, 128, 255], q(0.1, 128))], { outputs: [{ dtype: 'i8', quant: q(0.1, 0) }] });
    expect(vals(b!)).toEqual([-128, 0, 127]);
  });

  it('dequantizes int8, per-axis int8 and float16 bits', () => {
    expect(vals(runKernel(dequantize, [tensor('i8', [3], [-3, 0, 5], q(0.5, -1))], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([-1, 0.5, 3]);
    const [p] = runKernel(dequantize, [tensor('i8', [2, 2], [2, 2, 2, 2], { scale: [1, 0.25], zeroPoint: [0, 1], axis: 1 })], { outputs: [{ dtype: 'f32' }] });
    expect(vals(p!)).toEqual([2, 0.25, 2, 0.25]);
    // 0x3c00 = 1.0, 0xc000 = −2.0, 0x3555 ≈ 0.33325
    expect(vals(runKernel(dequantize, [tensor('f16', [3], [0x3c00, 0xc000, 0x3555])], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([1, -2, Math.fround(0.333251953125)]);
  });
});

describe('arg max/min, top-k, cumsum', () => {
  it('ARG_MAX / ARG_MIN take the first extreme; output dtype follows the plan', () => {
    const t = tensor('f32', [2, 3], [1, 5, 5, -2, -2, 0]);
    expect(vals(runKernel(argMax, [t, tensor('i32', [1], [1])], { outputs: [{ dtype: 'i32' }] })[0]!)).toEqual([1, 2]);
    expect(vals(runKernel(argMin, [t, tensor('i32', [1], [1])], { outputs: [{ dtype: 'i64' }] })[0]!)).toEqual([0n, 0n]);
    const [a0] = runKernel(argMax, [t, tensor('i64', [1], [0n])], { outputs: [{ dtype: 'i32' }] });
    expect(a0!.shape).toEqual([3]);
    expect(vals(a0!)).toEqual([0, 0, 0]);
  });

  it('TOPK_V2 sorts descending with stable ties', () => {
    const [v, i] = runKernel(topkV2, [tensor('f32', [2, 4], [1, 3, 3, 2, -1, -5, 0, 7]), tensor('i32', [], [3])], { outputs: [{ dtype: 'f32' }, { dtype: 'i32' }] });
    expect(v!.shape).toEqual([2, 3]);
    expect(vals(v!)).toEqual([3, 3, 2, 7, 0, -1]);
    expect(vals(i!)).toEqual([1, 2, 3, 3, 2, 0]);
  });

  it('CUMSUM inclusive/exclusive, forward/reverse, along an inner axis', () => {
    const t = tensor('i32', [2, 3], [1, 2, 3, 4, 5, 6]);
    const ax = tensor('i32', [], [1]);
    expect(vals(runKernel(cumsum, [t, ax])[0]!)).toEqual([1, 3, 6, 4, 9, 15]);
    expect(vals(runKernel(cumsum, [t, ax], { attrs: { exclusive: true } })[0]!)).toEqual([0, 1, 3, 0, 4, 9]);
    expect(vals(runKernel(cumsum, [t, ax], { attrs: { reverse: true } })[0]!)).toEqual([6, 5, 3, 15, 11, 6]);
    expect(vals(runKernel(cumsum, [t, ax], { attrs: { exclusive: true, reverse: true } })[0]!)).toEqual([5, 3, 0, 11, 6, 0]);
    expect(vals(runKernel(cumsum, [tensor('f32', [2, 2], [1, 2, 3, 4]), tensor('i32', [], [0])])[0]!)).toEqual([1, 2, 4, 6]);
  });
});
