// Shared preparation of TFLite's int16 LOGISTIC and TANH: the input is rescaled to the sigmoid
// table's domain (3·4096 per unit) either by a pure shift (power-of-two scales) or by a 15-bit
// multiplier and a right shift; the kernels then interpolate the 256-entry table.
// sigmoidFamilyKernel builds either kernel from its per-dtype functions.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { applyLut, floatLut8, kernel, nums, qp, supportsDtypes, unaryMap } from './elementwise-utils';

export interface Sigmoid16Params { m: number; shift: number }

export function prepareSigmoid16(ctx: KernelContext): Sigmoid16Params {
  const scale = qp(ctx.inputs[0]!, ctx.node).scale;
  const l = Math.fround(Math.fround(Math.log(scale)) * Math.fround(1 / Math.log(2)));
  const rounded = Math.round(l);
  const leftShift = 12 + rounded;
  if (Math.abs(l - rounded) < 1e-3 && (leftShift === 0 || leftShift === 1)) return { m: 0, shift: leftShift };
  let multiplier = scale * 4096 * 3;
  let shift = 0;
  while (multiplier <= 32767 / 2 && shift <= 30) {
    shift++;
    multiplier *= 2;
  }
  return { m: Math.trunc(multiplier), shift };
}

/** The per-dtype functions of LOGISTIC or TANH. */
export interface SigmoidFamily {
  /** f32 inputs. */
  f32: (x: number) => number;
  /** The real function tabulated for i8 / u8 inputs (TFLite's 256-entry float lookup table). */
  lut8: (x: number) => number;
  /** i16 inputs: the int16 output for input v rescaled to the sigmoid table's domain. */
  int16: (v: number) => number;
}

export function sigmoidFamilyKernel(op: string, fns: SigmoidFamily): KernelConfig {
  return kernel(op, {
    supports: supportsDtypes(['f32', 'i8', 'u8', 'i16']),
    prepare(ctx) {
      const dtype = ctx.inputs[0]!.dtype;
      if (dtype === 'i8' || dtype === 'u8') ctx.cache['lut'] = floatLut8(ctx.inputs[0]!, ctx.node.outputs[0]!, ctx.node, fns.lut8);
      else if (dtype === 'i16') ctx.cache['q'] = prepareSigmoid16(ctx);
    },
    run(ctx) {
      const a = ctx.inputs[0]!;
      if (a.dtype === 'f32') {
        unaryMap(ctx, fns.f32);
      } else if (a.dtype === 'i16') {
        const p = ctx.cache['q'] as Sigmoid16Params;
        const [m, shift] = p.m === 0 ? [3 << p.shift, 0] : [p.m, p.shift];
        const round = shift > 0 ? 1 << (shift - 1) : 0;
        const x = nums(a), z = nums(ctx.output(0, a.shape));
        for (let i = 0; i < x.length; i++) z[i] = fns.int16((x[i]! * m + round) >> shift);
      } else {
        applyLut(ctx, ctx.cache['lut'] as Int32Array, a.dtype === 'i8' ? -128 : 0);
      }
    },
  });
}
