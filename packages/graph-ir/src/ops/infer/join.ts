// Concatenating, stacking and splitting (CONCATENATION, PACK, UNPACK, SPLIT, SPLIT_V, tf equivalents).
import type { ValueType } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { dimAdd, dimDiv, fmt, isKnownDim, mergeDim, normAxis, vt } from './util';

/** Concatenation of `values` along `axis` (negative allowed); other dims must agree. */
export function concatShape(values: readonly ValueType[], axis: number): Dim[] | undefined {
  const ranked = values.filter((v) => v.shape);
  if (ranked.length === 0) return undefined;
  const rank = ranked[0]!.shape!.length;
  const ax = normAxis(axis, rank, 'axis');
  const out: Dim[] = ranked[0]!.shape!.slice();
  out[ax] = 0;
  for (const v of values) {
    if (!v.shape) { out[ax] = -1; continue; }
    if (v.shape.length !== rank) shapeMismatch(`values must have the same rank: ${values.map((t) => fmt(t.shape)).join(', ')}`);
    for (let i = 0; i < rank; i++) {
      if (i === ax) out[i] = dimAdd(out[i]!, v.shape[i]!);
      else out[i] = mergeDim(out[i]!, v.shape[i]!, `dim ${i} of ${values.map((t) => fmt(t.shape)).join(', ')} (concatenating along ${ax})`);
    }
  }
  if (out[ax] === 0 && values.some((v) => v.shape && !isKnownDim(v.shape[ax]!))) out[ax] = -1;
  return out;
}

/** Stacks same-shape values along a new axis (shared with tf.Pack). */
export function packShape(vals: readonly ValueType[], axis: number): Dim[] | undefined {
  let shape: Dim[] | undefined;
  for (const v of vals) {
    if (!v.shape) continue;
    if (!shape) { shape = v.shape.slice(); continue; }
    if (shape.length !== v.shape.length) shapeMismatch(`values must have one shape: ${vals.map((t) => fmt(t.shape)).join(', ')}`);
    const s = shape;
    shape = s.map((d, i) => mergeDim(d, v.shape![i]!, `values must have one shape (${vals.map((t) => fmt(t.shape)).join(', ')})`));
  }
  if (!shape) return undefined;
  const at = normAxis(axis, shape.length, 'axis', 1);
  return [...shape.slice(0, at), vals.length, ...shape.slice(at)];
}

/** Splits along `axis` into `num` outputs without that dim (shared with tf.Unpack). */
export function unpackTypes(x: ValueType, axis: number, num: number): ValueType[] {
  if (!x.shape) return Array.from({ length: num }, () => vt(x.dtype, undefined));
  const ax = normAxis(axis, x.shape.length, 'axis');
  const d = x.shape[ax]!;
  if (isKnownDim(d) && d !== num) shapeMismatch(`dim ${ax} of ${fmt(x.shape)} is ${d}, but ${num} outputs were asked for`);
  const shape = x.shape.filter((_, i) => i !== ax);
  return Array.from({ length: num }, () => vt(x.dtype, shape));
}

/** `num` equal parts along `axis` (shared with tf.Split). */
export function splitEven(x: ValueType, axis: number | undefined, num: number): ValueType[] {
  if (!x.shape || axis === undefined) {
    return Array.from({ length: num }, () => vt(x.dtype, x.shape ? x.shape.map(() => -1) : undefined));
  }
  const ax = normAxis(axis, x.shape.length, 'axis');
  const part = dimDiv(x.shape[ax]!, num, `dim ${ax} of ${fmt(x.shape)} into ${num} splits`);
  const shape = x.shape.map((d, i) => (i === ax ? part : d));
  return Array.from({ length: num }, () => vt(x.dtype, shape));
}

/** Parts of the given sizes (one may be -1) along `axis` (shared with tf.SplitV). */
export function splitSizes(x: ValueType, sizes: number[] | undefined, axis: number | undefined, num: number): ValueType[] {
  if (!x.shape || axis === undefined || !sizes) {
    return Array.from({ length: num }, () => vt(x.dtype, x.shape ? x.shape.map(() => -1) : undefined));
  }
  const ax = normAxis(axis, x.shape.length, 'axis');
  if (sizes.length !== num) invalidAttr(`${sizes.length} split sizes for ${num} outputs`);
  const holes = sizes.filter((s) => s === -1).length;
  if (holes > 1) invalidAttr(`split sizes [${sizes.join(',')}] have more than one -1`);
  const total = x.shape[ax]!;
  const known = sizes.reduce((p, s) => (s === -1 ? p : p + s), 0);
  let fill: Dim = -1;
  if (isKnownDim(total)) {
    if (holes === 0 && known !== total) shapeMismatch(`split sizes [${sizes.join(',')}] do not add up to dim ${ax} (${total}) of ${fmt(x.shape)}`);
    if (holes === 1) {
      if (known > total) shapeMismatch(`split sizes [${sizes.join(',')}] exceed dim ${ax} (${total}) of ${fmt(x.shape)}`);
      fill = total - known;
    }
  }
  return sizes.map((s) => vt(x.dtype, x.shape!.map((d, i) => (i === ax ? (s === -1 ? fill : s) : d))));
}
