// tfl.MAX_POOL_2D on WebGPU (f32).
import { poolKernel } from './pool';

export const maxPool2d = poolKernel('tfl.MAX_POOL_2D', 'max');
