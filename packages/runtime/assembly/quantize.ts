// tfl.QUANTIZE float32 → int8 / uint8 with one scale and zero point: q = clamp(round(x / s) + z),
// x / s in float32 and rounded half away from zero, bit-exact with the reference backend (NaN → 0).

/** n float32 values at x → 8-bit values at out (int8 when outSigned, else uint8); lo/hi: the clamp range. */
export function quantize_f32_q8(x: usize, n: i32, scale: f32, zp: i32, lo: i32, hi: i32, out: usize, outSigned: i32): void {
  let i = 0;
  // Clamped in float before the conversion (the rounded value is an integer, so this is exact).
  const flo = <f32>(lo - zp), fhi = <f32>(hi - zp);
  if (ASC_FEATURE_SIMD) {
    const s = f32x4.splat(scale), half = f32x4.splat(0.5), one = f32x4.splat(1.0), signBit = i32x4.splat(0x80000000);
    const vlo = f32x4.splat(flo), vhi = f32x4.splat(fhi), z = i32x4.splat(zp);
    for (; i + 16 <= n; i += 16) {
      const q0 = quantize4(v128.load(x + (<usize>i << 2)), s, half, one, signBit, vlo, vhi, z);
      const q1 = quantize4(v128.load(x + (<usize>i << 2), 16), s, half, one, signBit, vlo, vhi, z);
      const q2 = quantize4(v128.load(x + (<usize>i << 2), 32), s, half, one, signBit, vlo, vhi, z);
      const q3 = quantize4(v128.load(x + (<usize>i << 2), 48), s, half, one, signBit, vlo, vhi, z);
      const w0 = i16x8.narrow_i32x4_s(q0, q1), w1 = i16x8.narrow_i32x4_s(q2, q3);
      v128.store(out + <usize>i, outSigned ? i8x16.narrow_i16x8_s(w0, w1) : i8x16.narrow_i16x8_u(w0, w1));
    }
  }
  for (; i < n; i++) {
    const v = load<f32>(x + (<usize>i << 2)) / scale;
    let q: i32 = 0;
    if (v == v) {
      const a = abs<f32>(v);
      let r = floor<f32>(a);
      if (a - r >= 0.5) r += 1;
      const c = min<f32>(max<f32>(v < 0 ? -r : r, flo), fhi);
      q = <i32>c + zp;
    }
    if (outSigned) store<i8>(out + <usize>i, <i8>q);
    else store<u8>(out + <usize>i, <u8>q);
  }
}

/** 4 lanes: clamp(roundHalfAway(v / s)) + z as i32 (0 for NaN). */
// @ts-ignore: decorator
@inline
function quantize4(x: v128, s: v128, half: v128, one: v128, signBit: v128, lo: v128, hi: v128, z: v128): v128 {
  const v = f32x4.div(x, s);
  const t = f32x4.trunc(v);
  const up = f32x4.ge(f32x4.abs(f32x4.sub(v, t)), half);
  const r = f32x4.add(t, v128.and(up, v128.or(one, v128.and(v, signBit))));
  const c = f32x4.min(f32x4.max(r, lo), hi);
  const notNan = f32x4.eq(v, v);
  return v128.and(i32x4.add(i32x4.trunc_sat_f32x4_s(c), z), notNan);
}
