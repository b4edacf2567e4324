// tfl.ADD on WebGPU (f32, broadcasting, fused activation).
import { binaryKernel } from './binary';

export const add = binaryKernel('tfl.ADD', 'a + b', true);
