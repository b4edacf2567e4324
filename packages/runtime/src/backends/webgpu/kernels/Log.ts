// tfl.LOG on WebGPU (f32).
import { unaryKernel } from './unary';

export const log = unaryKernel('tfl.LOG', 'log(x)');
