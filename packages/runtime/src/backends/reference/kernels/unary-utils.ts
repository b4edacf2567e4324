// A float unary op that also runs on int8/uint8 (256-entry) and int16 (513-entry, interpolated)
// through TFLite's float lookup tables.
import type { DType } from '../../../ir';
import type { KernelConfig } from '../../../kernel';
import { applyLut, applyLut16, floatLut16, floatLut8, kernel, supportsDtypes, unaryMap } from './elementwise-utils';

/** `f` is evaluated in float32 (its result rounded to float32). */
export function floatUnaryKernel(op: string, f: (x: number) => number, opts: { lut8?: boolean; lut16?: boolean; f64?: boolean } = {}): KernelConfig {
  const dtypes: DType[] = ['f32'];
  if (opts.f64) dtypes.push('f64');
  if (opts.lut8) dtypes.push('i8', 'u8');
  if (opts.lut16) dtypes.push('i16');
  return kernel(op, {
    supports: supportsDtypes(dtypes),
    prepare(ctx) {
      const a = ctx.inputs[0]!;
      if (a.dtype === 'i8' || a.dtype === 'u8') ctx.cache['lut'] = floatLut8(a, ctx.node.outputs[0]!, ctx.node, f);
      else if (a.dtype === 'i16') ctx.cache['lut'] = floatLut16(a, ctx.node.outputs[0]!, ctx.node, f);
    },
    run(ctx) {
      const a = ctx.inputs[0]!;
      if (a.dtype === 'i8' || a.dtype === 'u8') applyLut(ctx, ctx.cache['lut'] as Int32Array, a.dtype === 'i8' ? -128 : 0);
      else if (a.dtype === 'i16') applyLut16(ctx, ctx.cache['lut'] as Int16Array);
      else unaryMap(ctx, f);
    },
  });
}
