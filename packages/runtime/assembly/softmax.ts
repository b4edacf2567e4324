// Float32 tfl.SOFTMAX over the last axis, as the reference backend: per row, the max, then
// e = exp((x − max)·β) (0 below −104, where e^d rounds to +0 in float32), the float32 sum, and
// e·(1/sum). The SIMD build (β ≥ 0, so every exponent is ≤ 0 or NaN) computes exp with a float32
// approximation, exp4; the scalar build and β < 0 use Math.exp in double rounded to float32, like
// the reference. NaN and ±Infinity follow from the arithmetic: a row holding NaN or +Infinity, or
// only −Infinity, becomes NaN, as on reference.

const EXP_ZERO_BELOW: f32 = -104;

/** e^d in float32 (0 below −104), as the reference. */
// @ts-ignore: decorator
@inline
function exp1(d: f32): f32 {
  return d < EXP_ZERO_BELOW ? 0 : <f32>Math.exp(<f64>d);
}

// exp4's constants, splat from memory inside the loop (one instruction each; V8 builds a v128.const
// from immediates in several): the cut-off, log2 e, 1.5·2^23, ln 2 in two parts (the first with 9
// bits so n·ln2hi is exact) and 1/7! … 1/2!.
const K = memory.data<f32>([-104, 1.44269504, 12582912, 0.693359375, -2.12194440e-4,
  1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 0.5, 1]);

// @ts-ignore: decorator
@inline
function k(i: i32): v128 {
  return v128.load32_splat(K + (<usize>i << 2));
}

/**
 * e^d of four lanes with d ≤ 0 or NaN: n = round(d·log2 e), r = d − n·ln 2, e^r by its Taylor
 * polynomial of degree 7 (|r| ≤ 0.347), times 2^n in two factors (so subnormal results survive).
 */
// @ts-ignore: decorator
@inline
function exp4(d: v128): v128 {
  const c = f32x4.max(d, k(0)); // NaN passes through
  // adding 1.5·2^23 rounds c·log2 e to an integer held in the low mantissa bits
  const t = f32x4.add(f32x4.mul(c, k(1)), k(2));
  const n = f32x4.sub(t, k(2));
  const r = f32x4.sub(f32x4.sub(c, f32x4.mul(n, k(3))), f32x4.mul(n, k(4)));
  let p = f32x4.add(f32x4.mul(k(5), r), k(6));
  p = f32x4.add(f32x4.mul(p, r), k(7));
  p = f32x4.add(f32x4.mul(p, r), k(8));
  p = f32x4.add(f32x4.mul(p, r), k(9));
  p = f32x4.add(f32x4.mul(p, r), k(10));
  p = f32x4.add(f32x4.mul(p, r), k(11));
  p = f32x4.add(f32x4.mul(p, r), k(11));
  // 2^n = 2^n1 · 2^(n − n1), n1 = n >> 1: n from t's bits less those of 1.5·2^23, each factor's
  // bits n1 << 23 plus those of 1.0
  const ni = i32x4.sub(t, k(2));
  const n1 = i32x4.shr_s(ni, 1);
  const s1 = i32x4.add(i32x4.shl(n1, 23), k(11));
  const s2 = i32x4.add(i32x4.shl(i32x4.sub(ni, n1), 23), k(11));
  return v128.andnot(f32x4.mul(f32x4.mul(p, s1), s2), f32x4.lt(d, k(0)));
}

/** out = softmax(x·β) of `rows` rows of `depth` float32 values (out may equal x). */
export function softmax_f32(x: usize, rows: i32, depth: i32, beta: f32, out: usize): void {
  const rowBytes = <usize>depth << 2;
  for (let row = 0; row < rows; row++) {
    const xr = x + <usize>row * rowBytes, zr = out + <usize>row * rowBytes;
    let i = 0;
    let top: f32 = -Infinity;
    if (ASC_FEATURE_SIMD && depth >= 4) {
      let m = v128.load(xr);
      for (i = 4; i + 4 <= depth; i += 4) m = f32x4.max(m, v128.load(xr + (<usize>i << 2)));
      top = max<f32>(max<f32>(f32x4.extract_lane(m, 0), f32x4.extract_lane(m, 1)), max<f32>(f32x4.extract_lane(m, 2), f32x4.extract_lane(m, 3)));
    }
    for (; i < depth; i++) {
      const v = load<f32>(xr + (<usize>i << 2));
      if (v > top) top = v;
    }
    let sum: f32 = 0;
    i = 0;
    if (ASC_FEATURE_SIMD && beta >= 0) { // then d ≤ 0 or NaN
      const vmax = f32x4.splat(top), vbeta = f32x4.splat(beta);
      let s = f32x4.splat(0);
      for (; i + 8 <= depth; i += 8) {
        const p = <usize>i << 2;
        const e0 = exp4(f32x4.mul(f32x4.sub(v128.load(xr + p), vmax), vbeta));
        const e1 = exp4(f32x4.mul(f32x4.sub(v128.load(xr + p, 16), vmax), vbeta));
        v128.store(zr + p, e0);
        v128.store(zr + p, e1, 16);
        s = f32x4.add(s, f32x4.add(e0, e1));
      }
      for (; i + 4 <= depth; i += 4) {
        const p = <usize>i << 2;
        const e = exp4(f32x4.mul(f32x4.sub(v128.load(xr + p), vmax), vbeta));
        v128.store(zr + p, e);
        s = f32x4.add(s, e);
      }
      sum = (f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1)) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
      const rem = depth - i;
      if (rem > 0) { // 1 to 3 left: one exp4 with the other lanes unused
        const xp = xr + (<usize>i << 2), zp = zr + (<usize>i << 2);
        let v = f32x4.replace_lane(vmax, 0, load<f32>(xp));
        if (rem > 1) v = f32x4.replace_lane(v, 1, load<f32>(xp, 4));
        if (rem > 2) v = f32x4.replace_lane(v, 2, load<f32>(xp, 8));
        const e = exp4(f32x4.mul(f32x4.sub(v, vmax), vbeta));
        store<f32>(zp, f32x4.extract_lane(e, 0));
        sum += f32x4.extract_lane(e, 0);
        if (rem > 1) { store<f32>(zp, f32x4.extract_lane(e, 1), 4); sum += f32x4.extract_lane(e, 1); }
        if (rem > 2) { store<f32>(zp, f32x4.extract_lane(e, 2), 8); sum += f32x4.extract_lane(e, 2); }
        i = depth;
      }
    }
    for (; i < depth; i++) {
      const p = <usize>i << 2;
      const e = exp1((load<f32>(xr + p) - top) * beta);
      store<f32>(zr + p, e);
      sum += e;
    }
    const inv: f32 = 1 / sum;
    i = 0;
    if (ASC_FEATURE_SIMD) {
      const vinv = f32x4.splat(inv);
      for (; i + 4 <= depth; i += 4) {
        const p = <usize>i << 2;
        v128.store(zr + p, f32x4.mul(v128.load(zr + p), vinv));
      }
    }
    for (; i < depth; i++) {
      const p = <usize>i << 2;
      store<f32>(zr + p, load<f32>(zr + p) * inv);
    }
  }
}
