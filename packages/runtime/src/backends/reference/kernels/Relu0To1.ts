// tfl.RELU_0_TO_1: min(1, max(0, x)) (f32; i8/u8/i16 requantized like TFLite).
import { reluKernel } from './relu-utils';

export const relu0To1 = reluKernel('tfl.RELU_0_TO_1', 0, 1);
