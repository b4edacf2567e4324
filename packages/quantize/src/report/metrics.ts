// Streaming error statistics between a reference (float) tensor and its quantized counterpart.
import type { Tensor } from '@liteml/runtime';
import { dequantizeArray } from '../util/numeric';
import type { TensorErrorMetrics } from './types';

export class ErrorAccumulator {
  private n = 0;
  private sumSqErr = 0;
  private sumSqRef = 0;
  private sumSqTest = 0;
  private dot = 0;
  private maxAbs = 0;

  add(ref: ArrayLike<number>, test: ArrayLike<number>): void {
    for (let i = 0; i < ref.length; i++) {
      const r = ref[i]!, t = test[i]!;
      const d = t - r;
      this.sumSqErr += d * d;
      this.sumSqRef += r * r;
      this.sumSqTest += t * t;
      this.dot += r * t;
      const a = Math.abs(d);
      if (a > this.maxAbs || Number.isNaN(a)) this.maxAbs = a;
    }
    this.n += ref.length;
  }

  get count(): number {
    return this.n;
  }

  metrics(): TensorErrorMetrics {
    const mse = this.n ? this.sumSqErr / this.n : 0;
    const snrDb = this.sumSqErr === 0 ? Infinity : this.sumSqRef === 0 ? -Infinity : 10 * Math.log10(this.sumSqRef / this.sumSqErr);
    const denom = Math.sqrt(this.sumSqRef * this.sumSqTest);
    const cosine = denom > 0 ? this.dot / denom : this.sumSqRef === this.sumSqTest ? 1 : 0;
    return { mse, maxAbsError: this.maxAbs, snrDb, cosine };
  }
}

/** Real values of a runtime tensor (dequantized when it is an integer tensor with parameters). */
export function realValues(t: Tensor): Float32Array | undefined {
  const d = t.data;
  if (d instanceof Float32Array) return d;
  if (d instanceof Float64Array) return Float32Array.from(d);
  if (t.quant && (d instanceof Int8Array || d instanceof Uint8Array || d instanceof Int16Array || d instanceof Int32Array)) {
    return dequantizeArray(d, t.shape, t.quant);
  }
  if (t.dtype === 'f16' && d instanceof Uint16Array) return undefined;
  return undefined;
}

/** Rows (over the last axis) whose argmax agrees, and the number of rows. */
export function argmaxAgreement(ref: ArrayLike<number>, test: ArrayLike<number>, shape: readonly number[]): [agree: number, rows: number] {
  const last = shape.length ? shape[shape.length - 1]! : 1;
  if (last <= 1) return [0, 0];
  const rows = Math.floor(ref.length / last);
  let agree = 0;
  for (let r = 0; r < rows; r++) {
    let bi = 0, bt = 0;
    for (let i = 1; i < last; i++) {
      if (ref[r * last + i]! > ref[r * last + bi]!) bi = i;
      if (test[r * last + i]! > test[r * last + bt]!) bt = i;
    }
    if (bi === bt) agree++;
  }
  return [agree, rows];
}
