// f32 GEMM: C[M×N] = clamp(A[M×K] · B[K×N] + bias[N], min, max), with B packed once (at model
// load) into panels of NR = 16 columns: [16 bias values][K rows × 16 weights], zero-padded.
// Microkernels are named dtype_op_tile__isa (XNNPACK style); the driver picks the SIMD one when
// the module is compiled with --enable simd, the scalar one otherwise.

export const NR: i32 = 16;
/** Rows of A processed per cache block (A block stays in L1/L2 while all panels stream by). */
const MB: i32 = 64;


/** Packs weights w[N][K] (row per output column, the TFLite filter layout) and bias[N] (0 = none). */
export function pack_f32_gemm(N: i32, K: i32, w: usize, bias: usize, out: usize): void {
  const panels = (N + NR - 1) / NR;
  let p = out;
  for (let pi = 0; pi < panels; pi++) {
    for (let j = 0; j < NR; j++) {
      const n = pi * NR + j;
      store<f32>(p + (<usize>j << 2), n < N && bias != 0 ? load<f32>(bias + (<usize>n << 2)) : 0);
    }
    p += <usize>NR << 2;
    for (let k = 0; k < K; k++) {
      for (let j = 0; j < NR; j++) {
        const n = pi * NR + j;
        store<f32>(p + (<usize>j << 2), n < N ? load<f32>(w + ((<usize>n * <usize>K + <usize>k) << 2)) : 0);
      }
      p += <usize>NR << 2;
    }
  }
}

/** Bytes of the packed form of an N×K weight matrix. */
export function packed_f32_gemm_bytes(N: i32, K: i32): i32 {
  return ((N + NR - 1) / NR) * NR * (K + 1) * 4;
}

/** Row i (0..3) of a tile of mr (1..4) rows at p, stride bytes apart: rows past mr alias row mr − 1. */
// @ts-ignore: decorator
@inline
export function tileRow(p: usize, stride: usize, mr: i32, i: i32): usize {
  return p + <usize>min(i, mr - 1) * stride;
}

/**
 * Stores the first nc (1..16) 32-bit lanes of v0..v3 at c. No scratch memory: threads run this
 * concurrently, so partial rows are written lane by lane.
 */
// @ts-ignore: decorator
@inline
export function storeRow(c: usize, nc: i32, v0: v128, v1: v128, v2: v128, v3: v128): void {
  if (nc == 16) {
    v128.store(c, v0); v128.store(c, v1, 16); v128.store(c, v2, 32); v128.store(c, v3, 48);
    return;
  }
  let p = c, rem = nc, v = v0;
  if (rem >= 4) {
    v128.store(p, v0); p += 16; rem -= 4; v = v1;
    if (rem >= 4) {
      v128.store(p, v1); p += 16; rem -= 4; v = v2;
      if (rem >= 4) { v128.store(p, v2); p += 16; rem -= 4; v = v3; }
    }
  }
  if (rem & 2) {
    v128.store64_lane(p, v, 0);
    p += 8;
    v = i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);
  }
  if (rem & 1) v128.store32_lane(p, v, 0);
}

