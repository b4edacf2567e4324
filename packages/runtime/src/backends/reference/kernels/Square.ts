// tfl.SQUARE: x² on f32.
import { floatUnaryKernel } from './unary-utils';

export const square = floatUnaryKernel('tfl.SQUARE', (x) => x * x);
