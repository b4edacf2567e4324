// tfl.GELU: x·Φ(x), exact (erf) or with the tanh approximation (`approximate`), in float32;
// i8/u8 through TFLite's float lookup table of the same function.
import type { KernelContext } from '../../../kernel';
import { applyLut, floatLut8, kernel, supportsDtypes, unaryMap } from './elementwise-utils';

const SQRT1_2 = Math.fround(Math.SQRT1_2);
const SQRT_2_OVER_PI = Math.fround(Math.sqrt(2 / Math.PI));
const C = Math.fround(0.044715);

/** erf(x) to ~1e-11: Maclaurin series for |x| < 3, 1 − erfc beyond. */
export function erf(x: number): number {
  if (Math.abs(x) >= 3) return Math.sign(x) * (1 - erfc(Math.abs(x)));
  let term = x, sum = x;
  const x2 = x * x;
  for (let n = 1; n < 80; n++) {
    term *= -x2 / n;
    const t = term / (2 * n + 1);
    sum += t;
    if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

/** erfc(x) = 1 − erf(x), accurate in relative terms for large x (asymptotic series for x ≥ 3). */
export function erfc(x: number): number {
  if (x < 3) return x <= -3 ? 2 - erfc(-x) : 1 - erf(x);
  if (x > 27) return 0;
  // erfc(x) ~ e^{-x²}/(x√π) · Σ (−1)^n (2n−1)!! / (2x²)^n
  const inv = 1 / (2 * x * x);
  let term = 1, sum = 1;
  for (let n = 1; n < 12; n++) {
    term *= -(2 * n - 1) * inv;
    sum += term;
  }
  return (Math.exp(-x * x) / (x * Math.sqrt(Math.PI))) * sum;
}

function geluFn(ctx: KernelContext): (x: number) => number {
  if (ctx.attrs['approximate'] === true) {
    return (x) => Math.fround(Math.fround(0.5 * x) * Math.fround(1 + Math.fround(Math.tanh(Math.fround(SQRT_2_OVER_PI * Math.fround(x + Math.fround(Math.fround(Math.fround(C * x) * x) * x)))))));
  }
  // 0.5·x·erfc(−x/√2): the erfc form avoids cancellation for large negative x (as TFLite)
  return (x) => Math.fround(Math.fround(0.5 * x) * Math.fround(erfc(Math.fround(x * -SQRT1_2))));
}

export const gelu = kernel('tfl.GELU', {
  supports: supportsDtypes(['f32', 'i8', 'u8']),
  prepare(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'i8' || a.dtype === 'u8') ctx.cache['lut'] = floatLut8(a, ctx.node.outputs[0]!, ctx.node, geluFn(ctx));
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') unaryMap(ctx, geluFn(ctx));
    else applyLut(ctx, ctx.cache['lut'] as Int32Array, a.dtype === 'i8' ? -128 : 0);
  },
});
