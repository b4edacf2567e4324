// tfl.NOT_EQUAL on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const notEqual = compareKernel('tfl.NOT_EQUAL', 'a != b');
