// tfl.MINIMUM on WebGPU (f32, broadcasting).
import { binaryKernel } from './binary';

export const minimum = binaryKernel('tfl.MINIMUM', 'min(a, b)', false);
