// tfl.ABS: |x|. f32, i32; i8 and quantized i16 like TFLite: |q − z_in|, rescaled by
// s_in/s_out (float32 ratio) when the scales differ, plus z_out, clamped. Unquantized i16 is raw.
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { kernel, qp, supportsDtypes, unaryMap } from './elementwise-utils';

interface AbsParams { zi: number; zo: number; rescale: boolean; m: number; s: number }

export const abs = kernel('tfl.ABS', {
  supports: supportsDtypes(['f32', 'i8', 'i16', 'i32']),
  prepare(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype !== 'i8' && !(a.dtype === 'i16' && a.quant?.scale.length)) return;
    const qi = qp(a, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    const rescale = qi.scale !== qo.scale;
    const { multiplier, shift } = rescale ? quantizeMultiplier(Math.fround(qi.scale / qo.scale)) : { multiplier: 0, shift: 0 };
    ctx.cache['q'] = { zi: qi.zeroPoint, zo: qo.zeroPoint, rescale, m: multiplier, s: shift } satisfies AbsParams;
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    const p = ctx.cache['q'] as AbsParams | undefined;
    if (p) {
      const [lo, hi] = intRange(a.dtype);
      unaryMap(ctx, (x) => {
        const v = Math.abs(x - p.zi);
        const r = (p.rescale ? multiplyByQuantizedMultiplier(v, p.m, p.s) : v) + p.zo;
        return r < lo ? lo : r > hi ? hi : r;
      });
    } else if (a.dtype === 'i32') unaryMap(ctx, (x) => Math.abs(x) | 0);
    else unaryMap(ctx, Math.abs);
  },
});
