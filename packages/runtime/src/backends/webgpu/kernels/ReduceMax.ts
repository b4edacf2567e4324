// tfl.REDUCE_MAX on WebGPU (f32, constant axes).
import { reduceKernel } from './reduce';

export const reduceMax = reduceKernel('tfl.REDUCE_MAX', 'max');
