// Op schemas of both dialects. The dialect modules register their ops with `defineOp`; the
// lookups below reference them so that bundlers (which may drop modules of a side-effect-free
// package whose exports go unused) keep every op.
import * as tflOps from './tfl/index';
import * as tfOps from './tf/index';
import { allOpSchemas as registered, getOpSchema as registeredOp, type OpSchema } from './define';

export {
  defineOp, withDefaultAttrs,
  type AttrSpec, type ValueType, type InferArgs, type OpSchema, type OpSpec,
} from './define';

/** The tfl dialect's op schemas by TFLite name (`tfl.CONV_2D`), and BUILTIN_CODES. */
export const tfl = tflOps;
/** The tf dialect's op schemas by TensorFlow op name (`tf.Conv2D`). */
export const tf = tfOps;
const dialects = [tflOps, tfOps];

/** The schema of an op ('tfl.CONV_2D', 'tf.Conv2D'), or undefined for ops liteml does not know. */
export function getOpSchema(op: string): OpSchema | undefined {
  return dialects.length ? registeredOp(op) : undefined;
}

/** Every op schema, optionally of one dialect, in definition order. */
export function allOpSchemas(dialect?: 'tfl' | 'tf'): OpSchema[] {
  return dialects.length ? registered(dialect) : [];
}
