// Per-channel requantization of int32 accumulators to 8 bits, 4 channels at a time (bit-exact
// with the scalar mulByQuantizedMultiplier of qgemm.ts, i.e. TFLite's double-rounding
// MultiplyByQuantizedMultiplier, or XNNPACK's fp32 scale). The per-channel parameters are
// precomputed once per node into a table of 6 rows of C entries ("rq" layout, see rq_fill), all
// i32, e = max(-shift, 0):
//   0 multiplier M, 1 left multiplier 2^max(shift,0), 2 remainder mask 2^e - 1, 3 rounding
//   threshold (2^e - 1) >> 1, 4 2^(32-e) as u32 (0 when e = 0), 5 e > 0 mask;
// or, in fp32 mode, row 0 holds the f32 scales.
// The rounding divide by 2^e needs a per-lane shift, which wasm SIMD lacks: it is a widening
// unsigned multiply by 2^(32-e) (pmuludq) keeping the high words, on s ^ (s >> 31) so that the
// logical shift acts as an arithmetic one.

/** Bytes of an rq table for C channels. */
export function rq_bytes(C: i32): i32 {
  const c4 = (C + 3) & ~3;
  return c4 * 4 * 6;
}

/** Fills the rq table from per-channel mult/shift (i32[C]) or fp32 scales (f32[C], when scales != 0). */
export function rq_fill(C: i32, mult: usize, shift: usize, scales: usize, rq: usize): void {
  const c4 = <usize>((C + 3) & ~3);
  for (let c = 0; c < C; c++) {
    const o = <usize>c << 2;
    if (scales) { store<f32>(rq + o, load<f32>(scales + o)); continue; }
    const s = load<i32>(shift + o);
    const e = s < 0 ? min(-s, 31) : 0;
    const mask = (1 << e) - 1;
    store<i32>(rq + o, load<i32>(mult + o));
    store<i32>(rq + c4 * 4 + o, s > 0 ? 1 << s : 1);
    store<i32>(rq + c4 * 8 + o, mask);
    store<i32>(rq + c4 * 12 + o, mask >> 1);
    store<i32>(rq + c4 * 16 + o, e > 0 ? 1 << (32 - e) : 0);
    store<i32>(rq + c4 * 20 + o, e > 0 ? -1 : 0);
  }
}

// @ts-ignore: decorator
@inline
function low32(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27);
}

/** Requantizes 4 accumulators of channels [c, c+4) (without zero point / clamp). */
// @ts-ignore: decorator
@inline
export function rq4(acc: v128, rq: usize, c4: usize, c: usize, fp32: i32): v128 {
  const o = c << 2;
  if (fp32) {
    // (clamped to ±2^30 first: beyond that the output clamps anyway, and zp + value cannot wrap)
    const f = f32x4.nearest(f32x4.mul(f32x4.convert_i32x4_s(acc), v128.load(rq + o)));
    return i32x4.trunc_sat_f32x4_s(f32x4.min(f32x4.max(f, f32x4.splat(-1073741824)), f32x4.splat(1073741824)));
  }
  const m = v128.load(rq + o);
  const a = i32x4.mul(acc, v128.load(rq + c4 * 4 + o));
  const half = i64x2.splat(<i64>1 << 30);
  // Only the low 32 bits of each shifted 64-bit lane are kept, and for shifts ≤ 32 those bits are
  // the same for logical and arithmetic shifts: shr_u is one instruction on x86, shr_s is emulated.
  const lo = i64x2.shr_u(i64x2.add(i64x2.extmul_low_i32x4_s(a, m), half), 31);
  const hi = i64x2.shr_u(i64x2.add(i64x2.extmul_high_i32x4_s(a, m), half), 31);
  const s = low32(lo, hi);
  // rounding divide by 2^e: (s >> e) + ((s & mask) > threshold + (s < 0))
  const sign = i32x4.shr_s(s, 31);
  const u = v128.xor(s, sign);
  const pow = v128.load(rq + c4 * 16 + o);
  const q = v128.xor(i8x16.shuffle(i64x2.extmul_low_i32x4_u(u, pow), i64x2.extmul_high_i32x4_u(u, pow),
    4, 5, 6, 7, 12, 13, 14, 15, 20, 21, 22, 23, 28, 29, 30, 31), sign);
  const shifted = v128.bitselect(q, s, v128.load(rq + c4 * 20 + o));
  const up = i32x4.gt_s(v128.and(s, v128.load(rq + c4 * 8 + o)), i32x4.sub(v128.load(rq + c4 * 12 + o), sign));
  return i32x4.sub(shifted, up);
}

/** The scalar twin of rq4 for one channel. */
// @ts-ignore: decorator
@inline
export function rq1(acc: i32, rq: usize, c4: usize, c: usize, fp32: i32): i32 {
  const o = c << 2;
  if (fp32) return i32(min<f32>(max<f32>(nearest<f32>(<f32>acc * load<f32>(rq + o)), -1073741824), 1073741824));
  const a = acc * load<i32>(rq + c4 * 4 + o);
  const m = load<i32>(rq + o);
  const s = a == i32.MIN_VALUE && m == i32.MIN_VALUE ? i32.MAX_VALUE : <i32>((<i64>a * <i64>m + (<i64>1 << 30)) >> 31);
  const mask = load<i32>(rq + c4 * 8 + o);
  const e = popcnt<i32>(mask);
  return (s >> e) + ((s & mask) > load<i32>(rq + c4 * 12 + o) + (s >>> 31) ? 1 : 0);
}

/**
 * out[r][n] = clamp(rq(acc[r][n]) + outZp) for M rows × C channels, stored as int8 (outSigned)
 * or uint8.
 */
export function requantize_rows(M: i32, C: i32, acc: usize, rq: usize, fp32: i32, outZp: i32, qmin: i32, qmax: i32,
  out: usize, outSigned: i32): void {
  const c4 = <usize>((C + 3) & ~3);
  let ap = acc, op = out;
  for (let r = 0; r < M; r++) {
    requantize_span(ap, rq, c4, 0, C, fp32, outZp, qmin, qmax, op, outSigned);
    ap += <usize>C << 2;
    op += <usize>C;
  }
}

/** Channels [c0, c1) of one row: acc (i32 at acc[c]) → out bytes (at out[c]). */
// @ts-ignore: decorator
@inline
export function requantize_span(acc: usize, rq: usize, c4: usize, c0: i32, c1: i32, fp32: i32, outZp: i32, qmin: i32, qmax: i32,
  out: usize, outSigned: i32): void {
  let c = c0;
  if (ASC_FEATURE_SIMD) {
    const zp = i32x4.splat(outZp), lo = i32x4.splat(qmin), hi = i32x4.splat(qmax);
    for (; c + 4 <= c1; c += 4) {
      const v = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(v128.load(acc + (<usize>c << 2)), rq, c4, <usize>c, fp32), zp), lo), hi);
      const w = i16x8.narrow_i32x4_s(v, v);
      v128.store32_lane(out + <usize>c, outSigned ? i8x16.narrow_i16x8_s(w, w) : i8x16.narrow_i16x8_u(w, w), 0);
    }
  }
  for (; c < c1; c++) {
    let v = rq1(load<i32>(acc + (<usize>c << 2)), rq, c4, <usize>c, fp32) + outZp;
    v = v < qmin ? qmin : v > qmax ? qmax : v;
    if (outSigned) store<i8>(out + <usize>c, <i8>v);
    else store<u8>(out + <usize>c, <u8>v);
  }
}
