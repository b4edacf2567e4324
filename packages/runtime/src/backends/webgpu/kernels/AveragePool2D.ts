// tfl.AVERAGE_POOL_2D on WebGPU (f32; padded cells are not counted).
import { poolKernel } from './pool';

export const averagePool2d = poolKernel('tfl.AVERAGE_POOL_2D', 'avg');