/** 4 rows × 16 columns of C per call, 16 f32x4 accumulators; mr < 4 aliases the last row. */
export function f32_gemm_4x16__wasmsimd(mr: i32, nc: i32, kc: i32, a: usize, aStride: usize, w: usize,
  c: usize, cStride: usize, vmin: v128, vmax: v128): void {
  let a0 = a, a1 = tileRow(a, aStride, mr, 1), a2 = tileRow(a, aStride, mr, 2), a3 = tileRow(a, aStride, mr, 3);
  const c0 = c, c1 = tileRow(c, cStride, mr, 1), c2 = tileRow(c, cStride, mr, 2), c3 = tileRow(c, cStride, mr, 3);
  let acc00 = v128.load(w), acc01 = v128.load(w, 16), acc02 = v128.load(w, 32), acc03 = v128.load(w, 48);
  let acc10 = acc00, acc11 = acc01, acc12 = acc02, acc13 = acc03;
  let acc20 = acc00, acc21 = acc01, acc22 = acc02, acc23 = acc03;
  let acc30 = acc00, acc31 = acc01, acc32 = acc02, acc33 = acc03;
  let wp = w + 64;
  for (let k = 0; k < kc; k++) {
    const w0 = v128.load(wp), w1 = v128.load(wp, 16), w2 = v128.load(wp, 32), w3 = v128.load(wp, 48);
    const x0 = v128.load32_splat(a0);
    acc00 = f32x4.add(acc00, f32x4.mul(x0, w0)); acc01 = f32x4.add(acc01, f32x4.mul(x0, w1));
    acc02 = f32x4.add(acc02, f32x4.mul(x0, w2)); acc03 = f32x4.add(acc03, f32x4.mul(x0, w3));
    const x1 = v128.load32_splat(a1);
    acc10 = f32x4.add(acc10, f32x4.mul(x1, w0)); acc11 = f32x4.add(acc11, f32x4.mul(x1, w1));
    acc12 = f32x4.add(acc12, f32x4.mul(x1, w2)); acc13 = f32x4.add(acc13, f32x4.mul(x1, w3));
    const x2 = v128.load32_splat(a2);
    acc20 = f32x4.add(acc20, f32x4.mul(x2, w0)); acc21 = f32x4.add(acc21, f32x4.mul(x2, w1));
    acc22 = f32x4.add(acc22, f32x4.mul(x2, w2)); acc23 = f32x4.add(acc23, f32x4.mul(x2, w3));
    const x3 = v128.load32_splat(a3);
    acc30 = f32x4.add(acc30, f32x4.mul(x3, w0)); acc31 = f32x4.add(acc31, f32x4.mul(x3, w1));
    acc32 = f32x4.add(acc32, f32x4.mul(x3, w2)); acc33 = f32x4.add(acc33, f32x4.mul(x3, w3));
    a0 += 4; a1 += 4; a2 += 4; a3 += 4; wp += 64;
  }
  // Clamp (pmax/pmin: NaN passes through as TFLite's std::min/max do for the reference order).
  acc00 = f32x4.pmin(f32x4.pmax(acc00, vmin), vmax); acc01 = f32x4.pmin(f32x4.pmax(acc01, vmin), vmax);
  acc02 = f32x4.pmin(f32x4.pmax(acc02, vmin), vmax); acc03 = f32x4.pmin(f32x4.pmax(acc03, vmin), vmax);
  acc10 = f32x4.pmin(f32x4.pmax(acc10, vmin), vmax); acc11 = f32x4.pmin(f32x4.pmax(acc11, vmin), vmax);
  acc12 = f32x4.pmin(f32x4.pmax(acc12, vmin), vmax); acc13 = f32x4.pmin(f32x4.pmax(acc13, vmin), vmax);
  acc20 = f32x4.pmin(f32x4.pmax(acc20, vmin), vmax); acc21 = f32x4.pmin(f32x4.pmax(acc21, vmin), vmax);
  acc22 = f32x4.pmin(f32x4.pmax(acc22, vmin), vmax); acc23 = f32x4.pmin(f32x4.pmax(acc23, vmin), vmax);
  acc30 = f32x4.pmin(f32x4.pmax(acc30, vmin), vmax); acc31 = f32x4.pmin(f32x4.pmax(acc31, vmin), vmax);
  acc32 = f32x4.pmin(f32x4.pmax(acc32, vmin), vmax); acc33 = f32x4.pmin(f32x4.pmax(acc33, vmin), vmax);
  // Highest row first so aliased rows end with the right values.
  storeRow(c3, nc, acc30, acc31, acc32, acc33);
  storeRow(c2, nc, acc20, acc21, acc22, acc23);
  storeRow(c1, nc, acc10, acc11, acc12, acc13);
  storeRow(c0, nc, acc00, acc01, acc02, acc03);
}

