// Element-wise binary ops: NumPy broadcasting of two same-dtype operands.
import { broadcastShapes } from '../../shape';
import type { InferArgs, ValueType } from '../define';
import { typeMismatch } from '../errors';
import type { DType } from '../ir';
import { input, vt } from './util';

/** Broadcast of inputs 0 and 1; dtype = `out` or the (common) input dtype. */
export function inferBroadcast(a: InferArgs, out?: DType): ValueType[] {
  const x = input(a, 0, 'x');
  const y = input(a, 1, 'y');
  if (x.dtype !== y.dtype) typeMismatch(`operands have different dtypes: ${x.dtype} and ${y.dtype}`);
  return [vt(out ?? x.dtype, broadcastShapes(x.shape, y.shape))];
}
