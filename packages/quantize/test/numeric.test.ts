// Number formats and observers on known values.
import { describe, expect, it } from 'vitest';
import { RangeObserver } from '../src/calibration/observers';
import { outputShift } from '../src/calibration/bias-correction';
import { affineParams, coveringParams, dequantizeArray, float16BitsToNumber, quantizeArray, symmetricParams, toFloat16Bits } from '../src/util/numeric';
import { quantizeBias, quantizeWeights } from '../src/util/weights';

describe('float16', () => {
  it('encodes IEEE binary16 with round-to-nearest-even', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00);
    expect(toFloat16Bits(-2)).toBe(0xc000);
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(65520)).toBe(0x7c00); // rounds up to infinity
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001); // smallest subnormal
    expect(toFloat16Bits(2 ** -26)).toBe(0x0000);
    expect(toFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie to even
    expect(toFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(toFloat16Bits(NaN) & 0x7c00).toBe(0x7c00);
    for (const x of [0.1, -3.14159, 1e-3, 1234.5]) expect(Math.abs(float16BitsToNumber(toFloat16Bits(x)) - x)).toBeLessThanOrEqual(Math.abs(x) * 2 ** -11);
  });
});

describe('quantization parameters', () => {
  it('affine int8 covers the range and represents 0 exactly', () => {
    const p = affineParams(-1, 3, 'i8');
    expect(p.scale[0]).toBeCloseTo(4 / 255, 12);
    expect(p.zeroPoint[0]).toBe(-128 + 64);
    const q = quantizeArray([0, -1, 3, 10], p.scale[0]!, p.zeroPoint[0]!, 'i8');
    expect(Array.from(q)).toEqual([-64, -128, 127, 127]);
    expect(affineParams(0, 6, 'i8').zeroPoint[0]).toBe(-128);
    expect(affineParams(2, 6, 'i8').zeroPoint[0]).toBe(-128); // the range is widened to include 0
  });

  it('covering int8 parameters never clip the observed range where rounding the zero point would', () => {
    // [-1, 1]: the zero point from min is -0.5; either rounding clips one end by half a step.
    const nudged = affineParams(-1, 1, 'i8');
    const ends = (p: { scale: number[]; zeroPoint: number[] }) => [(-128 - p.zeroPoint[0]!) * p.scale[0]!, (127 - p.zeroPoint[0]!) * p.scale[0]!];
    const [nlo, nhi] = ends(nudged);
    expect(nlo > -1 || nhi < 1).toBe(true);
    const c = coveringParams(-1, 1, 'i8');
    const [lo, hi] = ends(c);
    expect(lo).toBeLessThanOrEqual(-1);
    expect(hi).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(c.scale[0]).toBeCloseTo(1 / 127, 12);
    expect(Number.isInteger(c.zeroPoint[0])).toBe(true);
    // 8-bit pixels mapped to [-1, 1] no longer all land halfway between two levels.
    const px = Float32Array.from({ length: 256 }, (_, p) => (p - 127.5) / 127.5);
    const worst = (p: { scale: number[]; zeroPoint: number[] }) => Math.max(...dequantizeArray(
      quantizeArray(px, p.scale[0]!, p.zeroPoint[0]!, 'i8'), [256], p).map((v, i) => Math.abs(v - px[i]!)));
    expect(worst(nudged)).toBeCloseTo(1 / 255, 6);
    expect(worst(c)).toBeLessThan(0.5 / 127 + 1e-9);
    const rms = (p: { scale: number[]; zeroPoint: number[] }) => Math.sqrt(dequantizeArray(
      quantizeArray(px, p.scale[0]!, p.zeroPoint[0]!, 'i8'), [256], p).reduce((s, v, i) => s + (v - px[i]!) ** 2, 0) / 256);
    expect(rms(c)).toBeLessThan(rms(nudged) * 0.75);
    // Where the nudged grid already covers the range (0 at an end), it is kept as is.
    expect(coveringParams(0, 6, 'i8')).toEqual(affineParams(0, 6, 'i8'));
    // [-1, 3]: the nudged grid ends at 2.996; the covering one reaches 3 with a scale < 1 % larger.
    const [, nudgedHi] = ends(affineParams(-1, 3, 'i8'));
    const wide = coveringParams(-1, 3, 'i8');
    expect(nudgedHi).toBeLessThan(3);
    expect(ends(wide)[0]).toBeLessThanOrEqual(-1);
    expect(ends(wide)[1]).toBeGreaterThanOrEqual(3 - 1e-12);
    expect(wide.scale[0]! / (4 / 255)).toBeLessThan(1.01);
  });

  it('symmetric int16 has zero point 0', () => {
    const p = symmetricParams(-2, 1, 'i16');
    expect(p.zeroPoint[0]).toBe(0);
    expect(p.scale[0]).toBeCloseTo(2 / 32767, 12);
  });

  it('per-channel symmetric weights and the matching bias', () => {
    // shape [2, 3]: channel 0 max 2, channel 1 max 0.5
    const w = new Float32Array([2, -1, 0.5, 0.5, -0.25, 0]);
    const r = quantizeWeights(w, [2, 3], 0);
    expect(r.quant.scale.map((s) => s * 127)).toEqual([expect.closeTo(2, 6), expect.closeTo(0.5, 6)]);
    expect(Array.from(r.q)).toEqual([127, -64, 32, 127, -64, 0]);
    const back = dequantizeArray(r.q, [2, 3], r.quant);
    for (let i = 0; i < w.length; i++) expect(Math.abs(back[i]! - w[i]!)).toBeLessThanOrEqual(r.quant.scale[i < 3 ? 0 : 1]! / 2 + 1e-7);
    const b = quantizeBias(new Float32Array([1, -1]), 0.5, r.quant.scale, 'i32');
    expect(Array.from(b.data as Int32Array)).toEqual([Math.round(1 / (0.5 * r.quant.scale[0]!)), -Math.round(1 / (0.5 * r.quant.scale[1]!))]);
    const t = quantizeWeights(w, [2, 3], undefined);
    expect(t.quant.scale.length).toBe(1);
    expect(t.quant.axis).toBeUndefined();
  });

  it('bias correction: the shift of a fully-connected layer is ΔW · E[x]', () => {
    const w = new Float32Array([1, 2, 3, 4]);
    const wq = new Float32Array([1.5, 2, 3, 3]);
    const shift = outputShift('tfl.FULLY_CONNECTED', w, wq, [2, 2], new Float64Array([2, 10]))!;
    expect(Array.from(shift)).toEqual([1, -10]);
  });
});

