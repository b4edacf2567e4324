// tfl.GREATER on WebGPU (f32 or i32 inputs, broadcasting, bool output).
import { compareKernel } from './binary';

export const greater = compareKernel('tfl.GREATER', 'a > b');
