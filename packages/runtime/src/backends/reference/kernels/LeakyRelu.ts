// tfl.LEAKY_RELU: x ≥ 0 ? x : αx. Quantized (i8/u8/i16) as TFLite: (q − z_in) rescaled by
// s_in/s_out or by s_in·α/s_out (float32 products) depending on its sign, plus z_out, clamped.
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { isQuantizedDtype, kernel, qp, supportsDtypes, unaryMap } from './elementwise-utils';

interface LeakyParams { zi: number; zo: number; mId: number; sId: number; mAlpha: number; sAlpha: number; lo: number; hi: number }

export const leakyRelu = kernel('tfl.LEAKY_RELU', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16']),
  prepare(ctx) {
    const a = ctx.inputs[0]!, out = ctx.node.outputs[0]!;
    if (!isQuantizedDtype(a.dtype)) return;
    const alpha = Number(ctx.attrs['alpha'] ?? 0.2);
    const qi = qp(a, ctx.node), qo = qp(out, ctx.node);
    const ra = quantizeMultiplier(Math.fround(Math.fround(qi.scale * alpha) / qo.scale));
    const ri = quantizeMultiplier(Math.fround(qi.scale / qo.scale));
    const [lo, hi] = intRange(out.dtype);
    ctx.cache['q'] = { zi: qi.zeroPoint, zo: qo.zeroPoint, mId: ri.multiplier, sId: ri.shift, mAlpha: ra.multiplier, sAlpha: ra.shift, lo, hi } satisfies LeakyParams;
  },
  run(ctx) {
    const p = ctx.cache['q'] as LeakyParams | undefined;
    if (p) {
      unaryMap(ctx, (x) => {
        const v = x - p.zi;
        const r = p.zo + (v >= 0 ? multiplyByQuantizedMultiplier(v, p.mId, p.sId) : multiplyByQuantizedMultiplier(v, p.mAlpha, p.sAlpha));
        return r < p.lo ? p.lo : r > p.hi ? p.hi : r;
      });
    } else {
      const alpha = Math.fround(Number(ctx.attrs['alpha'] ?? 0.2));
      unaryMap(ctx, (x) => (x > 0 ? x : x * alpha));
    }
  },
});
