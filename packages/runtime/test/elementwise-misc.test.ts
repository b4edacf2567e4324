import { describe, expect, it } from 'vitest';
import { runKernel, tensor } from './helpers/run-kernel';
import type { Tensor } from '../src/kernel';
import { bitwiseXor } from '../src/backends/reference/kernels/BitwiseXor';
import { rightShift } from '../src/backends/reference/kernels/RightShift';
import { bucketize } from '../src/backends/reference/kernels/Bucketize';
import { complexAbs } from '../src/backends/reference/kernels/ComplexAbs';
import { real } from '../src/backends/reference/kernels/Real';
import { imag } from '../src/backends/reference/kernels/Imag';
import { fakeQuant } from '../src/backends/reference/kernels/FakeQuant';
import { bitcast } from '../src/backends/reference/kernels/Bitcast';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number>, Number);

describe('bitwise, bucketize, complex parts, fake quant, bitcast', () => {
  it('BITWISE_XOR and RIGHT_SHIFT (arithmetic for signed, logical for unsigned, clamped shifts)', () => {
    expect(vals(runKernel(bitwiseXor, [tensor('i32', [3], [5, -1, 0]), tensor('i32', [1], [3])])[0]!)).toEqual([6, -4, 3]);
    expect(vals(runKernel(rightShift, [tensor('i8', [3], [-128, 64, -1]), tensor('i8', [3], [1, 3, 100])])[0]!)).toEqual([-64, 8, -1]);
    expect(vals(runKernel(rightShift, [tensor('u32', [2], [0x80000000, 7]), tensor('u32', [2], [31, 1])])[0]!)).toEqual([1, 3]);
  });

  it('BUCKETIZE counts boundaries ≤ x', () => {
    const [y] = runKernel(bucketize, [tensor('f32', [6], [-5, 0, 0.5, 10, 11, 100])], { attrs: { boundaries: [0, 10, 100] }, outputs: [{ dtype: 'i32' }] });
    expect(vals(y!)).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('COMPLEX_ABS, REAL, IMAG', () => {
    const z = tensor('complex64', [2], [3, 4, -1, 0]);
    expect(vals(runKernel(complexAbs, [z], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([5, 1]);
    expect(vals(runKernel(real, [z], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([3, -1]);
    expect(vals(runKernel(imag, [z], { outputs: [{ dtype: 'f32' }] })[0]!)).toEqual([4, 0]);
  });

  it('FAKE_QUANT nudges the range so zero is exact and snaps values to the grid', () => {
    // [−1, 2] with 8 bits: scale 3/255, zero point 85 → nudged range [−1, 2]
    const [y] = runKernel(fakeQuant, [tensor('f32', [5], [-3, 0, 0.01, 1.5, 7])], { attrs: { min: -1, max: 2, numBits: 8, narrowRange: false } });
    const s = Math.fround(3 / 255);
    const got = vals(y!);
    expect(got[0]).toBeCloseTo(-1, 6);
    expect(got[1]).toBe(0);
    expect(got[2]).toBeCloseTo(s, 6);
    expect(Math.abs(got[3]! - 1.5)).toBeLessThanOrEqual(s / 2 + 1e-6); // a tie, rounded away from zero
    expect(got[4]).toBeCloseTo(2, 6);
  });

  it('BITCAST reinterprets bytes and adjusts the last dimension', () => {
    const [u] = runKernel(bitcast, [tensor('f32', [2], [1, -2])], { outputs: [{ dtype: 'i32' }] });
    expect(vals(u!)).toEqual([0x3f800000, -0x40000000]);
    const [b] = runKernel(bitcast, [tensor('i32', [1], [0x01020304])], { outputs: [{ dtype: 'u8' }] });
    expect(b!.shape).toEqual([1, 4]);
    expect(vals(b!)).toEqual([4, 3, 2, 1]);
    const [w] = runKernel(bitcast, [tensor('u8', [1, 2], [1, 2])], { outputs: [{ dtype: 'i16' }] });
    expect(w!.shape).toEqual([1]);
    expect(vals(w!)).toEqual([0x0201]);
  });
});
