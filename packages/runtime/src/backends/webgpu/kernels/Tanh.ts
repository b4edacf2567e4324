// tfl.TANH on WebGPU (f32).
import { unaryKernel } from './unary';

export const tanh = unaryKernel('tfl.TANH', 'tanh(clamp(x, -20.0, 20.0))');
