// tfl.ROUND on WebGPU (f32).
import { unaryKernel } from './unary';

export const round = unaryKernel('tfl.ROUND', 'round(x)');
