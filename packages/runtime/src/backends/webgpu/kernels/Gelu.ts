// tfl.GELU on WebGPU (f32): exact (erf) or tanh approximation per the `approximate` attribute.
import type { GpuKernel } from '../kernel';
import { unaryKernel } from './unary';
import { boolAttr } from './util';

// Abramowitz–Stegun 7.1.26 is too coarse for 1e-5; this uses erf via a rational approximation
// with |error| < 1.2e-7 (Numerical Recipes' erfc, Chebyshev fit).
const ERF = `
fn erf_f(x: f32) -> f32 {
  let z = abs(x);
  let t = 1.0 / (1.0 + 0.5 * z);
  let r = t * exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return select(r - 1.0, 1.0 - r, x >= 0.0);
}
`;

const exact = unaryKernel('tfl.GELU', '0.5 * x * (1.0 + erf_f(x * 0.70710678118654752))', { helpers: ERF });
const approx = unaryKernel('tfl.GELU#tanh', '0.5 * x * (1.0 + tanh(clamp(0.7978845608028654 * (x + 0.044715 * x * x * x), -20.0, 20.0)))');

export const gelu: GpuKernel = {
  op: 'tfl.GELU',
  supports: exact.supports,
  run: (ctx) => (boolAttr(ctx.attrs, 'approximate', false) ? approx : exact).run(ctx),
};
