// Reductions over constant axes (MEAN, SUM, REDUCE_*, ARG_MAX/MIN and their tf ops).
import type { InferArgs, ValueType } from '../define';
import type { Dim, DType } from '../ir';
import { constInts, input, normAxis, vectorLength, vt } from './util';

/** Shape after reducing `axes` (normalized, duplicates allowed) of `shape`. */
export function reducedShape(shape: readonly Dim[], axes: readonly number[], keepDims: boolean): Dim[] {
  const set = new Set(axes.map((x) => normAxis(x, shape.length, 'reduction axis')));
  return keepDims ? shape.map((d, i) => (set.has(i) ? 1 : d)) : shape.filter((_, i) => !set.has(i));
}

/** Infers a reduction whose axes come from constant input 1 (shared with the tf dialect). */
export function inferReduce(a: InferArgs, keepDims: boolean, dtype?: DType): ValueType[] {
  const x = input(a, 0, 'input');
  const out = dtype ?? x.dtype;
  if (!x.shape) return [vt(out, undefined)];
  const axes = constInts(a, 1);
  if (axes) return [vt(out, reducedShape(x.shape, axes, keepDims))];
  if (keepDims) return [vt(out, x.shape.map(() => -1))];
  // Unknown axes: the rank is known only when the axis count is and the axes are distinct.
  const n = vectorLength(a.inputs[1]);
  if (n === 0) return [vt(out, x.shape)];
  return [vt(out, n === 1 ? new Array<Dim>(x.shape.length - 1).fill(-1) : undefined)];
}
