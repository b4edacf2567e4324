// Range observers: they see every calibration batch of one tensor and pick the range to quantize.
//  minmax      the full observed range (TFLite's calibrator)
//  percentile  clips outliers at the given percentile of |values| on each side
//  mse         the clipping range that minimizes the int8 quantization error over the samples
import type { ObserverKind } from '../types';

const RESERVOIR = 1 << 15;

export class RangeObserver {
  min = Infinity;
  max = -Infinity;
  private seen = 0;
  private readonly sample: Float32Array | undefined;
  private filled = 0;
  private rng = 0x9e3779b9;

  constructor(readonly kind: ObserverKind, private readonly percentile = 99.99) {
    this.sample = kind === 'minmax' ? undefined : new Float32Array(RESERVOIR);
  }

  observe(data: ArrayLike<number>): void {
    let lo = this.min, hi = this.max;
    for (let i = 0; i < data.length; i++) {
      const x = data[i]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    this.min = lo;
    this.max = hi;
    const s = this.sample;
    if (!s) return;
    for (let i = 0; i < data.length; i++) {
      this.seen++;
      if (this.filled < s.length) s[this.filled++] = data[i]!;
      else {
        const j = this.nextInt(this.seen);
        if (j < s.length) s[j] = data[i]!;
      }
    }
  }

  /** The range to quantize ([min, max] for minmax). */
  range(levels = 256): [number, number] {
    if (this.min > this.max) return [0, 0];
    if (this.kind === 'minmax' || this.filled === 0) return [this.min, this.max];
    const values = this.sample!.slice(0, this.filled).sort();
    if (this.kind === 'percentile') {
      const p = Math.min(100, Math.max(50, this.percentile)) / 100;
      const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))]!;
      return [Math.max(this.min, at(1 - p)), Math.min(this.max, at(p))];
    }
    return mseRange(values, this.min, this.max, levels);
  }

  private nextInt(bound: number): number {
    // xorshift32: deterministic reservoir sampling
    let x = this.rng;
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    this.rng = x;
    return x % bound;
  }
}

/** Searches shrink factors of [min, max] for the smallest quantize-dequantize error. */
function mseRange(values: Float32Array, min: number, max: number, levels: number): [number, number] {
  let best: [number, number] = [min, max];
  let bestErr = Infinity;
  const lo0 = Math.min(min, 0), hi0 = Math.max(max, 0);
  for (let k = 0; k < 60; k++) {
    const f = 1 - k * 0.015; // 100 % … 11.5 % of the observed range
    const lo = lo0 * f, hi = hi0 * f;
    const scale = (hi - lo) / (levels - 1);
    if (!(scale > 0)) break;
    const zp = Math.round(-lo / scale);
    let err = 0;
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      let q = Math.round(x / scale) + zp;
      q = q < 0 ? 0 : q > levels - 1 ? levels - 1 : q;
      const d = (q - zp) * scale - x;
      err += d * d;
    }
    if (err < bestErr) { bestErr = err; best = [lo, hi]; }
  }
  return best;
}
