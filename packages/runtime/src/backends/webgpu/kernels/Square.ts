// tfl.SQUARE on WebGPU (f32).
import { unaryKernel } from './unary';

export const square = unaryKernel('tfl.SQUARE', 'x * x');
