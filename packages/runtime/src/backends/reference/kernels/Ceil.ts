// tfl.CEIL: ⌈x⌉ on f32.
import { floatUnaryKernel } from './unary-utils';

export const ceil = floatUnaryKernel('tfl.CEIL', Math.ceil);
