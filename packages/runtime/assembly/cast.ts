// tfl.CAST between float32 and 8/16/32-bit integers, as the reference backend does it: integers
// → float32 round to nearest, float32 → integer truncates toward zero and wraps modulo 2^bits
// (non-finite → 0), integer → integer keeps the low bits. Dtype codes: CAST_CODES in
// src/backends/wasm/kernels/Cast.ts.

const F32 = 0, I8 = 1, U8 = 2, I16 = 3, U16 = 4, I32 = 5, U32 = 6;

// @ts-ignore: decorator
@inline
function read(x: usize, i: usize, t: i32): f64 {
  switch (t) {
    case F32: return <f64>load<f32>(x + (i << 2));
    case I8: return <f64>load<i8>(x + i);
    case U8: return <f64>load<u8>(x + i);
    case I16: return <f64>load<i16>(x + (i << 1));
    case U16: return <f64>load<u16>(x + (i << 1));
    case I32: return <f64>load<i32>(x + (i << 2));
    default: return <f64>load<u32>(x + (i << 2));
  }
}

/** ECMAScript ToInt32 of trunc(v): modulo 2^32, 0 for NaN and ±Infinity. */
// @ts-ignore: decorator
@inline
function wrap32(v: f64): i32 {
  const t = trunc<f64>(v);
  // float32 values of magnitude ≥ 2^63 are multiples of 2^32 (and NaN / ±Infinity give 0).
  if (!(abs<f64>(t) < 9223372036854775808.0)) return 0;
  return <i32>(<i64>t);
}

export function cast(x: usize, inType: i32, n: i32, out: usize, outType: i32): void {
  let i: usize = 0;
  const end = <usize>n;
  if (outType == F32 && (inType == U8 || inType == I8 || inType == I32)) {
    // Hot paths: exact or round-to-nearest int → float32 conversions, 4 at a time.
    if (ASC_FEATURE_SIMD) {
      for (; i + 4 <= end; i += 4) {
        const v = inType == I32 ? v128.load(x + (i << 2))
          : inType == U8 ? i32x4.extend_low_i16x8_u(i16x8.extend_low_i8x16_u(v128.load32_zero(x + i)))
            : i32x4.extend_low_i16x8_s(i16x8.extend_low_i8x16_s(v128.load32_zero(x + i)));
        v128.store(out + (i << 2), f32x4.convert_i32x4_s(v));
      }
    }
  }
  for (; i < end; i++) {
    const v = read(x, i, inType);
    switch (outType) {
      case F32: store<f32>(out + (i << 2), <f32>v); break;
      case I8: case U8: store<u8>(out + i, <u8>wrap32(v)); break;
      case I16: case U16: store<u16>(out + (i << 1), <u16>wrap32(v)); break;
      default: store<i32>(out + (i << 2), wrap32(v));
    }
  }
}
