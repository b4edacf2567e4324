// tfl.TANH. f32; i8/u8 through TFLite's float lookup table;
// i16 via TFLite's sigmoid table using tanh(x) = 2·sigmoid(2x) − 1 (output scale 2^−15).
import { SIGMOID_TABLE_U16 } from './sigmoid-table';
import { sigmoidFamilyKernel } from './sigmoid-utils';

export const tanh = sigmoidFamilyKernel('tfl.TANH', {
  f32: Math.tanh,
  lut8: Math.tanh,
  int16(v) {
    const absV = Math.abs(v);
    const uh = absV >>> 8;
    let r: number;
    if (uh >= 255) r = 0xffff << 8;
    else {
      const ua = SIGMOID_TABLE_U16[uh]!, ub = SIGMOID_TABLE_U16[uh + 1]!;
      r = ua * 256 + (absV & 0xff) * (ub - ua);
    }
    r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
    return r >> 8;
  },
});
