// tfl.LESS on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const less = compareKernel('tfl.LESS', 'a < b');
