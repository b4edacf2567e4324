// tfl.MEAN on WebGPU (f32, constant axes).
import { reduceKernel } from './reduce';

export const mean = reduceKernel('tfl.MEAN', 'mean');
