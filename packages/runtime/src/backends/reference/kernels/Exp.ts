// tfl.EXP: e^x (f32; i8/u8/i16 through TFLite's float lookup tables).
import { floatUnaryKernel } from './unary-utils';

export const exp = floatUnaryKernel('tfl.EXP', Math.exp, { lut8: true, lut16: true });
