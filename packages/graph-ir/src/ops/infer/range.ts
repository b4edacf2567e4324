// RANGE / tf.Range length.
import type { InferArgs } from '../define';
import { invalidAttr } from '../errors';
import { constScalar, input, vt } from './util';

/** Number of elements of range(start, limit, delta), TensorFlow's rule (shared with tf.Range). */
export function rangeLength(start: number, limit: number, delta: number, integral: boolean): number {
  if (delta === 0) invalidAttr('range delta must not be 0');
  if ((delta > 0 && start > limit) || (delta < 0 && start < limit)) {
    invalidAttr(`range(${start}, ${limit}, ${delta}) would have a negative length`);
  }
  return integral ? Math.ceil(Math.abs(limit - start) / Math.abs(delta)) : Math.ceil(Math.abs((limit - start) / delta));
}

export function inferRange(a: InferArgs) {
  const s = input(a, 0, 'start');
  const [start, limit, delta] = [constScalar(a, 0), constScalar(a, 1), constScalar(a, 2)];
  if (start === undefined || limit === undefined || delta === undefined) return [vt(s.dtype, [-1])];
  return [vt(s.dtype, [rangeLength(start, limit, delta, !s.dtype.startsWith('f'))])];
}
