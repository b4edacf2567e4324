// tfl.SUB on WebGPU (f32, broadcasting, fused activation).
import { binaryKernel } from './binary';

export const sub = binaryKernel('tfl.SUB', 'a - b', true);
