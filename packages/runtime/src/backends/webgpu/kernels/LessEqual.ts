// tfl.LESS_EQUAL on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const lessEqual = compareKernel('tfl.LESS_EQUAL', 'a <= b');
