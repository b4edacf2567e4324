// The 8-bit GEMM path shared by CONV_2D and FULLY_CONNECTED (FC = a 1×1 conv over rows):
// i8_gemm_4x16c2 with the input offset folded into per-column biases and the requantization in its
// epilogue (assembly/qgemm.ts), reading the 8-bit input directly for 1×1 stride-1 shapes and an
// int16 im2col otherwise. Weights are packed once per node into persistent wasm memory.
import type { KernelContext, Tensor } from '../../../kernel';
import { beginCall, putTask } from '../kernel-utils';
import { parallel, threadsFor } from '../threads';
import { biasInts, q8Plan } from './q8-utils';

const TASK_CONV_Q8 = 4;
const CHUNK_BYTES = 128 * 1024;

export interface ConvGeometry {
  n: number; inH: number; inW: number; inC: number; outC: number; kH: number; kW: number;
  sH: number; sW: number; dH: number; dW: number; padT: number; padL: number; outH: number; outW: number;
}

export function runQ8Gemm(ctx: KernelContext, x: Tensor, w: Tensor, out: Tensor, g: ConvGeometry,
  hybridMode: 'conv' | 'option', weightsZeroPoint: boolean): void {
  const K = g.kH * g.kW * g.inC;
  const N = g.outC;
  const h = beginCall();
  const ex = h.inst.exports;
  const plan = q8Plan(ctx, x, w, N, hybridMode, weightsZeroPoint, ex.packed_q8_gemm_bytes(N, K), (q, p) => {
    // Column biases: bias + inputOffset · Σ_k (w + filterOffset), wrapped to int32 like the reference's sum.
    const wd = w.data as Int8Array | Uint8Array;
    const bias = biasInts(q, N);
    const cb = new Int32Array(N);
    for (let c = 0; c < N; c++) {
      let sw = 0;
      for (let k = 0; k < K; k++) sw += wd[c * K + k]! + q.filterOffset;
      cb[c] = (bias[c]! + q.inputOffset * sw) | 0;
    }
    const wp = h.scratch(wd.length);
    h.views().u8.set(new Uint8Array(wd.buffer, wd.byteOffset, wd.byteLength), wp);
    const bp = h.putI32(cb);
    ex.pack_q8_gemm(N, K, wp, x.dtype === 'i8' ? 1 : 0, q.filterOffset, bp, p.weights);
    h.views().i32.set(cb, p.bias >>> 2);
  });
  h.beginScratch();
  const xd = x.data as Int8Array | Uint8Array;
  const xp = h.scratch(xd.length);
  h.views().u8.set(new Uint8Array(xd.buffer, xd.byteOffset, xd.byteLength), xp);
  const od = out.data as Int8Array | Uint8Array;
  const op = h.scratch(od.length);
  const M = g.n * g.outH * g.outW;
  const kp = (K + 1) & ~1;
  const chunkRows = Math.max(4, Math.min(256, Math.floor(CHUNK_BYTES / (kp * 2 + N * 4) / 4) * 4));
  const threads = Math.min(threadsFor(ctx), Math.max(1, Math.floor((M * K * N) / 65536)));
  const stride = Math.ceil(ex.conv2d_q8_scratch_bytes(K, N, chunkRows) / 64) * 64;
  const sp = h.scratch(stride * threads);
  const task = putTask(h, [TASK_CONV_Q8, xp, plan.xSigned, g.n, g.inH, g.inW, g.inC, plan.weights, N, g.kH, g.kW, g.sH, g.sW, g.dH, g.dW,
    g.padT, g.padL, g.outH, g.outW, -plan.inputOffset, plan.rq, plan.fp32, 0, plan.outZp, plan.qmin, plan.qmax,
    op, plan.outSigned, sp, chunkRows, stride], []);
  parallel(h.inst, task, threads);
  new Uint8Array(od.buffer, od.byteOffset, od.byteLength).set(h.views().u8.subarray(op, op + od.length));
}
