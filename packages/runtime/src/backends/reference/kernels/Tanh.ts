// tfl.TANH. f32; i8/u8 through TFLite's float lookup table;
// i16 via TFLite's sigmoid table using tanh(x) = 2·sigmoid(2x) − 1 (output scale 2^−15).
import { applyLut, floatLut8, kernel, nums, supportsDtypes, unaryMap } from './elementwise-utils';
import { SIGMOID_TABLE_U16 } from './sigmoid-table';
import { prepareSigmoid16, type Sigmoid16Params } from './sigmoid-utils';

export const tanh = kernel('tfl.TANH', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16']),
  prepare(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (dtype === 'i8' || dtype === 'u8') ctx.cache['lut'] = floatLut8(ctx.inputs[0]!, ctx.node.outputs[0]!, ctx.node, Math.tanh);
    else if (dtype === 'i16') ctx.cache['q'] = prepareSigmoid16(ctx);
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') {
      unaryMap(ctx, Math.tanh);
    } else if (a.dtype === 'i16') {
      const p = ctx.cache['q'] as Sigmoid16Params;
      const [m, shift] = p.m === 0 ? [3 << p.shift, 0] : [p.m, p.shift];
      const round = shift > 0 ? 1 << (shift - 1) : 0;
      const x = nums(a), out = ctx.output(0, a.shape), z = nums(out);
      for (let i = 0; i < x.length; i++) {
        const v = (x[i]! * m + round) >> shift;
        const absV = Math.abs(v);
        const uh = absV >>> 8;
        let r: number;
        if (uh >= 255) r = 0xffff << 8;
        else {
          const ua = SIGMOID_TABLE_U16[uh]!, ub = SIGMOID_TABLE_U16[uh + 1]!;
          r = ua * 256 + (absV & 0xff) * (ub - ua);
        }
        r = v >= 0 ? r - (1 << 23) + (1 << 7) : -r + (1 << 23) + (1 << 7) - 1;
        z[i] = r >> 8;
      }
    } else {
      applyLut(ctx, ctx.cache['lut'] as Int32Array, a.dtype === 'i8' ? -128 : 0);
    }
  },
});
