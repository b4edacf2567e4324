// 8-bit (int8 / uint8) GEMM with int32 accumulators: activations and weights are widened to
// int16 and multiplied pairwise (i32x4.dot_i16x8_s), K in pairs ("c2"). Weights [N][K] are packed
// once into panels of 16 columns: [16 i32 column biases][K/2 pairs × 16 columns × 2 i16]. The
// int32 results are requantized per output channel exactly like TFLite's reference kernels
// (requant.ts: gemmlowp MultiplyByQuantizedMultiplier, or XNNPACK's fp32 scale): in the
// microkernel's epilogue with SIMD, in a separate pass over an int32 tile without.

import { storeRow, tileRow } from './gemm';
import { requantize_rows, requantize_span, rq4 } from './requant';

const QNR: i32 = 16;

/** Bytes of the packed form of N×K 8-bit weights. */
export function packed_q8_gemm_bytes(N: i32, K: i32): i32 {
  const kp = (K + 1) & ~1;
  return ((N + QNR - 1) / QNR) * (QNR * 4 + QNR * kp * 2);
}

/**
 * Packs w[N][K] (int8 when wSigned, else uint8) with per-column int32 biases `bias` (i32[N]),
 * adding `wOff` to every weight (0 for symmetric int8 weights).
 */
export function pack_q8_gemm(N: i32, K: i32, w: usize, wSigned: i32, wOff: i32, bias: usize, out: usize): void {
  const kp = (K + 1) & ~1;
  const panels = (N + QNR - 1) / QNR;
  let p = out;
  for (let pi = 0; pi < panels; pi++) {
    for (let j = 0; j < QNR; j++) {
      const n = pi * QNR + j;
      store<i32>(p + (<usize>j << 2), n < N ? load<i32>(bias + (<usize>n << 2)) : 0);
    }
    p += <usize>QNR << 2;
    for (let k = 0; k < kp; k += 2) {
      for (let j = 0; j < QNR; j++) {
        const n = pi * QNR + j;
        let w0: i32 = 0, w1: i32 = 0;
        if (n < N) {
          const src = w + <usize>n * <usize>K + <usize>k;
          w0 = (wSigned ? <i32>load<i8>(src) : <i32>load<u8>(src)) + wOff;
          if (k + 1 < K) w1 = (wSigned ? <i32>load<i8>(src + 1) : <i32>load<u8>(src + 1)) + wOff;
        }
        store<i16>(p + (<usize>j << 2), <i16>w0);
        store<i16>(p + (<usize>j << 2) + 2, <i16>w1);
      }
      p += <usize>QNR << 2;
    }
  }
}

/**
 * Requantizes one row of a 4×16 tile (columns [n0, n0 + nc)) and stores the bytes at o (= the
 * output row + n0). Partial tiles go through `tile` (64 bytes of scratch) and the scalar tail.
 */
// @ts-ignore: decorator
@inline
function rqRow(o: usize, nc: i32, v0: v128, v1: v128, v2: v128, v3: v128, rq: usize, c4: usize, n0: i32, fp32: i32,
  outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize): void {
  if (nc == 16) {
    const zp = i32x4.splat(outZp), lo = i32x4.splat(qmin), hi = i32x4.splat(qmax);
    const n = <usize>n0;
    const r0 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(v0, rq, c4, n, fp32), zp), lo), hi);
    const r1 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(v1, rq, c4, n + 4, fp32), zp), lo), hi);
    const r2 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(v2, rq, c4, n + 8, fp32), zp), lo), hi);
    const r3 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(v3, rq, c4, n + 12, fp32), zp), lo), hi);
    const w0 = i16x8.narrow_i32x4_s(r0, r1), w1 = i16x8.narrow_i32x4_s(r2, r3);
    v128.store(o, outSigned ? i8x16.narrow_i16x8_s(w0, w1) : i8x16.narrow_i16x8_u(w0, w1));
    return;
  }
  storeRow(tile, nc, v0, v1, v2, v3);
  requantize_span(tile - (<usize>n0 << 2), rq, c4, n0, n0 + nc, fp32, outZp, qmin, qmax, o - <usize>n0, outSigned);
}

