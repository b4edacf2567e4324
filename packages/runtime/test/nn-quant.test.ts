// The integer helpers of the NN kernels against exact BigInt / float references.
import { describe, expect, it } from 'vitest';
import {
  activationRangeQuantized, asymmetricQuantizeFloats, requantizeFp32, setRequantization, invSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplier64, quantizeMultiplier, saturatingRoundingDoublingHighMul, symmetricQuantizeFloats,
} from '../src/backends/reference/kernels/nn-quant-utils';
import { logisticQ16, tanhQ16 } from '../src/backends/reference/kernels/fixed-point16';
import { conv2d } from '../src/backends/reference/kernels/Conv2D';
import { runKernel, tensor } from './helpers/run-kernel';

let seed = 42;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const randInt32 = (): number => (Math.floor(rand() * 2 ** 32) - 2 ** 31) | 0;

// gemmlowp, in BigInt: nudge by ±2^30, truncating division by 2^31.
function srdhmRef(a: number, b: number): number {
  if (a === b && a === -(2 ** 31)) return 2 ** 31 - 1;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((ab + nudge) / (1n << 31n));
}
function rdbpotRef(x: bigint, e: number): bigint {
  const d = 1n << BigInt(e);
  const q = x >= 0n ? x / d : -((-x) / d) - ((-x) % d === 0n ? 0n : 1n); // floor
  const r = x - q * d;
  const threshold = (d - 1n) / 2n + (x < 0n ? 1n : 0n);
  return q + (r > threshold ? 1n : 0n);
}
function mbqmRef(x: number, m: number, shift: number): number {
  const left = shift > 0 ? shift : 0;
  const xs = Number(BigInt.asIntN(32, BigInt(x) << BigInt(left)));
  return Number(rdbpotRef(BigInt(srdhmRef(xs, m)), shift > 0 ? 0 : -shift));
}
function mbqm64Ref(x: bigint, m: number, shift: number): number {
  const reduced = m < 0x7fff0000 ? (m + (1 << 15)) >> 16 : 0x7fff;
  const total = BigInt(15 - shift);
  return Number(BigInt.asIntN(32, (x * BigInt(reduced) + (1n << (total - 1n))) >> total));
}

