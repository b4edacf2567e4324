// Output shape of a strided slice with TensorFlow's masks (begin, end, ellipsis, new-axis,
// shrink-axis) and TFLite's `offset` (end = begin + end).
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { fmt, isKnownDim } from './util';

export interface StridedSliceSpec {
  begin: readonly number[] | undefined;
  end: readonly number[] | undefined;
  strides: readonly number[] | undefined;
  /** Number of entries in begin/end/strides (when the values are unknown). */
  length: number;
  beginMask: number;
  endMask: number;
  ellipsisMask: number;
  newAxisMask: number;
  shrinkAxisMask: number;
  offset?: boolean;
}

const bit = (mask: number, i: number) => ((mask >>> i) & 1) === 1;

/** The result shape; -1 where a bound is not a known constant. */
export function stridedSliceShape(input: readonly Dim[], s: StridedSliceSpec): Dim[] {
  const n = s.length;
  // Expand the sparse spec (ellipsis, new axes) into one entry per input dim.
  type Entry = { kind: 'dim'; i: number; in: number } | { kind: 'new' } | { kind: 'full'; in: number };
  const entries: Entry[] = [];
  let inDim = 0;
  let sawEllipsis = false;
  for (let i = 0; i < n; i++) {
    if (bit(s.ellipsisMask, i)) {
      if (sawEllipsis) shapeMismatch('strided slice: more than one ellipsis');
      sawEllipsis = true;
      let after = 0;
      for (let j = i + 1; j < n; j++) if (!bit(s.newAxisMask, j)) after++;
      const cover = input.length - inDim - after;
      for (let k = 0; k < cover; k++) entries.push({ kind: 'full', in: inDim++ });
    } else if (bit(s.newAxisMask, i)) {
      entries.push({ kind: 'new' });
    } else {
      entries.push({ kind: 'dim', i, in: inDim++ });
    }
  }
  if (inDim > input.length) {
    shapeMismatch(`strided slice has ${inDim} indexed dims but the input ${fmt(input)} has rank ${input.length}`);
  }
  while (inDim < input.length) entries.push({ kind: 'full', in: inDim++ });

  const out: Dim[] = [];
  for (const e of entries) {
    if (e.kind === 'new') { out.push(1); continue; }
    const size = input[e.in]!;
    if (e.kind === 'full') { out.push(size); continue; }
    const i = e.i;
    const stride = s.strides?.[i];
    if (stride === 0) shapeMismatch('strided slice: stride 0');
    if (bit(s.shrinkAxisMask, i)) {
      const b = s.begin?.[i];
      if (b !== undefined && isKnownDim(size) && (b >= size || b < -size)) {
        shapeMismatch(`strided slice: index ${b} is out of range for dim ${e.in} of size ${size}`);
      }
      continue;
    }
    const beginMasked = bit(s.beginMask, i);
    const endMasked = bit(s.endMask, i);
    if (stride === undefined || !isKnownDim(size)) {
      out.push(beginMasked && endMasked && stride === 1 ? size : -1);
      continue;
    }
    const rawBegin = s.begin?.[i];
    const rawEnd = s.end?.[i];
    if ((!beginMasked && rawBegin === undefined) || (!endMasked && rawEnd === undefined)) { out.push(-1); continue; }
    const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
    const canon = (v: number, masked: boolean, isBegin: boolean): number => {
      if (masked && isBegin) return stride > 0 ? 0 : size - 1;
      if (masked) return stride > 0 ? size : -1;
      const w = v < 0 ? v + size : v;
      return stride > 0 ? clamp(w, 0, size) : clamp(w, -1, size - 1);
    };
    const b = canon(rawBegin ?? 0, beginMasked, true);
    let endVal = rawEnd ?? 0;
    if (s.offset && !endMasked) endVal = (rawBegin ?? 0) + endVal;
    const en = canon(endVal, endMasked, false);
    const len = stride > 0 ? Math.ceil((en - b) / stride) : Math.ceil((b - en) / -stride);
    out.push(Math.max(0, len));
  }
  return out;
}