/** 4 rows × 8 columns (the first half of a 16-column panel): for layers with ≤ 8 output channels. */
export function f32_gemm_4x8__wasmsimd(mr: i32, nc: i32, kc: i32, a: usize, aStride: usize, w: usize,
  c: usize, cStride: usize, vmin: v128, vmax: v128): void {
  let a0 = a, a1 = tileRow(a, aStride, mr, 1), a2 = tileRow(a, aStride, mr, 2), a3 = tileRow(a, aStride, mr, 3);
  const c0 = c, c1 = tileRow(c, cStride, mr, 1), c2 = tileRow(c, cStride, mr, 2), c3 = tileRow(c, cStride, mr, 3);
  let acc00 = v128.load(w), acc01 = v128.load(w, 16);
  let acc10 = acc00, acc11 = acc01, acc20 = acc00, acc21 = acc01, acc30 = acc00, acc31 = acc01;
  let wp = w + 64;
  for (let k = 0; k < kc; k++) {
    const w0 = v128.load(wp), w1 = v128.load(wp, 16);
    const x0 = v128.load32_splat(a0), x1 = v128.load32_splat(a1), x2 = v128.load32_splat(a2), x3 = v128.load32_splat(a3);
    acc00 = f32x4.add(acc00, f32x4.mul(x0, w0)); acc01 = f32x4.add(acc01, f32x4.mul(x0, w1));
    acc10 = f32x4.add(acc10, f32x4.mul(x1, w0)); acc11 = f32x4.add(acc11, f32x4.mul(x1, w1));
    acc20 = f32x4.add(acc20, f32x4.mul(x2, w0)); acc21 = f32x4.add(acc21, f32x4.mul(x2, w1));
    acc30 = f32x4.add(acc30, f32x4.mul(x3, w0)); acc31 = f32x4.add(acc31, f32x4.mul(x3, w1));
    a0 += 4; a1 += 4; a2 += 4; a3 += 4; wp += 64;
  }
  const z = f32x4.splat(0);
  storeRow(c3, nc, f32x4.pmin(f32x4.pmax(acc30, vmin), vmax), f32x4.pmin(f32x4.pmax(acc31, vmin), vmax), z, z);
  storeRow(c2, nc, f32x4.pmin(f32x4.pmax(acc20, vmin), vmax), f32x4.pmin(f32x4.pmax(acc21, vmin), vmax), z, z);
  storeRow(c1, nc, f32x4.pmin(f32x4.pmax(acc10, vmin), vmax), f32x4.pmin(f32x4.pmax(acc11, vmin), vmax), z, z);
  storeRow(c0, nc, f32x4.pmin(f32x4.pmax(acc00, vmin), vmax), f32x4.pmin(f32x4.pmax(acc01, vmin), vmax), z, z);
}

/** One row × up to 16 columns of C, plain scalar code (the fallback without SIMD). */
export function f32_gemm_1x16__scalar(nc: i32, kc: i32, a: usize, w: usize, c: usize, vmin: f32, vmax: f32): void {
  for (let j = 0; j < nc; j++) {
    let acc = load<f32>(w + (<usize>j << 2));
    let wp = w + 64 + (<usize>j << 2);
    let ap = a;
    for (let k = 0; k < kc; k++) {
      acc += load<f32>(ap) * load<f32>(wp);
      ap += 4; wp += 64;
    }
    acc = acc < vmin ? vmin : acc;
    acc = acc > vmax ? vmax : acc;
    store<f32>(c + (<usize>j << 2), acc);
  }
}

/** C = clamp(A · packed + bias). Strides in bytes. */
export function gemm_f32(M: i32, N: i32, K: i32, a: usize, aStride: usize, packed: usize, c: usize, cStride: usize,
  vmin: f32, vmax: f32): void {
  gemm_f32_panels(M, N, K, a, aStride, packed, c, cStride, vmin, vmax, 0, (N + NR - 1) / NR);
}

/** gemm_f32 restricted to the column panels [p0, p1) (NR columns each): a thread's share when M is small. */
export function gemm_f32_panels(M: i32, N: i32, K: i32, a: usize, aStride: usize, packed: usize, c: usize, cStride: usize,
  vmin: f32, vmax: f32, p0: i32, p1: i32): void {
  const panelBytes = <usize>(NR * (K + 1)) << 2;
  for (let m0 = 0; m0 < M; m0 += MB) {
    const mEnd = min(M, m0 + MB);
    let p = packed + <usize>p0 * panelBytes;
    for (let n0 = p0 * NR; n0 < min(N, p1 * NR); n0 += NR) {
      const nc = min(NR, N - n0);
      const cc = c + (<usize>n0 << 2);
      if (ASC_FEATURE_SIMD) {
        const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
        if (nc <= 8) {
          for (let m = m0; m < mEnd; m += 4) {
            f32_gemm_4x8__wasmsimd(min(4, mEnd - m), nc, K, a + <usize>m * aStride, aStride, p, cc + <usize>m * cStride, cStride, lo, hi);
          }
        } else {
          for (let m = m0; m < mEnd; m += 4) {
            f32_gemm_4x16__wasmsimd(min(4, mEnd - m), nc, K, a + <usize>m * aStride, aStride, p, cc + <usize>m * cStride, cStride, lo, hi);
          }
        }
      } else {
        for (let m = m0; m < mEnd; m++) {
          f32_gemm_1x16__scalar(nc, K, a + <usize>m * aStride, p, cc + <usize>m * cStride, vmin, vmax);
        }
      }
      p += panelBytes;
    }
  }
}
