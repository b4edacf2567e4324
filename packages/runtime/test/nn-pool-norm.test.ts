// Pooling and normalization kernels: hand-checked values and TFLite's rounding rules.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../src/kernel';
import { averagePool2d } from '../src/backends/reference/kernels/AveragePool2D';
import { l2Normalization } from '../src/backends/reference/kernels/L2Normalization';
import { l2Pool2d } from '../src/backends/reference/kernels/L2Pool2D';
import { localResponseNormalization } from '../src/backends/reference/kernels/LocalResponseNormalization';
import { maxPool2d } from '../src/backends/reference/kernels/MaxPool2D';
import { runKernel, tensor } from './helpers/run-kernel';

const vals = (t: Tensor): number[] => Array.from(t.data as ArrayLike<number>);
const x4 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];
const pool = { filterHeight: 2, filterWidth: 2, strideH: 2, strideW: 2, padding: 'VALID' };

describe('pooling', () => {
  it('averages, maxes and L2-pools 2x2 windows', () => {
    const x = tensor('f32', [1, 4, 4, 1], x4);
    expect(vals(runKernel(averagePool2d, [x], { attrs: pool })[0]!)).toEqual([3.5, 5.5, 11.5, 13.5]);
    expect(vals(runKernel(maxPool2d, [x], { attrs: pool })[0]!)).toEqual([6, 8, 14, 16]);
    const l2 = vals(runKernel(l2Pool2d, [x], { attrs: pool })[0]!);
    expect(l2[0]).toBeCloseTo(Math.sqrt((1 + 4 + 25 + 36) / 4), 5);
  });

  it('SAME padding counts only in-bounds values', () => {
    const x = tensor('f32', [1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const [y] = runKernel(averagePool2d, [x], { attrs: { ...pool, padding: 'SAME' } });
    expect(y!.shape).toEqual([1, 2, 2, 1]);
    expect(vals(y!)).toEqual([3, 4.5, 7.5, 9]);
    const [m] = runKernel(maxPool2d, [x], { attrs: { filterHeight: 3, filterWidth: 3, strideH: 1, strideW: 1, padding: 'SAME', fusedActivationFunction: 'RELU6' } });
    expect(vals(m!)).toEqual([5, 6, 6, 6, 6, 6, 6, 6, 6]);
  });

  it('quantized average rounds half away from zero', () => {
    const q = { scale: [0.5], zeroPoint: [0] };
    const x = tensor('i8', [1, 1, 4, 1], [1, 2, -1, -2], q);
    const [y] = runKernel(averagePool2d, [x], { attrs: { filterHeight: 1, filterWidth: 2, strideH: 1, strideW: 2, padding: 'VALID' } });
    expect(vals(y!)).toEqual([2, -2]);
    const u = tensor('u8', [1, 1, 3, 1], [0, 1, 1], { scale: [1], zeroPoint: [0] });
    expect(vals(runKernel(averagePool2d, [u], { attrs: { filterHeight: 1, filterWidth: 3, strideH: 1, strideW: 1, padding: 'VALID' } })[0]!)).toEqual([1]);
    const s = tensor('i16', [1, 1, 2, 1], [-32768, 32767], { scale: [1], zeroPoint: [0] });
    expect(vals(runKernel(maxPool2d, [s], { attrs: { filterHeight: 1, filterWidth: 2, strideH: 1, strideW: 1, padding: 'VALID' } })[0]!)).toEqual([32767]);
  });

  it('rejects mismatched quantized input/output scales', () => {
    const node = { op: 'tfl.MAX_POOL_2D', name: 'p', attrs: {}, inputs: [{ id: 0, name: 'x', dtype: 'i8' as const, shape: [1, 2, 2, 1], quant: { scale: [1], zeroPoint: [0] } }], outputs: [{ id: 1, name: 'y', dtype: 'i8' as const, shape: [1, 1, 1, 1], quant: { scale: [2], zeroPoint: [0] } }] };
    expect(maxPool2d.supports!(node)).toMatch(/equal input and output scale/);
  });
});

describe('L2_NORMALIZATION', () => {
  it('normalizes the last axis (float)', () => {
    const [y] = runKernel(l2Normalization, [tensor('f32', [2, 2], [3, 4, 0, 0])]);
    expect(vals(y!).map((v) => Math.round(v * 1e6) / 1e6)).toEqual([0.6, 0.8, 0, 0]);
  });

  it('int8 and uint8 outputs use the 1/128 scale', () => {
    const [y] = runKernel(l2Normalization, [tensor('i8', [1, 2], [30, 40], { scale: [0.1], zeroPoint: [0] })], { outputs: [{ dtype: 'i8', quant: { scale: [1 / 128], zeroPoint: [0] } }] });
    expect(vals(y!)).toEqual([77, 102]); // 0.6·128 = 76.8, 0.8·128 = 102.4
    const [u] = runKernel(l2Normalization, [tensor('u8', [1, 2], [158, 88], { scale: [0.1], zeroPoint: [128] })], { outputs: [{ dtype: 'u8', quant: { scale: [1 / 128], zeroPoint: [128] } }] });
    const got = vals(u!);
    expect(Math.abs(got[0]! - (128 + 0.6 * 128))).toBeLessThanOrEqual(1);
    expect(Math.abs(got[1]! - (128 - 0.8 * 128))).toBeLessThanOrEqual(1);
  });
});

describe('LOCAL_RESPONSE_NORMALIZATION', () => {
  it('divides by (bias + alpha · Σ window squares)^beta', () => {
    const x = [1, 2, 3, 4];
    const [y] = runKernel(localResponseNormalization, [tensor('f32', [1, 1, 1, 4], x)], { attrs: { radius: 1, bias: 1, alpha: 0.5, beta: 0.75 } });
    const want = x.map((v, c) => {
      let s = 0;
      for (let k = Math.max(0, c - 1); k <= Math.min(3, c + 1); k++) s += x[k]! ** 2;
      return v / (1 + 0.5 * s) ** 0.75;
    });
    vals(y!).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
  });
});
