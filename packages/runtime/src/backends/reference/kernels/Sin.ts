// tfl.SIN: sin(x) on f32.
import { floatUnaryKernel } from './unary-utils';

export const sin = floatUnaryKernel('tfl.SIN', Math.sin);
