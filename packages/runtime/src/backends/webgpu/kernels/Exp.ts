// tfl.EXP on WebGPU (f32).
import { unaryKernel } from './unary';

export const exp = unaryKernel('tfl.EXP', 'exp(x)');
