// tfl.POW on WebGPU (f32, broadcasting): x^y with real results for negative bases and integer exponents.
import { binaryKernel } from './binary';

const POW_ANY = `
var<private> INF_BITS: u32 = 0x7f800000u;
var<private> NAN_BITS: u32 = 0x7fc00000u;
fn pow_any(a: f32, b: f32) -> f32 {
  if (b == 0.0) { return 1.0; }
  if (a == 0.0) { return select(0.0, bitcast<f32>(INF_BITS), b < 0.0); }
  let r = pow(abs(a), b);
  if (a > 0.0) { return r; }
  if (fract(b) != 0.0) { return bitcast<f32>(NAN_BITS); }
  return select(r, -r, fract(b * 0.5) != 0.0);
}
`;

export const pow = binaryKernel('tfl.POW', 'pow_any(a, b)', false, POW_ANY);
