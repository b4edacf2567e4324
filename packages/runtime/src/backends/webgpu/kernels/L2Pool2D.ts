// tfl.L2_POOL_2D on WebGPU (f32).
import { poolKernel } from './pool';

export const l2Pool2d = poolKernel('tfl.L2_POOL_2D', 'l2');
