// tfl.MUL on WebGPU (f32, broadcasting, fused activation).
import { binaryKernel } from './binary';

export const mul = binaryKernel('tfl.MUL', 'a * b', true);
