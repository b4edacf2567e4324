// tfl.SIGN on WebGPU (f32).
import { unaryKernel } from './unary';

export const sign = unaryKernel('tfl.SIGN', 'sign(x)');
