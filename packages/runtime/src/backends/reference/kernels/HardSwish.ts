// tfl.HARD_SWISH: x · relu6(x + 3) / 6. f32 in float32 steps; i8/u8 with TFLite's int16
// fixed-point algorithm: the input on a 2^7-finer scale is multiplied by the output rescale and by
// a "relu-ish" factor in [0, 1] (the input rescaled so that 3.0 ↦ 2^15, saturated), with 16-bit
// multipliers throughout.
import { quantizeMultiplier, roundingDivideByPOT } from '../fixed-point';
import { intRange } from '../fixed-point';
import { kernel, qp, supportsDtypes, unaryMap } from './elementwise-utils';

interface HardSwishParams { zi: number; zo: number; outM: number; outE: number; reluM: number; reluE: number; lo: number; hi: number }

const I16_MIN = -32768, I16_MAX = 32767;
const wrap16 = (x: number): number => (x << 16) >> 16;
const sat16 = (x: number): number => (x < I16_MIN ? I16_MIN : x > I16_MAX ? I16_MAX : x);

/** 32-bit Q0.31 multiplier → 16-bit Q0.15 (rounded, saturating). */
function downscaleMultiplier(m: number): number {
  if (m >= 2147483647 - 32768) return I16_MAX;
  return (m + 32768) >> 16;
}

/** gemmlowp's SaturatingRoundingDoublingHighMul on int16. */
function srdhm16(a: number, b: number): number {
  if (a === I16_MIN && b === I16_MIN) return I16_MAX;
  const ab = a * b;
  return wrap16(Math.trunc((ab + (ab >= 0 ? 1 << 14 : 1 - (1 << 14))) / 32768));
}

/** Doubling high multiply rounding toward zero (ARM SQDMULH) on int16. */
function sdhm16(a: number, b: number): number {
  if (a === I16_MIN && b === I16_MIN) return I16_MAX;
  return wrap16(Math.trunc((a * b) / 32768));
}

export const hardSwish = kernel('tfl.HARD_SWISH', {
  supports: supportsDtypes(['f32', 'i8', 'u8']),
  prepare(ctx) {
    const a = ctx.inputs[0]!, out = ctx.node.outputs[0]!;
    if (a.dtype === 'f32') return;
    const qi = qp(a, ctx.node), qo = qp(out, ctx.node);
    const hiresInputScale = Math.fround(qi.scale / 128);
    const reluishScale = Math.fround(3 / 32768);
    const o = quantizeMultiplier(Math.fround(hiresInputScale / qo.scale));
    const r = quantizeMultiplier(Math.fround(hiresInputScale / reluishScale));
    const [lo, hi] = intRange(out.dtype);
    ctx.cache['q'] = {
      zi: qi.zeroPoint, zo: qo.zeroPoint, outM: downscaleMultiplier(o.multiplier), outE: o.shift,
      reluM: downscaleMultiplier(r.multiplier), reluE: r.shift, lo, hi,
    } satisfies HardSwishParams;
  },
  run(ctx) {
    const p = ctx.cache['q'] as HardSwishParams | undefined;
    if (!p) {
      unaryMap(ctx, (x) => Math.fround(Math.fround(x * Math.min(6, Math.max(0, Math.fround(x + 3)))) / 6));
      return;
    }
    unaryMap(ctx, (q) => {
      const hires = wrap16((q - p.zi) * 128);
      const preshiftOut = srdhm16(hires, p.outM);
      let reluish = hires;
      if (p.reluE > 0) reluish = sat16(reluish * 2 ** (p.reluE - 1));
      reluish = srdhm16(reluish, p.reluM);
      if (p.reluE > 0) reluish = sat16(reluish * 2);
      if (p.reluE < 0) reluish = roundingDivideByPOT(reluish, -p.reluE);
      reluish = (reluish + 32768) >> 1;
      let v = roundingDivideByPOT(sdhm16(reluish, preshiftOut), -p.outE) + p.zo;
      v = wrap16(v);
      return v < p.lo ? p.lo : v > p.hi ? p.hi : v;
    });
  },
});
