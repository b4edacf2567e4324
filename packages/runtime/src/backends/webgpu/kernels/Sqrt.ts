// tfl.SQRT on WebGPU (f32).
import { unaryKernel } from './unary';

export const sqrt = unaryKernel('tfl.SQRT', 'sqrt(x)');
