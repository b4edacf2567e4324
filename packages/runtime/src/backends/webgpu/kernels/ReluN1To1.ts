// tfl.RELU_N1_TO_1 on WebGPU (f32).
import { unaryKernel } from './unary';

export const reluN1To1 = unaryKernel('tfl.RELU_N1_TO_1', 'clamp(x, -1.0, 1.0)');
