// tfl.DEQUANTIZE int8 / uint8 / int16 → float32: out = float32(scale · (q − zeroPoint)), the
// product in double as the reference computes it; per tensor (channels = 1) or per axis (the
// tensor seen as [outer, channels, inner], one scale and zero point per channel).

/** float32(s · (v − z)) of four i32 lanes, the products in double. */
// @ts-ignore: decorator
@inline
function dequant4(v: v128, s: v128, z: v128): v128 {
  const d = i32x4.sub(v, z);
  const lo = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.convert_low_i32x4_s(d), s));
  const hi = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.convert_low_i32x4_s(i8x16.shuffle(d, d, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7)), s));
  return i8x16.shuffle(lo, hi, 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
}

/** dtype: 0 int8, 1 uint8, 2 int16. scales: f64 per channel; zps: i32 per channel. */
export function dequantize_q(x: usize, dtype: i32, outer: i32, channels: i32, inner: i32, scales: usize, zps: usize, out: usize): void {
  let i: usize = 0;
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const s = load<f64>(scales + (<usize>c << 3)), z = load<i32>(zps + (<usize>c << 2));
      const end = i + <usize>inner;
      if (ASC_FEATURE_SIMD) {
        const vs = f64x2.splat(s), vz = i32x4.splat(z);
        for (; i + 4 <= end; i += 4) {
          const v = dtype == 0 ? i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(v128.load32_zero(x + i)))
            : dtype == 1 ? i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(x + i)))
              : i32x4.extend_low_i16x8_s(v128.load64_zero(x + (i << 1)));
          v128.store(out + (i << 2), dequant4(v, vs, vz));
        }
      }
      if (dtype == 0) for (; i < end; i++) store<f32>(out + (i << 2), <f32>(s * <f64>(<i32>load<i8>(x + i) - z)));
      else if (dtype == 1) for (; i < end; i++) store<f32>(out + (i << 2), <f32>(s * <f64>(<i32>load<u8>(x + i) - z)));
      else for (; i < end; i++) store<f32>(out + (i << 2), <f32>(s * <f64>(<i32>load<i16>(x + (i << 1)) - z)));
    }
  }
}
