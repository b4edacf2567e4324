// tfl.SQUARED_DIFFERENCE on WebGPU (f32, broadcasting).
import { binaryKernel } from './binary';

export const squaredDifference = binaryKernel('tfl.SQUARED_DIFFERENCE', '(a - b) * (a - b)', false);
