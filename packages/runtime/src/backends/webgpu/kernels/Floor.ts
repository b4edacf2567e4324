// tfl.FLOOR on WebGPU (f32).
import { unaryKernel } from './unary';

export const floor = unaryKernel('tfl.FLOOR', 'floor(x)');
