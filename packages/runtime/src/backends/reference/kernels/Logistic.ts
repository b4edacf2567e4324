// tfl.LOGISTIC: 1/(1 + e^−x). f32; i8/u8 through TFLite's 256-entry float lookup table; i16 via TFLite's interpolated sigmoid table (output scale 2^−15).
import { SIGMOID_TABLE_U16 } from './sigmoid-table';
import { sigmoidFamilyKernel } from './sigmoid-utils';

export const logistic = sigmoidFamilyKernel('tfl.LOGISTIC', {
  f32: (x) => 1 / (1 + Math.exp(-x)),
  lut8: (v) => Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-v)))),
  int16(v) {
    const absV = Math.abs(v);
    const uh = absV >>> 9;
    let r: number;
    if (uh >= 255) r = 0x7fff << 10;
    else {
      const ua = SIGMOID_TABLE_U16[uh]!, ub = SIGMOID_TABLE_U16[uh + 1]!;
      r = ua * 512 + (absV & 0x1ff) * (ub - ua);
    }
    r = v >= 0 ? r + (1 << 9) : (1 << 25) - r + (1 << 9) - 1;
    return Math.floor(r / 1024);
  },
});
