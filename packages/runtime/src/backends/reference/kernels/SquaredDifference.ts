// tfl.SQUARED_DIFFERENCE: (a − b)² with broadcasting. f32, i32 (wrapping), and i8 quantized the
// TFLite way: both inputs rescaled to 2·max(s_a, s_b) with 2^7 headroom, differenced, squared in
// int32, then rescaled to the output.
import { clamp, intRange, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import type { KernelContext } from '../../../kernel';
import { broadcastShapes, forEachRow } from './broadcast';
import { binaryMap, kernel, qp, supportsDtypes } from './elementwise-utils';

interface SqDiffParams { za: number; zb: number; zo: number; m1: number; s1: number; m2: number; s2: number; mo: number; so: number; lo: number; hi: number }
const LEFT_SHIFT = 7;

export const squaredDifference = kernel('tfl.SQUARED_DIFFERENCE', {
  supports: supportsDtypes(['f32', 'i32', 'i8'], true),
  prepare(ctx) {
    if (ctx.inputs[0]!.dtype !== 'i8') return;
    const qa = qp(ctx.inputs[0]!, ctx.node), qb = qp(ctx.inputs[1]!, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    const twiceMax = 2 * Math.max(qa.scale, qb.scale);
    const r1 = quantizeMultiplier(qa.scale / twiceMax), r2 = quantizeMultiplier(qb.scale / twiceMax);
    const ro = quantizeMultiplier((twiceMax * twiceMax) / (2 ** (2 * LEFT_SHIFT) * qo.scale));
    const [lo, hi] = intRange('i8');
    ctx.cache['q'] = { za: qa.zeroPoint, zb: qb.zeroPoint, zo: qo.zeroPoint, m1: r1.multiplier, s1: r1.shift, m2: r2.multiplier, s2: r2.shift, mo: ro.multiplier, so: ro.shift, lo, hi } satisfies SqDiffParams;
  },
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (dtype === 'i8') {
      const p = ctx.cache['q'] as SqDiffParams;
      binaryMap(ctx, (x, y) => {
        const a = multiplyByQuantizedMultiplier((x - p.za) * (1 << LEFT_SHIFT), p.m1, p.s1);
        const b = multiplyByQuantizedMultiplier((y - p.zb) * (1 << LEFT_SHIFT), p.m2, p.s2);
        const d = a - b;
        return clamp(multiplyByQuantizedMultiplier(Math.imul(d, d), p.mo, p.so) + p.zo, p.lo, p.hi);
      });
    } else if (dtype === 'i32') {
      binaryMap(ctx, (a, b) => { const d = (a - b) | 0; return Math.imul(d, d); });
    } else {
      squaredDifferenceF32(ctx);
    }
  },
});

/** f32 (a − b)², the difference rounded to float32, one broadcast row at a time. */
function squaredDifferenceF32(ctx: KernelContext): void {
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
  const out = ctx.output(0, broadcastShapes([a.shape, b.shape], ctx.node));
  const x = a.data as Float32Array, y = b.data as Float32Array, z = out.data as Float32Array;
  forEachRow(out.shape, [a.shape, b.shape], (o, len, off, st) => {
    const sa = st[0]!, sb = st[1]!;
    for (let k = 0, ia = off[0]!, ib = off[1]!; k < len; k++, ia += sa, ib += sb) {
      const d = Math.fround(x[ia]! - y[ib]!);
      z[o + k] = d * d;
    }
  });
}
