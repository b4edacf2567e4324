// tfl.MUL: a · b with broadcasting and a fused activation. Quantized (i8/u8/i16):
// (a − za)(b − zb) rescaled by s_a·s_b/s_out (computed in float32, as TFLite does) + z_out;
// XNNPACK's float rescaling in requantization mode 'xnnpack' (see xnnpack-binary.ts).
import { activationRangeQuantized, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { binaryMap, binaryMapBig, floatActivation, fusedActivation, isQuantizedDtype, kernel, qp, supportsDtypes } from './elementwise-utils';
import { clampBig } from './arith-utils';
import { xnnpackMulFn } from './xnnpack-binary';

interface MulParams { za: number; zb: number; zo: number; m: number; s: number; lo: number; hi: number }

export const mul = kernel('tfl.MUL', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], true),
  prepare(ctx) {
    const a = ctx.inputs[0]!, b = ctx.inputs[1]!, out = ctx.node.outputs[0]!;
    if (!isQuantizedDtype(a.dtype)) return;
    ctx.cache['xnn'] = xnnpackMulFn(ctx);
    const qa = qp(a, ctx.node), qb = qp(b, ctx.node), qo = qp(out, ctx.node);
    const { multiplier, shift } = quantizeMultiplier(Math.fround(Math.fround(qa.scale * qb.scale) / qo.scale));
    const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), out.dtype, qo.scale, qo.zeroPoint);
    ctx.cache['q'] = { za: qa.zeroPoint, zb: qb.zeroPoint, zo: qo.zeroPoint, m: multiplier, s: shift, lo, hi } satisfies MulParams;
  },
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (isQuantizedDtype(dtype)) {
      const xnn = ctx.cache['xnn'] as ((x: number, y: number) => number) | undefined;
      if (xnn) {
        binaryMap(ctx, xnn);
        return;
      }
      const { za, zb, zo, m, s, lo, hi } = ctx.cache['q'] as MulParams;
      binaryMap(ctx, (x, y) => {
        const r = zo + multiplyByQuantizedMultiplier(Math.imul(x - za, y - zb), m, s);
        return r < lo ? lo : r > hi ? hi : r;
      });
      return;
    }
    const [lo, hi] = floatActivation(ctx);
    if (dtype === 'i64') binaryMapBig(ctx, (a, b) => clampBig(a * b, lo, hi));
    else if (dtype === 'i32') binaryMap(ctx, (a, b) => { const r = Math.imul(a, b); return r < lo ? lo : r > hi ? hi : r; });
    else binaryMap(ctx, (a, b) => { const r = Math.fround(a * b); return r < lo ? lo : r > hi ? hi : r; });
  },
});
