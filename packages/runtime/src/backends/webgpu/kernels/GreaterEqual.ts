// tfl.GREATER_EQUAL on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const greaterEqual = compareKernel('tfl.GREATER_EQUAL', 'a >= b');
