// tfl.REDUCE_MIN on WebGPU (f32, constant axes).
import { reduceKernel } from './reduce';

export const reduceMin = reduceKernel('tfl.REDUCE_MIN', 'min');
