// tfl.DEQUANTIZE: i8/u8/i16/i32/i4 → f32 as s·(q − z) (per-tensor: double product rounded to
// float32, per-axis: float32 arithmetic, as TFLite), and f16 (raw bits) → f32.
import { f16ToF32 } from '../../../half';
import { RuntimeError } from '../../../errors';
import { kernel, nums, supportsDtypes } from './elementwise-utils';

export const dequantize = kernel('tfl.DEQUANTIZE', {
  supports: supportsDtypes(['i8', 'u8', 'i16', 'i32', 'i4', 'f16']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    const out = ctx.output(0, a.shape, 'f32');
    const x = nums(a), z = out.data as Float32Array;
    if (a.dtype === 'f16') {
      for (let i = 0; i < x.length; i++) z[i] = f16ToF32(x[i]!);
      return;
    }
    const q = a.quant;
    if (!q || q.scale.length === 0) throw new RuntimeError('BAD_MODEL', `tfl.DEQUANTIZE '${ctx.node.name}': input '${a.name}' has no quantization parameters`, [ctx.node.name, a.name]);
    if (q.scale.length === 1) {
      const s = q.scale[0]!, zp = q.zeroPoint[0] ?? 0;
      for (let i = 0; i < x.length; i++) z[i] = s * (x[i]! - zp);
      return;
    }
    const axis = (q.axis ?? 0) < 0 ? q.axis! + a.shape.length : q.axis ?? 0;
    const channels = a.shape[axis]!;
    let inner = 1;
    for (let d = axis + 1; d < a.shape.length; d++) inner *= a.shape[d]!;
    for (let i = 0; i < x.length; i++) {
      const c = Math.floor(i / inner) % channels;
      z[i] = Math.fround(x[i]! - (q.zeroPoint[c] ?? 0)) * q.scale[c]!;
    }
  },
});
