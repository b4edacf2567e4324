// tfl.EQUAL on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const equal = compareKernel('tfl.EQUAL', 'a == b');
