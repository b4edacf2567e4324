// tfl.PRELU on WebGPU (f32, alpha broadcast against the input): x, or alpha·x below zero.
import { binaryKernel } from './binary';

export const prelu = binaryKernel('tfl.PRELU', 'select(a * b, a, a >= 0.0)', false);
