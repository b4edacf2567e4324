// tfl.ELU on WebGPU (f32).
import { unaryKernel } from './unary';

export const elu = unaryKernel('tfl.ELU', 'select(exp(x) - 1.0, x, x > 0.0)');
