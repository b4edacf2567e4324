// The hybrid ("dynamic range": float32 input, int8 weights) path shared by CONV_2D and
// FULLY_CONNECTED, bit-exact with the reference backend: the input quantized to int8 per batch
// (hybrid-utils.ts), the int8 GEMM with int32 output over it (an im2col for convs that need one,
// padded with the batch's zero point), and a float epilogue (zero-point correction, channel and
// batch scales in the reference's order, bias, clamp) in assembly/hybrid.ts. Weights packed once
// per node; output rows split over threads like the 8-bit kernels.
import type { KernelContext, Tensor } from '../../../kernel';
import { beginCall, clampRange, f32, putTask } from '../kernel-utils';
import { parallel, threadsFor } from '../threads';
import { align64, hybridPlan, quantizeInput } from './hybrid-utils';
import type { ConvGeometry } from './q8-gemm';

const TASK_CONV_HYBRID = 6;
const CHUNK_BYTES = 128 * 1024;

/**
 * Runs a hybrid conv (FC: `g` a 1×1 conv with one row per batch) into the float32 `out`.
 * hybridMode: how the op quantizes its input (see prepareConvQuant).
 */
export function runHybridGemm(ctx: KernelContext, x: Tensor, w: Tensor, out: Tensor, g: ConvGeometry, hybridMode: 'conv' | 'option'): void {
  const K = g.kH * g.kW * g.inC;
  const N = g.outC;
  const h = beginCall();
  const ex = h.inst.exports;
  const wd = w.data as Int8Array;
  const colsum = () => {
    const sums = new Int32Array(N);
    for (let c = 0; c < N; c++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += wd[c * K + k]!;
      sums[c] = s;
    }
    return sums;
  };
  const plan = hybridPlan(ctx, x, w, N, hybridMode, colsum, ex.packed_q8_gemm_bytes(N, K), (hh, p) => {
    const wp = hh.scratch(wd.length);
    hh.views().u8.set(new Uint8Array(wd.buffer, wd.byteOffset, wd.byteLength), wp);
    ex.pack_q8_gemm(N, K, wp, 1, 0, hh.putI32(new Int32Array(N)), p.weights);
  });
  h.beginScratch();
  const [lo, hi] = clampRange(ctx);
  const { qx, scaling, zps } = quantizeInput(h, plan, x, g.n);
  const M = g.n * g.outH * g.outW;
  const op = h.scratch(M * N * 4);
  const kp = (K + 1) & ~1;
  const chunkRows = Math.max(4, Math.min(256, Math.floor(CHUNK_BYTES / (kp * 2 + N * 4) / 4) * 4));
  const threads = Math.min(threadsFor(ctx), Math.max(1, Math.floor((M * K * N) / 65536)));
  const stride = align64(ex.conv2d_q8_scratch_bytes(K, N, chunkRows));
  const sp = h.scratch(stride * threads);
  const task = putTask(h, [TASK_CONV_HYBRID, qx, g.n, g.inH, g.inW, g.inC, plan.weights, N, g.kH, g.kW, g.sH, g.sW, g.dH, g.dW,
    g.padT, g.padL, g.outH, g.outW, g.outH * g.outW, zps, scaling, plan.colsum, plan.scales, plan.bias, plan.chanFirst, lo, hi,
    op, sp, chunkRows, stride], [25, 26]);
  parallel(h.inst, task, threads);
  h.getF32(op, f32(out));
}
