// tfl.ELU: x < 0 ? eˣ − 1 : x (f32; i8 through TFLite's float lookup table).
import { floatUnaryKernel } from './unary-utils';

export const elu = floatUnaryKernel('tfl.ELU', (x) => (x < 0 ? Math.expm1(x) : x), { lut8: true });
