// tfl.FLOOR: ⌊x⌋ on f32.
import { floatUnaryKernel } from './unary-utils';

export const floor = floatUnaryKernel('tfl.FLOOR', Math.floor);
