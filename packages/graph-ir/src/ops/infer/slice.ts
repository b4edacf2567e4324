// Slicing and gathering (SLICE, GATHER, GATHER_ND and their tf ops).
import type { ValueType } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { fmt, isKnownDim, normAxis, unknownDims } from './util';

/** Shape of slice(input, begin, size) where size -1 means "to the end" (shared with tf.Slice). */
export function sliceShape(x: ValueType, begin: number[] | undefined, size: number[] | undefined, n: number | undefined): Dim[] | undefined {
  if (!x.shape) return unknownDims(size?.length ?? n);
  if (!size) return x.shape.map(() => -1);
  if (size.length !== x.shape.length) shapeMismatch(`size [${size.join(',')}] does not match the rank of ${fmt(x.shape)}`);
  return size.map((s, i) => {
    const d = x.shape![i]!;
    const b = begin?.[i];
    if (s >= 0) {
      if (b !== undefined && isKnownDim(d) && b + s > d) shapeMismatch(`slice [${b}, ${b + s}) exceeds dim ${i} of ${fmt(x.shape)}`);
      return s;
    }
    if (s !== -1) invalidAttr(`size entry ${s} (only -1 or >= 0)`);
    if (b === undefined || !isKnownDim(d)) return b === 0 ? d : -1;
    if (b > d) shapeMismatch(`begin ${b} exceeds dim ${i} of ${fmt(x.shape)}`);
    return d - b;
  });
}

/** params[:axis] + indices[batchDims:] + params[axis+1:] (shared with tf.GatherV2). */
export function gatherShape(params: ValueType, indices: ValueType, axis: number, batchDims: number): Dim[] | undefined {
  if (!params.shape || !indices.shape) return undefined;
  const ax = normAxis(axis, params.shape.length, 'axis');
  const bd = batchDims < 0 ? batchDims + indices.shape.length : batchDims;
  if (bd < 0 || bd > ax) invalidAttr(`batchDims ${batchDims} must be in [0, axis ${ax}]`);
  return [...params.shape.slice(0, ax), ...indices.shape.slice(bd), ...params.shape.slice(ax + 1)];
}

/** indices[:-1] + params[indices[-1]:] (shared with tf.GatherNd). */
export function gatherNdShape(params: ValueType, indices: ValueType): Dim[] | undefined {
  if (!params.shape || !indices.shape) return undefined;
  if (indices.shape.length === 0) shapeMismatch('indices must have rank >= 1');
  const k = indices.shape.at(-1)!;
  if (!isKnownDim(k)) return undefined;
  if (k > params.shape.length) shapeMismatch(`index depth ${k} exceeds the rank of params ${fmt(params.shape)}`);
  return [...indices.shape.slice(0, -1), ...params.shape.slice(k)];
}
