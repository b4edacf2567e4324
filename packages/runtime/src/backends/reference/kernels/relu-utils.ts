// The ReLU family (RELU, RELU6, RELU_N1_TO_1, RELU_0_TO_1): clamp to [lo, hi]. Quantized inputs
// follow TFLite's ReluX: rescale (q − z_in) by s_in/s_out (float32 ratio), add z_out, clamp to the
// bounds quantized in the output domain (roundf(bound / s_out) + z_out).
import type { KernelConfig } from '../../../kernel';
import { intRange, multiplyByQuantizedMultiplier, quantizeMultiplier, roundHalfAway } from '../fixed-point';
import { isQuantizedDtype, kernel, qp, supportsDtypes, unaryMap } from './elementwise-utils';

interface ReluParams { zi: number; zo: number; m: number; s: number; lo: number; hi: number }

export function reluKernel(op: string, min: number, max: number): KernelConfig {
  return kernel(op, {
    supports: supportsDtypes(['f32', 'i8', 'u8', 'i16']),
    prepare(ctx) {
      const a = ctx.inputs[0]!, out = ctx.node.outputs[0]!;
      if (!isQuantizedDtype(a.dtype)) return;
      const qi = qp(a, ctx.node), qo = qp(out, ctx.node);
      const { multiplier, shift } = quantizeMultiplier(Math.fround(qi.scale / qo.scale));
      const [tmin, tmax] = intRange(out.dtype);
      const lo = Math.max(tmin, qo.zeroPoint + roundHalfAway(Math.fround(min / qo.scale)));
      const hi = max === Infinity ? tmax : Math.min(tmax, qo.zeroPoint + roundHalfAway(Math.fround(max / qo.scale)));
      ctx.cache['q'] = { zi: qi.zeroPoint, zo: qo.zeroPoint, m: multiplier, s: shift, lo, hi } satisfies ReluParams;
    },
    run(ctx) {
      const p = ctx.cache['q'] as ReluParams | undefined;
      if (p) {
        unaryMap(ctx, (x) => {
          const r = p.zo + multiplyByQuantizedMultiplier(x - p.zi, p.m, p.s);
          return r < p.lo ? p.lo : r > p.hi ? p.hi : r;
        });
      } else {
        unaryMap(ctx, (x) => (x < min ? min : x > max ? max : x));
      }
    },
  });
}
