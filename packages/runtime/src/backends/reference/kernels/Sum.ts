// tfl.SUM over the constant axes (input 1), `keepDims`. f32 in float32, i32 wrapping, i64;
// i8/u8/i16 with TFLite's integer QuantizedMeanOrSum (sum form).
import { bigs, nums } from './elementwise-utils';
import { prepareQuantizedMeanSum, quantizedMeanOrSum } from './quantized-mean-sum';
import { reduceKernel } from './reduce-utils';

export const sum = reduceKernel('tfl.SUM', ['f32', 'i8', 'u8', 'i16', 'i32', 'i64'], (ctx, plan, out) => {
  const a = ctx.inputs[0]!;
  if (a.dtype === 'i8' || a.dtype === 'u8' || a.dtype === 'i16') {
    quantizedMeanOrSum(ctx, plan, out, false);
    return;
  }
  if (a.dtype === 'i64') {
    const x = bigs(a), z = bigs(out);
    z.fill(0n);
    for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] = BigInt.asIntN(64, z[plan.outIndex[i]!]! + x[i]!);
    return;
  }
  const x = nums(a), z = nums(out);
  z.fill(0);
  if (a.dtype === 'i32') for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] = (z[plan.outIndex[i]!]! + x[i]!) | 0;
  else for (let i = 0; i < x.length; i++) z[plan.outIndex[i]!] += x[i]!;
}, (ctx) => {
  const d = ctx.inputs[0]!.dtype;
  if (d === 'i8' || d === 'u8' || d === 'i16') prepareQuantizedMeanSum(ctx);
});
