// Output sizes of sliding-window ops (conv, pool) and their transposes, TFLite's rules.
import type { InferArgs } from '../define';
import type { Dim } from '../ir';
import { invalidAttr, shapeMismatch } from '../errors';
import { attrInt, attrStr, isKnownDim } from './util';

/**
 * Output size of a window of size `k` (dilated by `dilation`) sliding by `stride` over `size`:
 * SAME = ceil(size / stride), VALID = floor((size - effective_k) / stride) + 1.
 */
export function windowOut(size: Dim, k: Dim, stride: number, dilation: number, padding: string): Dim {
  if (!(stride >= 1)) invalidAttr(`stride must be >= 1, got ${stride}`);
  if (!(dilation >= 1)) invalidAttr(`dilation must be >= 1, got ${dilation}`);
  if (padding === 'SAME') {
    if (isKnownDim(size)) return Math.ceil(size / stride);
    return stride === 1 ? size : -1;
  }
  if (padding !== 'VALID') invalidAttr(`padding must be SAME or VALID, got ${padding}`);
  if (!isKnownDim(size) || !isKnownDim(k)) return -1;
  const eff = (k - 1) * dilation + 1;
  if (size < eff) shapeMismatch(`window of ${eff} (kernel ${k}, dilation ${dilation}) is larger than the input size ${size} with VALID padding`);
  return Math.floor((size - eff) / stride) + 1;
}

/** Output size with explicit padding (TF 'EXPLICIT', StableHLO): floor((size + lo + hi - eff) / stride) + 1. */
export function explicitOut(size: Dim, k: Dim, stride: number, dilation: number, lo: number, hi: number): Dim {
  if (!isKnownDim(size) || !isKnownDim(k)) return -1;
  const eff = (k - 1) * dilation + 1;
  const padded = size + lo + hi;
  if (padded < eff) shapeMismatch(`window of ${eff} is larger than the padded input size ${padded}`);
  return Math.floor((padded - eff) / stride) + 1;
}

/** Spatial output dims [oh, ow] of a TFLite 2-D window op (strideH/W, dilationH/WFactor, padding attrs) over NHWC `x`. */
export function spatial2d(a: InferArgs, x: readonly Dim[], kh: Dim, kw: Dim, dilated = true): [Dim, Dim] {
  const pad = attrStr(a, 'padding', 'SAME');
  const dh = dilated ? attrInt(a, 'dilationHFactor', 1) : 1;
  const dw = dilated ? attrInt(a, 'dilationWFactor', 1) : 1;
  return [
    windowOut(x[1]!, kh, attrInt(a, 'strideH', 1), dh, pad),
    windowOut(x[2]!, kw, attrInt(a, 'strideW', 1), dw, pad),
  ];
}
