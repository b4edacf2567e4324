// tfl.RELU_0_TO_1 on WebGPU (f32).
import { unaryKernel } from './unary';

export const relu0To1 = unaryKernel('tfl.RELU_0_TO_1', 'clamp(x, 0.0, 1.0)');
