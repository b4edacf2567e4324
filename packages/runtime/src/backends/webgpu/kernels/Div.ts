// tfl.DIV on WebGPU (f32, broadcasting, fused activation).
import { binaryKernel } from './binary';

export const div = binaryKernel('tfl.DIV', 'a / b', true);
