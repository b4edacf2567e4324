// tfl.RSQRT on WebGPU (f32).
import { unaryKernel } from './unary';

export const rsqrt = unaryKernel('tfl.RSQRT', 'inverseSqrt(x)');
