// tfl.LOG: natural log. f32; i8 and i16 through TFLite's float lookup tables, where inputs ≤ 0
// map to the output's lowest representable value.
import { intRange } from '../fixed-point';
import { applyLut, applyLut16, floatLut16, floatLut8, kernel, qp, supportsDtypes, unaryMap } from './elementwise-utils';

export const log = kernel('tfl.LOG', {
  supports: supportsDtypes(['f32', 'i8', 'i16']),
  prepare(ctx) {
    const a = ctx.inputs[0]!, out = ctx.node.outputs[0]!;
    if (a.dtype !== 'i8' && a.dtype !== 'i16') return;
    const { scale, zeroPoint } = qp(out, ctx.node);
    const outputMin = Math.fround((intRange(out.dtype)[0] - zeroPoint) * scale);
    const f = (v: number) => (v <= 0 ? outputMin : Math.log(v));
    ctx.cache['lut'] = a.dtype === 'i8' ? floatLut8(a, out, ctx.node, f) : floatLut16(a, out, ctx.node, f);
  },
  run(ctx) {
    if (ctx.inputs[0]!.dtype === 'i8') applyLut(ctx, ctx.cache['lut'] as Int32Array, -128);
    else if (ctx.inputs[0]!.dtype === 'i16') applyLut16(ctx, ctx.cache['lut'] as Int16Array);
    else unaryMap(ctx, Math.log);
  },
});
