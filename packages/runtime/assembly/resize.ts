// f32 bilinear resize over NHWC input, bit-exact with the reference backend: per output row and
// column the caller passes (lower, upper, fraction) as computed in float32; each output value is
// the sum of the four float32 products rounded once (they are added in double, as the reference
// does), 4 channels at a time.

// @ts-ignore: decorator
@inline
function sum4(t1: v128, t2: v128, t3: v128, t4: v128): v128 {
  const lo = f64x2.add(f64x2.add(f64x2.add(f64x2.promote_low_f32x4(t1), f64x2.promote_low_f32x4(t2)), f64x2.promote_low_f32x4(t3)), f64x2.promote_low_f32x4(t4));
  const h1 = i8x16.shuffle(t1, t1, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  const h2 = i8x16.shuffle(t2, t2, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  const h3 = i8x16.shuffle(t3, t3, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  const h4 = i8x16.shuffle(t4, t4, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7);
  const hi = f64x2.add(f64x2.add(f64x2.add(f64x2.promote_low_f32x4(h1), f64x2.promote_low_f32x4(h2)), f64x2.promote_low_f32x4(h3)), f64x2.promote_low_f32x4(h4));
  const a = f32x4.demote_f64x2_zero(lo), b = f32x4.demote_f64x2_zero(hi);
  return i8x16.shuffle(a, b, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
}

/** ys: per output row [y0 i32, y1 i32, dy f32]; xs: per output column [x0, x1, dx]. */
export function resize_bilinear_f32(x: usize, N: i32, H: i32, W: i32, C: i32, outH: i32, outW: i32, ys: usize, xs: usize, out: usize): void {
  const cb = <usize>C << 2;
  let o = out;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const yp = ys + <usize>oy * 12;
      const y0 = load<i32>(yp), y1 = load<i32>(yp, 4), dy = load<f32>(yp, 8);
      const r0 = x + <usize>(b * H + y0) * <usize>W * cb, r1 = x + <usize>(b * H + y1) * <usize>W * cb;
      const wy0: f32 = 1 - dy;
      for (let ox = 0; ox < outW; ox++) {
        const xp = xs + <usize>ox * 12;
        const x0 = <usize>load<i32>(xp) * cb, x1 = <usize>load<i32>(xp, 4) * cb, dx = load<f32>(xp, 8);
        const wx0: f32 = 1 - dx;
        let c = 0;
        if (ASC_FEATURE_SIMD) {
          const vy0 = f32x4.splat(wy0), vy1 = f32x4.splat(dy), vx0 = f32x4.splat(wx0), vx1 = f32x4.splat(dx);
          for (; c + 4 <= C; c += 4) {
            const co = <usize>c << 2;
            const t1 = f32x4.mul(f32x4.mul(v128.load(r0 + x0 + co), vy0), vx0);
            const t2 = f32x4.mul(f32x4.mul(v128.load(r1 + x0 + co), vy1), vx0);
            const t3 = f32x4.mul(f32x4.mul(v128.load(r0 + x1 + co), vy0), vx1);
            const t4 = f32x4.mul(f32x4.mul(v128.load(r1 + x1 + co), vy1), vx1);
            v128.store(o + co, sum4(t1, t2, t3, t4));
          }
        }
        for (; c < C; c++) {
          const co = <usize>c << 2;
          const t1 = <f64>(load<f32>(r0 + x0 + co) * wy0 * wx0);
          const t2 = <f64>(load<f32>(r1 + x0 + co) * dy * wx0);
          const t3 = <f64>(load<f32>(r0 + x1 + co) * wy0 * dx);
          const t4 = <f64>(load<f32>(r1 + x1 + co) * dy * dx);
          store<f32>(o + co, <f32>(t1 + t2 + t3 + t4));
        }
        o += cb;
      }
    }
  }
}
