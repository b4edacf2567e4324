// tfl.COS on WebGPU (f32, range-reduced).
import { unaryKernel } from './unary';
import { TRIG_WGSL } from './trig';

export const cos = unaryKernel('tfl.COS', 'cos_acc(x)', { helpers: TRIG_WGSL });
