// tfl.DIV: a / b with broadcasting and a fused activation. f32; i32 (C division, truncating,
// zero divisor is an error); u8/i8 quantized with TFLite's reciprocal-based integer division.
import { activationRangeQuantized, getReciprocal, multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierGreaterThanOne, quantizeMultiplier } from '../fixed-point';
import { binaryMap, floatActivation, fusedActivation, isQuantizedDtype, kernel, nums, qp, supportsDtypes } from './elementwise-utils';
import { countLeadingSignBits, divisionByZero } from './arith-utils';

interface DivParams { za: number; zb: number; zo: number; m: number; s: number; lo: number; hi: number }

export const div = kernel('tfl.DIV', {
  supports: supportsDtypes(['f32', 'i32', 'u8', 'i8'], true),
  prepare(ctx) {
    const a = ctx.inputs[0]!, b = ctx.inputs[1]!, out = ctx.node.outputs[0]!;
    if (!isQuantizedDtype(a.dtype)) return;
    const qa = qp(a, ctx.node), qb = qp(b, ctx.node), qo = qp(out, ctx.node);
    const { multiplier, shift } = quantizeMultiplier(Math.fround(qa.scale / Math.fround(qb.scale * qo.scale)));
    const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), out.dtype, qo.scale, qo.zeroPoint);
    ctx.cache['q'] = { za: qa.zeroPoint, zb: qb.zeroPoint, zo: qo.zeroPoint, m: multiplier, s: shift, lo, hi } satisfies DivParams;
  },
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (isQuantizedDtype(dtype)) {
      const { za, zb, zo, m, s, lo, hi } = ctx.cache['q'] as DivParams;
      const y = nums(ctx.inputs[1]!);
      for (let i = 0; i < y.length; i++) if (y[i] === zb) divisionByZero(ctx);
      binaryMap(ctx, (x0, y0) => {
        const x = x0 - za, d = y0 - zb;
        const { reciprocal, numBitsOverUnit } = d > 0 ? getReciprocal(d, 31) : getReciprocal(-d, 31);
        const inv = d > 0 ? reciprocal : -reciprocal;
        const headroom = countLeadingSignBits(x);
        const unscaled = multiplyByQuantizedMultiplierGreaterThanOne(x, inv, headroom);
        const r = zo + multiplyByQuantizedMultiplier(unscaled, m, s - numBitsOverUnit - headroom);
        return r < lo ? lo : r > hi ? hi : r;
      });
      return;
    }
    const [lo, hi] = floatActivation(ctx);
    if (dtype === 'i32') {
      const y = nums(ctx.inputs[1]!);
      for (let i = 0; i < y.length; i++) if (y[i] === 0) divisionByZero(ctx);
      binaryMap(ctx, (a, b) => { const r = (a / b) | 0; return r < lo ? lo : r > hi ? hi : r; });
    } else {
      binaryMap(ctx, (a, b) => { const r = Math.fround(a / b); return r < lo ? lo : r > hi ? hi : r; });
    }
  },
});