describe('NN integer helpers', () => {
  it('SaturatingRoundingDoublingHighMul matches the 64-bit reference', () => {
    const edge = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 1 << 30, -(1 << 30), 12345, -98765];
    for (const a of edge) for (const b of edge) expect(saturatingRoundingDoublingHighMul(a, b)).toBe(srdhmRef(a, b));
    for (let i = 0; i < 20000; i++) {
      const a = randInt32();
      const b = randInt32();
      expect(saturatingRoundingDoublingHighMul(a, b)).toBe(srdhmRef(a, b));
    }
  });

  it('MultiplyByQuantizedMultiplier (32- and 64-bit accumulators) match BigInt', () => {
    for (let i = 0; i < 20000; i++) {
      const [m, shift] = quantizeMultiplier(rand() * 2 ** (rand() * 20 - 16));
      const x = (Math.floor(rand() * 2 ** 24) - 2 ** 23) | 0;
      expect(multiplyByQuantizedMultiplier(x, m, shift)).toBe(mbqmRef(x, m, shift));
      const x64 = Math.floor(rand() * 2 ** 46) - 2 ** 45;
      const s64 = Math.min(shift, 7);
      expect(multiplyByQuantizedMultiplier64(x64, m, s64)).toBe(mbqm64Ref(BigInt(x64), m, s64));
    }
  });

  it('QuantizeMultiplier reproduces the real multiplier', () => {
    for (const v of [1, 0.5, 0.75, 1e-3, 3.999, 123.456, 2 ** -20]) {
      const [m, s] = quantizeMultiplier(v);
      expect(m).toBeGreaterThanOrEqual(2 ** 30);
      expect(m).toBeLessThan(2 ** 31);
      expect(Math.abs((m * 2 ** (s - 31)) / v - 1)).toBeLessThan(1e-9);
    }
    expect(quantizeMultiplier(0)).toEqual([0, 0]);
  });

  it('activation ranges follow CalculateActivationRangeQuantized', () => {
    expect(activationRangeQuantized('NONE', 'i8', 0.1, 3)).toEqual([-128, 127]);
    expect(activationRangeQuantized('RELU', 'i8', 0.1, 3)).toEqual([3, 127]);
    expect(activationRangeQuantized('RELU6', 'i8', 0.1, -10)).toEqual([-10, 50]);
    expect(activationRangeQuantized('RELU_N1_TO_1', 'u8', 0.01, 128)).toEqual([28, 228]);
    expect(activationRangeQuantized('RELU6', 'i16', 6 / 32767, 0)).toEqual([0, 32767]);
  });

  it('hybrid input quantization (symmetric / asymmetric) round-trips within half a step', () => {
    const v = Float32Array.from({ length: 50 }, () => rand() * 6 - 2);
    const q = new Int8Array(50);
    const sf = symmetricQuantizeFloats(v, 0, 50, q);
    for (let i = 0; i < 50; i++) expect(Math.abs(q[i]! * sf - v[i]!)).toBeLessThanOrEqual(sf / 2 + 1e-6);
    expect(Math.max(...Array.from(q, Math.abs))).toBe(127);
    const [s2, zp] = asymmetricQuantizeFloats(v, 0, 50, q);
    for (let i = 0; i < 50; i++) expect(Math.abs((q[i]! - zp) * s2 - v[i]!)).toBeLessThanOrEqual(s2 / 2 + 1e-6);
    expect(symmetricQuantizeFloats(new Float32Array(4), 0, 4, q)).toBe(1);
  });

  it('inverse square root multiplier approximates 1/sqrt(x)', () => {
    for (const x of [2, 3, 100, 12345, 1 << 20, 123456789, 2 ** 30]) {
      const [m, shift] = invSqrtQuantizedMultiplierExp(x, -1);
      // m · 2^(shift − 31) ≈ 1 / sqrt(x) (shift returned as a left shift)
      const v = m * 2 ** (shift - 31);
      expect(Math.abs(v * Math.sqrt(x) - 1)).toBeLessThan(2e-3);
    }
  });

  it('int16 fixed-point logistic and tanh track the float functions', () => {
    for (let raw = -32768; raw <= 32767; raw += 37) {
      const x = raw / 4096; // Q3.12
      expect(Math.abs(logisticQ16(raw, 3) / 32768 - 1 / (1 + Math.exp(-x)))).toBeLessThan(3e-4);
      expect(Math.abs(tanhQ16(raw, 3) / 32768 - Math.tanh(x))).toBeLessThan(5e-4);
      expect(Math.abs(tanhQ16(raw, 4) / 32768 - Math.tanh(raw / 2048))).toBeLessThan(5e-4);
    }
    expect(logisticQ16(0, 3)).toBe(16384);
    expect(tanhQ16(0, 3)).toBe(0);
  });

  it('XNNPACK requantization rounds half to even in float32; the TFLite fixed point rounds half up', () => {
    expect(requantizeFp32(5, 0.5)).toBe(2);
    expect(requantizeFp32(7, 0.5)).toBe(4);
    expect(requantizeFp32(-5, 0.5)).toBe(-2);
    const [m, s] = quantizeMultiplier(0.5);
    expect(multiplyByQuantizedMultiplier(5, m, s)).toBe(3);
    expect(multiplyByQuantizedMultiplier(-5, m, s)).toBe(-2);
    // A 1x1 conv whose exact result is 2.5 steps: 3 in TFLite mode, 2 in XNNPACK mode.
    const run = (): number => {
      const [y] = runKernel(conv2d, [tensor('i8', [1, 1, 1, 1], [5], { scale: [1], zeroPoint: [0] }), tensor('i8', [1, 1, 1, 1], [1], { scale: [0.5], zeroPoint: [0] })], {
        attrs: { padding: 'VALID' }, outputs: [{ dtype: 'i8', quant: { scale: [1], zeroPoint: [0] } }],
      });
      return (y!.data as Int8Array)[0]!;
    };
    expect(run()).toBe(3);
    setRequantization('xnnpack');
    try {
      expect(run()).toBe(2);
    } finally {
      setRequantization('tflite');
    }
  });
});
