// Sliding-window shape rules for TF ops (any data_format, SAME/VALID/EXPLICIT padding).
import type { InferArgs } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrInts, attrStr, fmt, isKnownDim } from '../infer/util';
import { explicitOut, windowOut } from '../infer/window';

/** Positions of batch, channel and spatial dims for a data_format ('NHWC', 'NCHW', 'NDHWC' …). */
export function layout(format: string, rank: number): { n: number; c: number; spatial: number[] } {
  if (format.length !== rank) shapeMismatch(`data_format ${format} does not match rank ${rank}`);
  const channelsLast = format.endsWith('C');
  const spatial = Array.from({ length: rank - 2 }, (_, i) => (channelsLast ? i + 1 : i + 2));
  return { n: 0, c: channelsLast ? rank - 1 : 1, spatial };
}

/**
 * Output dims of a window op over `x`: kernel sizes per spatial dim; strides/dilations are the
 * full-rank TF attributes (in data_format order).
 */
export function tfWindow(a: InferArgs, x: readonly Dim[], kernel: readonly Dim[], dilated: boolean): Dim[] {
  const format = attrStr(a, 'data_format', x.length === 5 ? 'NDHWC' : 'NHWC');
  const { spatial } = layout(format, x.length);
  const strides = attrInts(a, 'strides') ?? [];
  const dil = (dilated ? attrInts(a, 'dilations') : undefined) ?? [];
  if (strides.length !== x.length) invalidAttr(`strides [${strides.join(',')}] must have ${x.length} entries for input ${fmt(x)}`);
  const pad = attrStr(a, 'padding', 'VALID');
  const explicit = attrInts(a, 'explicit_paddings') ?? [];
  const out = x.slice();
  spatial.forEach((d, i) => {
    const k = kernel[i] ?? -1;
    const s = strides[d] ?? 1;
    const r = dil[d] ?? 1;
    if (pad === 'EXPLICIT') {
      if (explicit.length !== 2 * x.length) invalidAttr(`explicit_paddings must have ${2 * x.length} entries`);
      out[d] = isKnownDim(x[d]!) ? explicitOut(x[d]!, k, s, r, explicit[2 * d]!, explicit[2 * d + 1]!) : -1;
    } else {
      out[d] = windowOut(x[d]!, k, s, r, pad);
    }
  });
  return out;
}
