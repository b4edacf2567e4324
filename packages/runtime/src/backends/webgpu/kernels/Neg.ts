// tfl.NEG on WebGPU (f32).
import { unaryKernel } from './unary';

export const neg = unaryKernel('tfl.NEG', '-x');
