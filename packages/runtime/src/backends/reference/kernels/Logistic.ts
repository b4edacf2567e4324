// tfl.LOGISTIC: 1/(1 + e^−x). f32; i8/u8 through TFLite's 256-entry float lookup table; i16 via TFLite's interpolated sigmoid table (output scale 2^−15).
import { applyLut, floatLut8, kernel, nums, supportsDtypes, unaryMap } from './elementwise-utils';
import { SIGMOID_TABLE_U16 } from './sigmoid-table';
import { prepareSigmoid16, type Sigmoid16Params } from './sigmoid-utils';

export const logistic = kernel('tfl.LOGISTIC', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16']),
  prepare(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (dtype === 'i8' || dtype === 'u8') ctx.cache['lut'] = floatLut8(ctx.inputs[0]!, ctx.node.outputs[0]!, ctx.node, (v) => Math.fround(1 / Math.fround(1 + Math.fround(Math.exp(-v)))));
    else if (dtype === 'i16') ctx.cache['q'] = prepareSigmoid16(ctx);
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') {
      unaryMap(ctx, (x) => 1 / (1 + Math.exp(-x)));
    } else if (a.dtype === 'i16') {
      const p = ctx.cache['q'] as Sigmoid16Params;
      const [m, shift] = p.m === 0 ? [3 << p.shift, 0] : [p.m, p.shift];
      const round = shift > 0 ? 1 << (shift - 1) : 0;
      const x = nums(a), out = ctx.output(0, a.shape), z = nums(out);
      for (let i = 0; i < x.length; i++) {
        const v = (x[i]! * m + round) >> shift;
        const absV = Math.abs(v);
        const uh = absV >>> 9;
        let r: number;
        if (uh >= 255) r = 0x7fff << 10;
        else {
          const ua = SIGMOID_TABLE_U16[uh]!, ub = SIGMOID_TABLE_U16[uh + 1]!;
          r = ua * 512 + (absV & 0x1ff) * (ub - ua);
        }
        r = v >= 0 ? r + (1 << 9) : (1 << 25) - r + (1 << 9) - 1;
        z[i] = Math.floor(r / 1024);
      }
    } else {
      applyLut(ctx, ctx.cache['lut'] as Int32Array, a.dtype === 'i8' ? -128 : 0);
    }
  },
});
