// tfl.RELU_N1_TO_1: min(1, max(−1, x)) (f32; i8/u8/i16 requantized like TFLite).
import { reluKernel } from './relu-utils';

export const reluN1To1 = reluKernel('tfl.RELU_N1_TO_1', -1, 1);
