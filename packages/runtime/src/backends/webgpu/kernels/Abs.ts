// tfl.ABS on WebGPU (f32).
import { unaryKernel } from './unary';

export const abs = unaryKernel('tfl.ABS', 'abs(x)');