// A element pair k, k+1 of one row, as int16 pairs splat over the vector: aMode 0 reads int16 A
// (im2col), 1 int8 and 2 uint8 A (the input itself, for 1×1 stride-1 convs and FC).
// @ts-ignore: decorator
@inline
function loadPair(p: usize, aMode: i32): v128 {
  if (aMode == 1) return i16x8.extend_low_i8x16_s(v128.load16_splat(p));
  if (aMode == 2) return i16x8.extend_low_i8x16_u(v128.load16_splat(p));
  return v128.load32_splat(p);
}

/**
 * The 4 rows × 16 columns tile (from column n0; mr < 4 aliases the last row) over A read as aMode
 * says: int32 C at c (row stride cStride bytes) when rqOut is 0; with rqOut 1, requantization
 * fused into the epilogue, 8-bit output at c, no int32 round trip.
 */
// @ts-ignore: decorator
@inline
function gemmTile(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize, c: usize, cStride: usize, aMode: i32,
  rqOut: i32, rq: usize, c4: usize, n0: i32, fp32: i32, outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize): void {
  let a0 = a, a1 = tileRow(a, aStride, mr, 1), a2 = tileRow(a, aStride, mr, 2), a3 = tileRow(a, aStride, mr, 3);
  const c0 = c, c1 = tileRow(c, cStride, mr, 1), c2 = tileRow(c, cStride, mr, 2), c3 = tileRow(c, cStride, mr, 3);
  let acc00 = v128.load(w), acc01 = v128.load(w, 16), acc02 = v128.load(w, 32), acc03 = v128.load(w, 48);
  let acc10 = acc00, acc11 = acc01, acc12 = acc02, acc13 = acc03;
  let acc20 = acc00, acc21 = acc01, acc22 = acc02, acc23 = acc03;
  let acc30 = acc00, acc31 = acc01, acc32 = acc02, acc33 = acc03;
  let wp = w + 64;
  for (let k = 0; k < kp; k += 2) {
    const w0 = v128.load(wp), w1 = v128.load(wp, 16), w2 = v128.load(wp, 32), w3 = v128.load(wp, 48);
    const x0 = loadPair(a0, aMode);
    acc00 = i32x4.add(acc00, i32x4.dot_i16x8_s(x0, w0)); acc01 = i32x4.add(acc01, i32x4.dot_i16x8_s(x0, w1));
    acc02 = i32x4.add(acc02, i32x4.dot_i16x8_s(x0, w2)); acc03 = i32x4.add(acc03, i32x4.dot_i16x8_s(x0, w3));
    const x1 = loadPair(a1, aMode);
    acc10 = i32x4.add(acc10, i32x4.dot_i16x8_s(x1, w0)); acc11 = i32x4.add(acc11, i32x4.dot_i16x8_s(x1, w1));
    acc12 = i32x4.add(acc12, i32x4.dot_i16x8_s(x1, w2)); acc13 = i32x4.add(acc13, i32x4.dot_i16x8_s(x1, w3));
    const x2 = loadPair(a2, aMode);
    acc20 = i32x4.add(acc20, i32x4.dot_i16x8_s(x2, w0)); acc21 = i32x4.add(acc21, i32x4.dot_i16x8_s(x2, w1));
    acc22 = i32x4.add(acc22, i32x4.dot_i16x8_s(x2, w2)); acc23 = i32x4.add(acc23, i32x4.dot_i16x8_s(x2, w3));
    const x3 = loadPair(a3, aMode);
    acc30 = i32x4.add(acc30, i32x4.dot_i16x8_s(x3, w0)); acc31 = i32x4.add(acc31, i32x4.dot_i16x8_s(x3, w1));
    acc32 = i32x4.add(acc32, i32x4.dot_i16x8_s(x3, w2)); acc33 = i32x4.add(acc33, i32x4.dot_i16x8_s(x3, w3));
    const step: usize = aMode ? 2 : 4;
    a0 += step; a1 += step; a2 += step; a3 += step; wp += 64;
  }
  if (rqOut) {
    rqRow(c3, nc, acc30, acc31, acc32, acc33, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
    rqRow(c2, nc, acc20, acc21, acc22, acc23, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
    rqRow(c1, nc, acc10, acc11, acc12, acc13, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
    rqRow(c0, nc, acc00, acc01, acc02, acc03, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
  } else {
    // Highest row first so aliased rows end with the right values.
    storeRow(c3, nc, acc30, acc31, acc32, acc33);
    storeRow(c2, nc, acc20, acc21, acc22, acc23);
    storeRow(c1, nc, acc10, acc11, acc12, acc13);
    storeRow(c0, nc, acc00, acc01, acc02, acc03);
  }
}

/** 4 rows × 16 columns of int32 C. `a`: int16 rows (kp values, stride aStride bytes). */
export function i8_gemm_4x16c2__wasmsimd_dot16x2(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize,
  c: usize, cStride: usize): void {
  gemmTile(mr, nc, kp, a, aStride, w, c, cStride, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}


/** The fused tile over int16 A (im2col rows). */
export function i8_gemm_4x16c2__wasmsimd_dot16x2_rq(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize,
  o: usize, oStride: usize, rq: usize, c4: usize, n0: i32, fp32: i32, outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize): void {
  gemmTile(mr, nc, kp, a, aStride, w, o, oStride, 0, 1, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
}

/** The fused tile reading int8 A directly (widened in registers). */
export function i8_gemm_4x16c2__wasmsimd_dot16x2_rq_s8a(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize,
  o: usize, oStride: usize, rq: usize, c4: usize, n0: i32, fp32: i32, outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize): void {
  gemmTile(mr, nc, kp, a, aStride, w, o, oStride, 1, 1, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
}

/** The fused tile reading uint8 A directly (widened in registers). */
export function i8_gemm_4x16c2__wasmsimd_dot16x2_rq_u8a(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize,
  o: usize, oStride: usize, rq: usize, c4: usize, n0: i32, fp32: i32, outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize): void {
  gemmTile(mr, nc, kp, a, aStride, w, o, oStride, 2, 1, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
}

/** 8-bit out[M×N] = requantize(A16[M×kp] · packed + column biases), fused (SIMD builds only). */
export function gemm_q8_rq(M: i32, N: i32, kp: i32, a: usize, aStride: usize, packed: usize, out: usize, rq: usize, fp32: i32,
  outZp: i32, qmin: i32, qmax: i32, outSigned: i32, tile: usize, aMode: i32): void {
  const panelBytes = <usize>(QNR * 4 + QNR * kp * 2);
  const c4 = <usize>((N + 3) & ~3);
  for (let m0 = 0; m0 < M; m0 += 64) {
    const mEnd = min(M, m0 + 64);
    let p = packed;
    for (let n0 = 0; n0 < N; n0 += QNR) {
      const nc = min(QNR, N - n0);
      for (let m = m0; m < mEnd; m += 4) {
        const mr = min(4, mEnd - m), am = a + <usize>m * aStride, om = out + <usize>m * <usize>N + <usize>n0;
        if (aMode == 1) i8_gemm_4x16c2__wasmsimd_dot16x2_rq_s8a(mr, nc, kp, am, aStride, p, om, <usize>N, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
        else if (aMode == 2) i8_gemm_4x16c2__wasmsimd_dot16x2_rq_u8a(mr, nc, kp, am, aStride, p, om, <usize>N, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
        else i8_gemm_4x16c2__wasmsimd_dot16x2_rq(mr, nc, kp, am, aStride, p, om, <usize>N, rq, c4, n0, fp32, outZp, qmin, qmax, outSigned, tile);
      }
      p += panelBytes;
    }
  }
}

/** One row × up to 16 int32 columns, scalar (the fallback without SIMD). */
export function i8_gemm_1x16c2__scalar(nc: i32, kp: i32, a: usize, w: usize, c: usize): void {
  for (let j = 0; j < nc; j++) {
    let acc = load<i32>(w + (<usize>j << 2));
    let wp = w + 64 + (<usize>j << 2);
    let ap = a;
    for (let k = 0; k < kp; k += 2) {
      acc += <i32>load<i16>(ap) * <i32>load<i16>(wp) + <i32>load<i16>(ap, 2) * <i32>load<i16>(wp, 2);
      ap += 4; wp += 64;
    }
    store<i32>(c + (<usize>j << 2), acc);
  }
}

/** 4 rows × 16 columns of int32 C over int8 A read directly (widened in registers). */
export function i8_gemm_4x16c2__wasmsimd_dot16x2_s8a(mr: i32, nc: i32, kp: i32, a: usize, aStride: usize, w: usize,
  c: usize, cStride: usize): void {
  gemmTile(mr, nc, kp, a, aStride, w, c, cStride, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/**
 * int32 C[M×N] = A[M×kp] · packed (+ column biases). Strides in bytes. aMode 0: int16 A; 1: int8 A
 * (SIMD builds only).
 */
export function gemm_q8_i32(M: i32, N: i32, kp: i32, a: usize, aStride: usize, packed: usize, c: usize, cStride: usize, aMode: i32): void {
  const panelBytes = <usize>(QNR * 4 + QNR * kp * 2);
  for (let m0 = 0; m0 < M; m0 += 64) {
    const mEnd = min(M, m0 + 64);
    let p = packed;
    for (let n0 = 0; n0 < N; n0 += QNR) {
      const nc = min(QNR, N - n0);
      const cc = c + (<usize>n0 << 2);
      if (ASC_FEATURE_SIMD) {
        for (let m = m0; m < mEnd; m += 4) {
          if (aMode == 1) i8_gemm_4x16c2__wasmsimd_dot16x2_s8a(min(4, mEnd - m), nc, kp, a + <usize>m * aStride, aStride, p, cc + <usize>m * cStride, cStride);
          else i8_gemm_4x16c2__wasmsimd_dot16x2(min(4, mEnd - m), nc, kp, a + <usize>m * aStride, aStride, p, cc + <usize>m * cStride, cStride);
        }
      } else {
        for (let m = m0; m < mEnd; m++) i8_gemm_1x16c2__scalar(nc, kp, a + <usize>m * aStride, p, cc + <usize>m * cStride);
      }
      p += panelBytes;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// requantization (bit-exact with src/backends/reference/fixed-point.ts)

// @ts-ignore: decorator
@inline
function srdhm(a: i32, b: i32): i32 {
  if (a == i32.MIN_VALUE && b == i32.MIN_VALUE) return i32.MAX_VALUE;
  return <i32>((<i64>a * <i64>b + (<i64>1 << 30)) >> 31);
}

// @ts-ignore: decorator
@inline
function roundingDivideByPOT(x: i32, e: i32): i32 {
  const mask = (1 << e) - 1;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> e) + (remainder > threshold ? 1 : 0);
}

// @ts-ignore: decorator
@inline
export function mulByQuantizedMultiplier(x: i32, m: i32, shift: i32): i32 {
  if (shift > 0) return srdhm(x * (1 << shift), m);
  return roundingDivideByPOT(srdhm(x, m), -shift);
}

/** n 8-bit values at s → int16 at d. */
// @ts-ignore: decorator
@inline
function widen(d: usize, s: usize, n: i32, signed: i32): void {
  let c = 0;
  if (ASC_FEATURE_SIMD) {
    for (; c + 8 <= n; c += 8) {
      const v = v128.load64_zero(s + <usize>c);
      v128.store(d + (<usize>c << 1), signed ? i16x8.extend_low_i8x16_s(v) : i16x8.extend_low_i8x16_u(v));
    }
  }
  for (; c < n; c++) store<i16>(d + (<usize>c << 1), signed ? <i16>load<i8>(s + <usize>c) : <i16>load<u8>(s + <usize>c));
}

/**
 * Gathers rows [row0, row0 + rows) of the int16 im2col matrix of 8-bit NHWC input x (row =
 * output position, kp = K rounded up to even, K = kh·kw·C): padded taps hold `padValue` (the input
 * zero point, so they add nothing: the weights carry the input offset in their column bias), the
 * odd-K tail 0.
 */
export function im2col_q8(x: usize, xSigned: i32, H: i32, W: i32, C: i32, kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32,
  padT: i32, padL: i32, outH: i32, outW: i32, row0: i32, rows: i32, padValue: i32, dst: usize, kp: i32): void {
  for (let r = 0; r < rows; r++) {
    const idx = row0 + r;
    const ox = idx % outW;
    const t = idx / outW;
    const oy = t % outH;
    const b = t / outH;
    const iy0 = oy * sh - padT;
    const ix0 = ox * sw - padL;
    let d = dst + <usize>r * (<usize>kp << 1);
    for (let ky = 0; ky < kh; ky++) {
      const iy = iy0 + ky * dh;
      if (dw == 1 && iy >= 0 && iy < H && ix0 >= 0 && ix0 + kw <= W) {
        // The whole filter row is in bounds and contiguous: widen kw·C values in one pass.
        widen(d, x + (<usize>(b * H + iy) * <usize>W + <usize>ix0) * <usize>C, kw * C, xSigned);
        d += <usize>(kw * C) << 1;
        continue;
      }
      for (let kx = 0; kx < kw; kx++) {
        const ix = ix0 + kx * dw;
        if (iy < 0 || iy >= H || ix < 0 || ix >= W) {
          for (let c = 0; c < C; c++) store<i16>(d + (<usize>c << 1), <i16>padValue);
        } else {
          widen(d, x + (<usize>(b * H + iy) * <usize>W + <usize>ix) * <usize>C, C, xSigned);
        }
        d += <usize>C << 1;
      }
    }
    if (kp > kh * kw * C) store<i16>(d, 0);
  }
}

/**
 * 8-bit conv / FC (a 1×1 "conv" over rows) for output rows [row0, row1): im2col into `scratch`
 * (int16) a chunk at a time, int32 GEMM into the scratch after it, requantize into `out`.
 */
export function conv2d_q8_rows(x: usize, xSigned: i32, N: i32, H: i32, W: i32, C: i32, packed: usize, OC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  padValue: i32, rq: usize, fp32: i32, unused: i32, outZp: i32, qmin: i32, qmax: i32,
  out: usize, outSigned: i32, scratch: usize, chunkRows: i32, row0: i32, row1: i32): void {
  const K = kh * kw * C;
  const kp = (K + 1) & ~1;
  const accBuf = scratch + ((<usize>chunkRows * (<usize>kp << 1) + 63) & ~63);
  if (ASC_FEATURE_SIMD && kh == 1 && kw == 1 && sh == 1 && sw == 1 && padT == 0 && padL == 0 && outH == H && outW == W) {
    // 1×1 stride-1 conv (and FC): the input rows are the GEMM's A, read as 8-bit. An odd K reads
    // one byte past each row, multiplied by the zero weight that pads K to kp.
    gemm_q8_rq(row1 - row0, OC, kp, x + <usize>row0 * <usize>C, <usize>C, packed, out + <usize>row0 * <usize>OC, rq, fp32, outZp, qmin, qmax,
      outSigned, accBuf, xSigned ? 1 : 2);
    return;
  }
  for (let r0 = row0; r0 < row1; r0 += chunkRows) {
    const rows = min(chunkRows, row1 - r0);
    im2col_q8(x, xSigned, H, W, C, kh, kw, sh, sw, dh, dw, padT, padL, outH, outW, r0, rows, padValue, scratch, kp);
    if (ASC_FEATURE_SIMD) {
      gemm_q8_rq(rows, OC, kp, scratch, <usize>kp << 1, packed, out + <usize>r0 * <usize>OC, rq, fp32, outZp, qmin, qmax, outSigned, accBuf, 0);
    } else {
      gemm_q8_i32(rows, OC, kp, scratch, <usize>kp << 1, packed, accBuf, <usize>OC << 2, 0);
      requantize_rows(rows, OC, accBuf, rq, fp32, outZp, qmin, qmax, out + <usize>r0 * <usize>OC, outSigned);
    }
  }
}

/** Scratch bytes conv2d_q8_rows needs per thread. */
export function conv2d_q8_scratch_bytes(K: i32, OC: i32, chunkRows: i32): i32 {
  const kp = (K + 1) & ~1;
  return ((chunkRows * kp * 2 + 63) & ~63) + chunkRows * OC * 4 + 64;
}
