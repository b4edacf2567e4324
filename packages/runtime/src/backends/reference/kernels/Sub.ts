// tfl.SUB: a − b with broadcasting and a fused activation. f32/i32/i64 natively; i8/u8/i16 with
// TFLite's quantized rescaling (see quantized-add.ts), or XNNPACK's in requantization mode
// 'xnnpack' (see xnnpack-binary.ts).
import { isQuantizedDtype, binaryMap, binaryMapBig, floatActivation, kernel, supportsDtypes } from './elementwise-utils';
import { prepareQuantizedAddSub, quantizedAddSubFn } from './quantized-add';
import { clampBig } from './arith-utils';
import { xnnpackAddSubFn } from './xnnpack-binary';

export const sub = kernel('tfl.SUB', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], true),
  prepare(ctx) {
    if (isQuantizedDtype(ctx.inputs[0]!.dtype)) ctx.cache['fn'] = xnnpackAddSubFn(ctx, true) ?? quantizedAddSubFn(prepareQuantizedAddSub(ctx, true));
  },
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (isQuantizedDtype(dtype)) {
      binaryMap(ctx, ctx.cache['fn'] as (x: number, y: number) => number);
      return;
    }
    const [lo, hi] = floatActivation(ctx);
    if (dtype === 'i64') binaryMapBig(ctx, (a, b) => clampBig(a - b, lo, hi));
    else if (dtype === 'i32') binaryMap(ctx, (a, b) => { const r = (a - b) | 0; return r < lo ? lo : r > hi ? hi : r; });
    else binaryMap(ctx, (a, b) => { const r = Math.fround(a - b); return r < lo ? lo : r > hi ? hi : r; });
  },
});
