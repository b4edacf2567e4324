// tfl.REDUCE_PROD on WebGPU (f32, constant axes).
import { reduceKernel } from './reduce';

export const reduceProd = reduceKernel('tfl.REDUCE_PROD', 'prod');
