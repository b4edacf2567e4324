// tfl.LOGISTIC on WebGPU (f32).
import { unaryKernel } from './unary';

export const logistic = unaryKernel('tfl.LOGISTIC', '1.0 / (1.0 + exp(-clamp(x, -88.0, 88.0)))');
