// f32 2-D convolution over NHWC input: 1×1 stride-1 convs are one GEMM over the input; other
// shapes gather patches (im2col, zeros for padding) a chunk of output rows at a time into
// scratch, then run the GEMM on the chunk.
import { gemm_f32 } from './gemm';

// @ts-ignore: decorator
@inline
function copyFloats(d: usize, s: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 4 <= n; i += 4) v128.store(d + (<usize>i << 2), v128.load(s + (<usize>i << 2)));
  }
  for (; i < n; i++) store<f32>(d + (<usize>i << 2), load<f32>(s + (<usize>i << 2)));
}

/**
 * Fills rows [row0, row0 + rows) of the im2col matrix: row (b·OH + oy)·OW + ox holds the
 * KH·KW·C input values under that output's window (filter layout order ky, kx, c).
 */
export function im2col_f32(x: usize, H: i32, W: i32, C: i32, kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32,
  padT: i32, padL: i32, outH: i32, outW: i32, row0: i32, rows: i32, dst: usize): void {
  const cBytes = <usize>C << 2;
  let d = dst;
  for (let r = 0; r < rows; r++) {
    const idx = row0 + r;
    const ox = idx % outW;
    const t = idx / outW;
    const oy = t % outH;
    const b = t / outH;
    const iy0 = oy * sh - padT;
    const ix0 = ox * sw - padL;
    for (let ky = 0; ky < kh; ky++) {
      const iy = iy0 + ky * dh;
      if (iy < 0 || iy >= H) {
        memory.fill(d, 0, cBytes * <usize>kw);
        d += cBytes * <usize>kw;
        continue;
      }
      const rowBase = x + ((<usize>(b * H + iy) * <usize>W) << 2) * <usize>C;
      if (dw == 1 && ix0 >= 0 && ix0 + kw <= W) {
        // The whole filter row is in bounds and contiguous: one copy of kw·C floats.
        copyFloats(d, rowBase + <usize>ix0 * cBytes, kw * C);
        d += cBytes * <usize>kw;
        continue;
      }
      for (let kx = 0; kx < kw; kx++) {
        const ix = ix0 + kx * dw;
        if (ix < 0 || ix >= W) {
          memory.fill(d, 0, cBytes);
        } else {
          const s = rowBase + <usize>ix * cBytes;
          if (C < 8) {
            for (let c = 0; c < C; c++) store<f32>(d + (<usize>c << 2), load<f32>(s + (<usize>c << 2)));
          } else {
            memory.copy(d, s, cBytes);
          }
        }
        d += cBytes;
      }
    }
  }
}

/** out[N, OH, OW, OC] = conv(x[N, H, W, C], packed weights) with fused clamp. */
export function conv2d_f32(x: usize, N: i32, H: i32, W: i32, C: i32, packed: usize, OC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  out: usize, vmin: f32, vmax: f32, scratch: usize, chunkRows: i32): void {
  conv2d_f32_rows(x, N, H, W, C, packed, OC, kh, kw, sh, sw, dh, dw, padT, padL, outH, outW, out, vmin, vmax, scratch, chunkRows,
    0, N * outH * outW);
}

/** conv2d_f32 for output rows (flattened b, oy, ox) [row0, row1): a thread's share. */
export function conv2d_f32_rows(x: usize, N: i32, H: i32, W: i32, C: i32, packed: usize, OC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  out: usize, vmin: f32, vmax: f32, scratch: usize, chunkRows: i32, row0: i32, row1: i32): void {
  const K = kh * kw * C;
  const cStride = <usize>OC << 2;
  if (kh == 1 && kw == 1 && sh == 1 && sw == 1 && padT == 0 && padL == 0 && outH == H && outW == W) {
    gemm_f32(row1 - row0, OC, K, x + <usize>row0 * (<usize>C << 2), <usize>C << 2, packed, out + <usize>row0 * cStride, cStride, vmin, vmax);
    return;
  }
  for (let r0 = row0; r0 < row1; r0 += chunkRows) {
    const rows = min(chunkRows, row1 - r0);
    im2col_f32(x, H, W, C, kh, kw, sh, sw, dh, dw, padT, padL, outH, outW, r0, rows, scratch);
    gemm_f32(rows, OC, K, scratch, <usize>K << 2, packed, out + <usize>r0 * cStride, cStride, vmin, vmax);
  }
}
