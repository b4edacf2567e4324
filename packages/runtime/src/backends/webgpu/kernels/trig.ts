// sin/cos with range reduction (WGSL's built-ins are only accurate on [-π, π]): x is reduced by
// multiples of π/2 in two steps (Cody–Waite) and evaluated with Taylor polynomials on [-π/4, π/4].
export const TRIG_WGSL = `
fn trig_poly(r: f32, q: i32, cosine: bool) -> f32 {
  let r2 = r * r;
  let s = r * (1.0 + r2 * (-0.16666667 + r2 * (0.008333333 + r2 * (-0.00019841270 + r2 * 2.7557319e-6))));
  let c = 1.0 + r2 * (-0.5 + r2 * (0.041666668 + r2 * (-0.0013888889 + r2 * (2.4801587e-5 - r2 * 2.7557319e-7))));
  let k = (q + select(0, 1, cosine)) & 3;
  if (k == 0) { return s; }
  if (k == 1) { return c; }
  if (k == 2) { return -s; }
  return -c;
}
fn reduce_half_pi(x: f32) -> vec2<f32> {
  let q = round(x * 0.63661977236758134);
  let r = (x - q * 1.5707963705062866) + q * 4.3711388e-8;
  return vec2<f32>(r, q);
}
fn sin_acc(x: f32) -> f32 { let rq = reduce_half_pi(x); return trig_poly(rq.x, i32(rq.y), false); }
fn cos_acc(x: f32) -> f32 { let rq = reduce_half_pi(x); return trig_poly(rq.x, i32(rq.y), true); }
`;
