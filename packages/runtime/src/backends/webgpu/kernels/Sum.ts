// tfl.SUM on WebGPU (f32, constant axes).
import { reduceKernel } from './reduce';

export const sum = reduceKernel('tfl.SUM', 'sum');
