// tfl.PRELU: x ≥ 0 ? x : α·x with α broadcast against x. Quantized (i8/u8) as TFLite:
// positive values rescaled by s_in/s_out, negative ones (q − z_in)(α − z_α) by s_in·s_α/s_out.
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { binaryMap, isQuantizedDtype, kernel, qp, supportsDtypes } from './elementwise-utils';

interface PreluParams { zi: number; za: number; zo: number; m1: number; s1: number; m2: number; s2: number; lo: number; hi: number }

export const prelu = kernel('tfl.PRELU', {
  supports: supportsDtypes(['f32', 'i8', 'u8']),
  prepare(ctx) {
    const a = ctx.inputs[0]!, alpha = ctx.inputs[1]!, out = ctx.node.outputs[0]!;
    if (!isQuantizedDtype(a.dtype)) return;
    const qi = qp(a, ctx.node), qa = qp(alpha, ctx.node), qo = qp(out, ctx.node);
    const r1 = quantizeMultiplier(Math.fround(qi.scale / qo.scale));
    const r2 = quantizeMultiplier(Math.fround(Math.fround(qi.scale * qa.scale) / qo.scale));
    const [lo, hi] = intRange(out.dtype);
    ctx.cache['q'] = { zi: qi.zeroPoint, za: qa.zeroPoint, zo: qo.zeroPoint, m1: r1.multiplier, s1: r1.shift, m2: r2.multiplier, s2: r2.shift, lo, hi } satisfies PreluParams;
  },
  run(ctx) {
    const p = ctx.cache['q'] as PreluParams | undefined;
    if (p) {
      binaryMap(ctx, (x, a) => {
        const v = x - p.zi;
        const r = p.zo + (v >= 0 ? multiplyByQuantizedMultiplier(v, p.m1, p.s1) : multiplyByQuantizedMultiplier(Math.imul(v, a - p.za), p.m2, p.s2));
        return r < p.lo ? p.lo : r > p.hi ? p.hi : r;
      });
    } else {
      binaryMap(ctx, (x, a) => (x >= 0 ? x : x * a));
    }
  },
});
