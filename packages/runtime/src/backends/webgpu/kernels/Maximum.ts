// tfl.MAXIMUM on WebGPU (f32, broadcasting).
import { binaryKernel } from './binary';

export const maximum = binaryKernel('tfl.MAXIMUM', 'max(a, b)', false);
