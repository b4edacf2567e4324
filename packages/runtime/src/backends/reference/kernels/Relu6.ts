// tfl.RELU6: min(6, max(0, x)) (f32; i8/u8/i16 requantized like TFLite).
import { reluKernel } from './relu-utils';

export const relu6 = reluKernel('tfl.RELU6', 0, 6);
