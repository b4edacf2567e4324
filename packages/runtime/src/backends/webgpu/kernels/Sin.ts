// tfl.SIN on WebGPU (f32, range-reduced).
import { unaryKernel } from './unary';
import { TRIG_WGSL } from './trig';

export const sin = unaryKernel('tfl.SIN', 'sin_acc(x)', { helpers: TRIG_WGSL });
