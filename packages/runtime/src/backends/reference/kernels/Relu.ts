// tfl.RELU: max(0, x) (f32; i8/u8/i16 requantized like TFLite).
import { reluKernel } from './relu-utils';

export const relu = reluKernel('tfl.RELU', 0, Infinity);
