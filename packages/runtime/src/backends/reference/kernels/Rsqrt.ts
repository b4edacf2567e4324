// tfl.RSQRT: 1/√x. f32; i16 through TFLite's float lookup table; i8 exactly as TFLite: 1/√(q − z_in) by its fixed-point Newton iteration,
// scaled by 1/(√s_in · s_out), plus z_out, clamped (q = z_in gives the max value). Inputs below
// the zero point are an error.
import { RuntimeError } from '../../../errors';
import { invSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { applyLut16, floatLut16, kernel, nums, qp, supportsDtypes, unaryMap } from './elementwise-utils';

const SHIFT = 20;

export const rsqrt = kernel('tfl.RSQRT', {
  supports: supportsDtypes(['f32', 'i8', 'i16']),
  prepare(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'i16') {
      const so = qp(ctx.node.outputs[0]!, ctx.node).scale;
      ctx.cache['zi'] = qp(a, ctx.node).zeroPoint;
      ctx.cache['lut16'] = floatLut16(a, ctx.node.outputs[0]!, ctx.node, (v) => (v <= 0 ? Math.fround(32767 * so) : Math.fround(1 / Math.fround(Math.sqrt(v)))));
      return;
    }
    if (a.dtype !== 'i8') return;
    const qi = qp(a, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    const { multiplier, shift } = quantizeMultiplier(1 / Math.fround(Math.fround(Math.sqrt(qi.scale)) * qo.scale));
    // table of all 256 outputs
    const lut = new Int32Array(256);
    for (let q = -128; q < 128; q++) {
      const value = q - qi.zeroPoint;
      if (value < 0) { lut[q + 128] = 0; continue; }
      if (value === 0) { lut[q + 128] = 127; continue; }
      const inv = invSqrtQuantizedMultiplierExp(value, -1);
      const data = multiplyByQuantizedMultiplier(1, inv.multiplier, inv.shift + SHIFT);
      const r = multiplyByQuantizedMultiplier(data, multiplier, shift - SHIFT) + qo.zeroPoint;
      lut[q + 128] = r < -128 ? -128 : r > 127 ? 127 : r;
    }
    ctx.cache['lut'] = lut;
    ctx.cache['zi'] = qi.zeroPoint;
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') {
      unaryMap(ctx, (x) => 1 / Math.sqrt(x));
      return;
    }
    const zi = ctx.cache['zi'] as number, lut = ctx.cache['lut'] as Int32Array;
    const x = nums(a);
    for (let i = 0; i < x.length; i++) {
      if (x[i]! < zi) throw new RuntimeError('KERNEL_FAILED', `tfl.RSQRT '${ctx.node.name}': rsqrt is only defined for positive values`, [ctx.node.name]);
    }
    if (a.dtype === 'i16') {
      applyLut16(ctx, ctx.cache['lut16'] as Int16Array);
      return;
    }
    const out = ctx.output(0, a.shape);
    const z = nums(out);
    for (let i = 0; i < x.length; i++) z[i] = lut[x[i]! + 128]!;
  },
});
