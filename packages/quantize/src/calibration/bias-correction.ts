// Empirical bias correction: quantizing weights shifts each output channel's mean by
// (W_q - W) · E[x]; subtracting that shift from the bias removes the systematic part of the
// weight error (Nagel et al., "Data-Free Quantization", 2019). E[x] per input channel comes
// from the calibration run.

/** Running per-channel (last axis) means of one tensor. */
export class ChannelMean {
  private sum: Float64Array | undefined;
  private rows = 0;

  observe(data: ArrayLike<number>, channels: number): void {
    if (channels <= 0 || data.length % channels !== 0) return;
    if (!this.sum) this.sum = new Float64Array(channels);
    if (this.sum.length !== channels) return;
    const s = this.sum;
    for (let i = 0; i < data.length; i++) s[i % channels] += data[i]!;
    this.rows += data.length / channels;
  }

  means(): Float64Array | undefined {
    if (!this.sum || this.rows === 0) return undefined;
    return this.sum.map((v) => v / this.rows);
  }
}

/**
 * The shift of every output channel caused by replacing `w` with `wq` (both float, TFLite
 * layout) for an input with per-channel means `mean`; undefined where the layout does not match.
 */
export function outputShift(op: string, w: Float32Array, wq: Float32Array, shape: readonly number[], mean: Float64Array): Float64Array | undefined {
  if (op === 'tfl.FULLY_CONNECTED' && shape.length === 2) {
    const [m, k] = shape as [number, number];
    if (mean.length !== k) return undefined;
    const out = new Float64Array(m);
    for (let r = 0; r < m; r++) for (let j = 0; j < k; j++) out[r]! += (wq[r * k + j]! - w[r * k + j]!) * mean[j]!;
    return out;
  }
  if (op === 'tfl.CONV_2D' && shape.length === 4) {
    const [cout, kh, kw, fc] = shape as [number, number, number, number];
    const cin = mean.length;
    if (fc <= 0 || cin % fc !== 0) return undefined;
    const groups = cin / fc;
    if (cout % groups !== 0) return undefined;
    const perGroup = cout / groups;
    const out = new Float64Array(cout);
    for (let oc = 0; oc < cout; oc++) {
      const ic0 = Math.floor(oc / perGroup) * fc;
      let s = 0;
      for (let t = 0; t < kh * kw; t++) {
        for (let i = 0; i < fc; i++) {
          const idx = (oc * kh * kw + t) * fc + i;
          s += (wq[idx]! - w[idx]!) * mean[ic0 + i]!;
        }
      }
      out[oc] = s;
    }
    return out;
  }
  if (op === 'tfl.DEPTHWISE_CONV_2D' && shape.length === 4) {
    const [, kh, kw, cout] = shape as [number, number, number, number];
    const cin = mean.length;
    if (cin === 0 || cout % cin !== 0) return undefined;
    const mult = cout / cin;
    const out = new Float64Array(cout);
    for (let t = 0; t < kh * kw; t++) {
      for (let c = 0; c < cout; c++) {
        const idx = t * cout + c;
        out[c]! += (wq[idx]! - w[idx]!) * mean[Math.floor(c / mult)]!;
      }
    }
    return out;
  }
  return undefined;
}
