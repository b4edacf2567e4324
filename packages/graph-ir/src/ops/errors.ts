// Errors raised by shape inference: IRError with an actionable message. `defineOp` prefixes the
// op name; inferShapes adds the node name.
import { IRError } from '../errors';

export { IRError };

/** Throws IRError(SHAPE_MISMATCH): the inputs cannot go together. */
export function shapeMismatch(message: string): never {
  throw new IRError('SHAPE_MISMATCH', message);
}

/** Throws IRError(INVALID_ATTR): an attribute (or constant operand) the op cannot use. */
export function invalidAttr(message: string): never {
  throw new IRError('INVALID_ATTR', message);
}

/** Throws IRError(TYPE_MISMATCH): an input dtype the op does not take. */
export function typeMismatch(message: string): never {
  throw new IRError('TYPE_MISMATCH', message);
}
