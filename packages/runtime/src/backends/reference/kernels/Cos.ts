// tfl.COS: cos(x) on f32.
import { floatUnaryKernel } from './unary-utils';

export const cos = floatUnaryKernel('tfl.COS', Math.cos);
