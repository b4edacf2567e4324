// tfl.ADD: a + b with broadcasting and a fused activation. f32/i32/i64 natively; i8/u8/i16 with
// TFLite's quantized rescaling (see quantized-add.ts), or XNNPACK's in requantization mode
// 'xnnpack' (see xnnpack-binary.ts).
import type { DType } from '../../../ir';
import { isQuantizedDtype, binaryMap, binaryMapBig, floatActivation, kernel, supportsDtypes } from './elementwise-utils';
import { prepareQuantizedAddSub, quantizedAddSubFn } from './quantized-add';
import { clampBig } from './arith-utils';
import { xnnpackAddSubFn } from './xnnpack-binary';

const DTYPES: readonly DType[] = ['f32', 'i8', 'u8', 'i16', 'i32', 'i64'];

export const add = kernel('tfl.ADD', {
  supports(node) {
    const same = supportsDtypes(DTYPES, true)(node);
    if (same === true) return true;
    // TFLite gives ADD's output the dtype of its second input, so a float-declared tensor that
    // carries quantization parameters may in fact hold quantized values (legacy models do this).
    const [a, b] = [node.inputs[0], node.inputs[1]];
    const quantizedFloat = (v: typeof a) => v?.dtype === 'f32' && !v.data && (v.quant?.scale.length ?? 0) > 0;
    if (a && b && isQuantizedDtype(b.dtype) && (quantizedFloat(a) || a.dtype === b.dtype)) return true;
    if (a && b && isQuantizedDtype(a.dtype) && quantizedFloat(b)) return true;
    return same;
  },
  prepare(ctx) {
    if (isQuantizedDtype(ctx.inputs[0]!.dtype)) ctx.cache['fn'] = xnnpackAddSubFn(ctx, false) ?? quantizedAddSubFn(prepareQuantizedAddSub(ctx, false));
  },
  run(ctx) {
    const dtype = ctx.inputs[0]!.dtype;
    if (isQuantizedDtype(dtype)) {
      // the output takes input 1's dtype whatever the model declares (as TFLite's Prepare does)
      binaryMap(ctx, ctx.cache['fn'] as (x: number, y: number) => number, ctx.inputs[1]!.dtype);
      return;
    }
    const [lo, hi] = floatActivation(ctx);
    if (dtype === 'i64') binaryMapBig(ctx, (a, b) => clampBig(a + b, lo, hi));
    else if (dtype === 'i32') binaryMap(ctx, (a, b) => { const r = (a + b) | 0; return r < lo ? lo : r > hi ? hi : r; });
    else binaryMap(ctx, (a, b) => { const r = Math.fround(a + b); return r < lo ? lo : r > hi ? hi : r; });
  },
});
