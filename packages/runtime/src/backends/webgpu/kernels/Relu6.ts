// tfl.RELU6 on WebGPU (f32).
import { unaryKernel } from './unary';

export const relu6 = unaryKernel('tfl.RELU6', 'clamp(x, 0.0, 6.0)');
