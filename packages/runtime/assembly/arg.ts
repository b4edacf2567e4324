// ARG_MAX / ARG_MIN over the middle axis of an [outer, n, inner] view: the index of the first
// extreme value (ties and NaN as the reference backend: a value replaces the best one only when
// strictly greater / less). Dtype codes: 0 float32, 1 int8, 2 uint8, 3 int16, 4 int32.

// @ts-ignore: decorator
@inline
function scan<T>(x: usize, outer: i32, n: i32, inner: i32, isMax: i32, out: usize, out64: i32): void {
  const step = <usize>inner * sizeof<T>();
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let p = x + (<usize>o * <usize>n * <usize>inner + <usize>i) * sizeof<T>();
      let best = load<T>(p), bestIdx = 0;
      for (let k = 1; k < n; k++) {
        p += step;
        const v = load<T>(p);
        if (isMax ? v > best : v < best) { best = v; bestIdx = k; }
      }
      const j = <usize>(o * inner + i);
      if (out64) store<i64>(out + (j << 3), <i64>bestIdx);
      else store<i32>(out + (j << 2), bestIdx);
    }
  }
}

/** out: outer·inner indices, i32 (out64 = 0) or i64. */
export function arg_extreme(x: usize, dtype: i32, outer: i32, n: i32, inner: i32, isMax: i32, out: usize, out64: i32): void {
  switch (dtype) {
    case 0: scan<f32>(x, outer, n, inner, isMax, out, out64); break;
    case 1: scan<i8>(x, outer, n, inner, isMax, out, out64); break;
    case 2: scan<u8>(x, outer, n, inner, isMax, out, out64); break;
    case 3: scan<i16>(x, outer, n, inner, isMax, out, out64); break;
    default: scan<i32>(x, outer, n, inner, isMax, out, out64);
  }
}
