// RANDOM_UNIFORM / RANDOM_STANDARD_NORMAL: Philox 4x32-10 checked against the Random123
// known-answer vector, and the kernels' TensorFlow seeding, streaming and distributions.
import { describe, expect, it } from 'vitest';
import { coreKernels } from '../src/backends/reference/core-kernels';
import { Philox, uint32ToFloat } from '../src/backends/reference/kernels/philox';
import type { KernelConfig, Tensor } from '../src/kernel';
import { runKernel, tensor } from './helpers/run-kernel';

const k = (op: string): KernelConfig => coreKernels.find((c) => c.op === op)!;
const vals = (t: Tensor) => Array.from(t.data as Float32Array);
const F32 = [{ dtype: 'f32' as const }];
const shape = (dims: number[]) => tensor('i32', [dims.length], dims);

describe('Philox 4x32-10', () => {
  it('matches the published known-answer vector for counter 0, key 0', () => {
    expect(Array.from(new Philox(0, 0).next())).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
  });
  it('seed fills the key, seed2 the high counter words, and the counter advances per block', () => {
    const a = new Philox(5n, 7n);
    const first = Array.from(a.next());
    expect(Array.from(a.next())).not.toEqual(first);
    expect(Array.from(new Philox(5, 7).next())).toEqual(first);
    expect(Array.from(new Philox(5, 8).next())).not.toEqual(first);
    expect(Array.from(new Philox(-1, 0).next())).toEqual(Array.from(new Philox(2n ** 64n - 1n, 0).next()));
  });
  it('Uint32ToFloat keeps the 23 low bits as the mantissa of [1, 2) minus 1', () => {
    expect(uint32ToFloat(0)).toBe(0);
    expect(uint32ToFloat(0xff800000)).toBe(0);
    expect(uint32ToFloat(0x7fffff)).toBe(1 - 2 ** -23);
    expect(uint32ToFloat(0x400000)).toBe(0.5);
  });
});

describe('random kernels', () => {
  it('RANDOM_UNIFORM draws Philox(seed, seed2) words as floats, continuing the stream on each run', () => {
    const attrs = { seed: 87654321, seed2: 42 };
    const rng = new Philox(87654321, 42);
    const words = [...rng.next(), ...rng.next(), ...rng.next()];
    const [once] = runKernel(k('tfl.RANDOM_UNIFORM'), [shape([2, 3])], { attrs, outputs: F32 });
    expect(once!.shape).toEqual([2, 3]);
    expect(vals(once!)).toEqual(words.slice(0, 6).map(uint32ToFloat));
    // a second run starts at the next block (6 values used 2 blocks)
    const [twice] = runKernel(k('tfl.RANDOM_UNIFORM'), [shape([2, 2])], { attrs, runs: 2, outputs: F32 });
    expect(vals(twice!)).toEqual(words.slice(4, 8).map(uint32ToFloat));
  });
  it('RANDOM_UNIFORM with seed = seed2 = 0 is nondeterministic; samples stay in [0, 1) with mean 1/2', () => {
    const a = vals(runKernel(k('tfl.RANDOM_UNIFORM'), [shape([4096])], { outputs: F32 })[0]!);
    const b = vals(runKernel(k('tfl.RANDOM_UNIFORM'), [shape([4096])], { outputs: F32 })[0]!);
    expect(a).not.toEqual(b);
    expect(a.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Math.abs(a.reduce((s, v) => s + v, 0) / a.length - 0.5)).toBeLessThan(0.02);
  });
  it('RANDOM_STANDARD_NORMAL applies Box-Muller to word pairs; mean 0 and variance 1', () => {
    const [t] = runKernel(k('tfl.RANDOM_STANDARD_NORMAL'), [shape([8192])], { attrs: { seed: 3, seed2: 9 }, outputs: F32 });
    const v = vals(t!);
    const w = new Philox(3, 9).next();
    const r = Math.sqrt(-2 * Math.log(uint32ToFloat(w[0]!)));
    const theta = 2 * Math.PI * uint32ToFloat(w[1]!);
    expect(v[0]).toBeCloseTo(r * Math.sin(theta), 5);
    expect(v[1]).toBeCloseTo(r * Math.cos(theta), 5);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(v.filter((x) => Math.abs(x) > 3).length / v.length).toBeLessThan(0.01);
  });
});
