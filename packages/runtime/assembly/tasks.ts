// Work splitting for threads: the caller writes a task (kind + arguments, i32/f32 words) into
// memory and every thread t of n calls run_task(args, t, n), which runs that thread's share of the
// output. Every output element is computed by exactly one thread with the same code, so results
// are bit-identical for any thread count.
import { conv2d_f32_rows } from './conv';
import { dwconv2d_f32_rows } from './depthwise';
import { NR, gemm_f32_panels } from './gemm';
import { conv2d_q8_rows } from './qgemm';
import { dwconv2d_q8_rows } from './qdepthwise';
import { conv2d_hybrid_rows } from './hybrid';
import { dwconv2d_hybrid_rows } from './hdepthwise';

export const TASK_CONV = 1;
export const TASK_DWCONV = 2;
export const TASK_GEMM = 3;
export const TASK_CONV_Q8 = 4;
export const TASK_DWCONV_Q8 = 5;
export const TASK_CONV_HYBRID = 6;
export const TASK_DWCONV_HYBRID = 7;

// @ts-ignore: decorator
@inline
function I(args: usize, i: i32): i32 { return load<i32>(args + (<usize>i << 2)); }
// @ts-ignore: decorator
@inline
function F(args: usize, i: i32): f32 { return load<f32>(args + (<usize>i << 2)); }

/** [begin, end) of part t of n over `total` items, boundaries on multiples of `step`. */
// @ts-ignore: decorator
@inline
function share(total: i32, t: i32, n: i32, step: i32): i64 {
  const units = (total + step - 1) / step;
  const b = min(total, (<i32>((<i64>units * t) / n)) * step);
  const e = min(total, (<i32>((<i64>units * (t + 1)) / n)) * step);
  return (<i64>b << 32) | <i64>(<u32>e);
}

export function run_task(args: usize, t: i32, n: i32): void {
  const kind = I(args, 0);
  if (kind == TASK_CONV) {
    const N = I(args, 2), outH = I(args, 16), outW = I(args, 17);
    const s = share(N * outH * outW, t, n, 4);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    conv2d_f32_rows(I(args, 1), N, I(args, 3), I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8), I(args, 9),
      I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), outH, outW, I(args, 18),
      F(args, 19), F(args, 20), I(args, 21) + <usize>t * <usize>I(args, 23), I(args, 22), r0, r1);
  } else if (kind == TASK_DWCONV) {
    const N = I(args, 2), outH = I(args, 17);
    const s = share(N * outH, t, n, 1);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    dwconv2d_f32_rows(I(args, 1), N, I(args, 3), I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8), I(args, 9),
      I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), I(args, 16), outH, I(args, 18),
      I(args, 19), F(args, 20), F(args, 21), r0, r1);
  } else if (kind == TASK_CONV_Q8) {
    const N = I(args, 3), outH = I(args, 17), outW = I(args, 18);
    const s = share(N * outH * outW, t, n, 4);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    conv2d_q8_rows(I(args, 1), I(args, 2), N, I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8),
      I(args, 9), I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), I(args, 16), outH, outW,
      I(args, 19), I(args, 20), I(args, 21), I(args, 22), I(args, 23), I(args, 24), I(args, 25),
      I(args, 26), I(args, 27), I(args, 28) + <usize>t * <usize>I(args, 30), I(args, 29), r0, r1);
  } else if (kind == TASK_DWCONV_Q8) {
    const N = I(args, 3), outH = I(args, 18);
    const s = share(N * outH, t, n, 1);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    dwconv2d_q8_rows(I(args, 1), I(args, 2), N, I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8), I(args, 9),
      I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), I(args, 16), I(args, 17), outH, I(args, 19),
      I(args, 20), I(args, 21), I(args, 22), I(args, 23), I(args, 24), I(args, 25), I(args, 26), I(args, 27), I(args, 28),
      I(args, 29) + <usize>t * <usize>I(args, 30), r0, r1);
  } else if (kind == TASK_CONV_HYBRID) {
    const N = I(args, 2), outH = I(args, 16), outW = I(args, 17);
    const s = share(N * outH * outW, t, n, 4);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    conv2d_hybrid_rows(I(args, 1), N, I(args, 3), I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8), I(args, 9),
      I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), outH, outW, I(args, 18),
      I(args, 19), I(args, 20), I(args, 21), I(args, 22), I(args, 23), I(args, 24), F(args, 25), F(args, 26),
      I(args, 27), I(args, 28) + <usize>t * <usize>I(args, 30), I(args, 29), r0, r1);
  } else if (kind == TASK_DWCONV_HYBRID) {
    const N = I(args, 2), outH = I(args, 16);
    const s = share(N * outH, t, n, 1);
    const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
    if (r0 >= r1) return;
    dwconv2d_hybrid_rows(I(args, 1), N, I(args, 3), I(args, 4), I(args, 5), I(args, 6), I(args, 7), I(args, 8), I(args, 9),
      I(args, 10), I(args, 11), I(args, 12), I(args, 13), I(args, 14), I(args, 15), outH, I(args, 17),
      I(args, 18), I(args, 19), I(args, 20), I(args, 21), I(args, 22), I(args, 23), F(args, 24), F(args, 25),
      I(args, 26), I(args, 27) + <usize>t * <usize>I(args, 28), r0, r1);
  } else if (kind == TASK_GEMM) {
    const M = I(args, 1), N = I(args, 2), K = I(args, 3);
    const a = I(args, 4), aStride = I(args, 5), packed = I(args, 6), c = I(args, 7), cStride = I(args, 8);
    const vmin = F(args, 9), vmax = F(args, 10);
    const panels = (N + NR - 1) / NR;
    if (M >= 16 * n || panels < n) {
      const s = share(M, t, n, 4);
      const r0 = <i32>(s >> 32), r1 = <i32>(s & 0xffffffff);
      if (r0 >= r1) return;
      gemm_f32_panels(r1 - r0, N, K, a + <usize>r0 * <usize>aStride, aStride, packed, c + <usize>r0 * <usize>cStride, cStride, vmin, vmax, 0, panels);
    } else {
      const s = share(panels, t, n, 1);
      const p0 = <i32>(s >> 32), p1 = <i32>(s & 0xffffffff);
      if (p0 >= p1) return;
      gemm_f32_panels(M, N, K, a, aStride, packed, c, cStride, vmin, vmax, p0, p1);
    }
  }
}
