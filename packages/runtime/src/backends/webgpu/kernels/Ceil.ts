// tfl.CEIL on WebGPU (f32).
import { unaryKernel } from './unary';

export const ceil = unaryKernel('tfl.CEIL', 'ceil(x)');