describe('observers', () => {
  const data = Float32Array.from({ length: 10000 }, (_, i) => (i === 0 ? 100 : Math.sin(i)));
  it('minmax sees everything', () => {
    const o = new RangeObserver('minmax');
    o.observe(data);
    expect(o.range()).toEqual([expect.closeTo(-1, 3), 100]);
  });
  it('percentile clips the outlier', () => {
    const o = new RangeObserver('percentile', 99.9);
    o.observe(data);
    const [lo, hi] = o.range();
    expect(hi).toBeLessThan(1.01);
    expect(hi).toBeGreaterThan(0.9);
    expect(lo).toBeLessThan(-0.9);
  });
  it('mse picks a range inside min/max with no more int8 error than min/max', () => {
    const tail = Float32Array.from({ length: 10000 }, (_, i) => Math.sin(i) * (i % 10 === 0 ? 8 : 1));
    const err = (x: Float32Array, [lo, hi]: [number, number]) => {
      const p = affineParams(lo, hi, 'i8');
      const back = dequantizeArray(quantizeArray(x, p.scale[0]!, p.zeroPoint[0]!, 'i8'), [x.length], p);
      return back.reduce((s, v, i) => s + (v - x[i]!) ** 2, 0);
    };
    for (const x of [data, tail]) {
      const mse = new RangeObserver('mse'), mm = new RangeObserver('minmax');
      mse.observe(x);
      mm.observe(x);
      expect(err(x, mse.range())).toBeLessThanOrEqual(err(x, mm.range()) * 1.001);
    }
    const o = new RangeObserver('mse');
    o.observe(tail);
    const [lo, hi] = o.range();
    expect(lo).toBeGreaterThanOrEqual(Math.min(...tail));
    expect(hi).toBeLessThanOrEqual(Math.max(...tail));
  });
});
