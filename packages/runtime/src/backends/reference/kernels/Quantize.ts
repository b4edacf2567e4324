// tfl.QUANTIZE: float → i8/u8/i16 (round(x / s) + z, half away from zero, per-tensor or per-axis;
// x / s is float32 for i8/u8 and double for i16, as TFLite's int16 AffineQuantize divides by the
// double scale: real TFLite's int16 outputs differ by 1 LSB at ties of float32 otherwise),
// or integer → integer requantization (i8/u8/i16/i32 in and out) by the double-precision ratio
// s_in/s_out applied with MultiplyByQuantizedMultiplier, as TFLite and TFLM do. In requantization
// mode 'xnnpack', i8 → i8 and u8 → u8 follow XNNPACK's convert (which TFLite delegates for ratios
// in [2⁻⁸, 2⁷]): an 8-bit fixed-point multiplier m = round_half_even(256 · float32(s_in/s_out)),
// ((q − z_in) · m + 128) >> 8 + z_out, i.e. ties rounded half up.
import { clamp, intRange, multiplyByQuantizedMultiplier, quantizeMultiplier, roundHalfAway } from '../fixed-point';
import { f16ToF32 } from '../../../half';
import { kernel, nums, qp } from './elementwise-utils';
import { RuntimeError } from '../../../errors';
import { getRequantization } from './nn-quant-utils';

const INTS = ['i8', 'u8', 'i16', 'i32'];

export const quantize = kernel('tfl.QUANTIZE', {
  supports(node) {
    const a = node.inputs[0]?.dtype, b = node.outputs[0]?.dtype;
    if (!a || !b) return 'missing input or output';
    if ((a === 'f32' || a === 'f16') && (b === 'i8' || b === 'u8' || b === 'i16')) return true;
    if (INTS.includes(a) && INTS.includes(b)) return true;
    return `quantize ${a} → ${b} is not supported`;
  },
  prepare(ctx) {
    const a = ctx.inputs[0]!, out = ctx.node.outputs[0]!;
    if (a.dtype === 'f32' || a.dtype === 'f16') return;
    const qi = qp(a, ctx.node), qo = qp(out, ctx.node);
    ctx.cache['r'] = { ...quantizeMultiplier(qi.scale / qo.scale), zi: qi.zeroPoint, zo: qo.zeroPoint };
    const ratio = Math.fround(Math.fround(qi.scale) / Math.fround(qo.scale));
    if (a.dtype === out.dtype && (a.dtype === 'i8' || a.dtype === 'u8') && ratio >= 2 ** -8 && ratio <= 2 ** 7) {
      const m = Math.fround(256 * ratio), r = Math.round(m);
      ctx.cache['x8'] = r - m === 0.5 && (r & 1) !== 0 ? r - 1 : r;
    }
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    const out = ctx.output(0, a.shape);
    const [lo, hi] = intRange(out.dtype);
    const x = nums(a), z = nums(out);
    if (a.dtype === 'f32' || a.dtype === 'f16') {
      const q = out.quant;
      if (!q || q.scale.length === 0) throw new RuntimeError('BAD_MODEL', `tfl.QUANTIZE '${ctx.node.name}': output has no quantization parameters`, [ctx.node.name]);
      const read = a.dtype === 'f16' ? f16ToF32 : (v: number) => v;
      const div = out.dtype === 'i16' ? (v: number, s: number) => v / s : (v: number, s: number) => Math.fround(v / s);
      if (q.scale.length === 1) {
        const s = q.scale[0]!, zp = q.zeroPoint[0] ?? 0;
        for (let i = 0; i < x.length; i++) z[i] = clamp(roundHalfAway(div(read(x[i]!), s)) + zp, lo, hi);
      } else {
        const axis = (q.axis ?? 0) < 0 ? q.axis! + a.shape.length : q.axis ?? 0;
        const channels = a.shape[axis]!;
        let inner = 1;
        for (let d = axis + 1; d < a.shape.length; d++) inner *= a.shape[d]!;
        for (let i = 0; i < x.length; i++) {
          const c = Math.floor(i / inner) % channels;
          z[i] = clamp(roundHalfAway(div(read(x[i]!), q.scale[c]!)) + (q.zeroPoint[c] ?? 0), lo, hi);
        }
      }
      return;
    }
    const { multiplier, shift, zi, zo } = ctx.cache['r'] as { multiplier: number; shift: number; zi: number; zo: number };
    const m8 = ctx.cache['x8'] as number | undefined;
    if (m8 !== undefined && getRequantization() === 'xnnpack') {
      for (let i = 0; i < x.length; i++) z[i] = clamp((((x[i]! - zi) * m8 + 128) >> 8) + zo, lo, hi);
      return;
    }
    for (let i = 0; i < x.length; i++) z[i] = clamp(multiplyByQuantizedMultiplier(x[i]! - zi, multiplier, shift) + zo, lo, hi);
  },
});
