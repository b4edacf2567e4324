// tfl.HARD_SWISH on WebGPU (f32).
import { unaryKernel } from './unary';

export const hardSwish = unaryKernel('tfl.HARD_SWISH', 'x * clamp(x + 3.0, 0.0, 6.0) / 6.0');
