// tfl.RELU on WebGPU (f32).
import { unaryKernel } from './unary';

export const relu = unaryKernel('tfl.RELU', 'max(x, 0.0)');
