// Shared preparation of TFLite's int16 LOGISTIC and TANH: the input is rescaled to the sigmoid
// table's domain (3·4096 per unit) either by a pure shift (power-of-two scales) or by a 15-bit
// multiplier and a right shift; the kernels then interpolate the 256-entry table.
import type { KernelContext } from '../../../kernel';
import { qp } from './elementwise-utils';

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
