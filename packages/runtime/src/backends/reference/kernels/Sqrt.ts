// tfl.SQRT: √x. f32; i8/i16 like TFLite: dequantize, sqrt in float32, divide by the output scale
// and truncate toward zero, add the output zero point, clamp. Negative inputs are an error.
import { RuntimeError } from '../../../errors';
import { intRange } from '../fixed-point';
import { kernel, nums, qp, supportsDtypes, unaryMap } from './elementwise-utils';

export const sqrt = kernel('tfl.SQRT', {
  supports: supportsDtypes(['f32', 'i8', 'i16']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') {
      unaryMap(ctx, Math.sqrt);
      return;
    }
    const qi = qp(a, ctx.node), qo = qp(ctx.node.outputs[0]!, ctx.node);
    const [lo, hi] = intRange(a.dtype);
    const x = nums(a);
    const out = ctx.output(0, a.shape);
    const z = nums(out);
    for (let i = 0; i < x.length; i++) {
      const v = Math.fround(qi.scale * (x[i]! - qi.zeroPoint));
      if (v < 0) throw new RuntimeError('KERNEL_FAILED', `tfl.SQRT '${ctx.node.name}': sqrt is only defined for non-negative values`, [ctx.node.name]);
      const r = Math.trunc(Math.fround(Math.fround(Math.sqrt(v)) / qo.scale)) + qo.zeroPoint;
      z[i] = r < lo ? lo : r > hi ? hi : r;
    }
  },
});
