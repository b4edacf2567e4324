// tfl.BATCH_MATMUL on wasm, float32 only: lhs [..., M, K] (adjX: [..., K, M]) × rhs [..., K, N]
// (adjY: [..., N, K]) → [broadcast(...), M, N], batch dims broadcast NumPy-style as the reference
// kernel does. Each rhs batch is packed into the f32 GEMM's panels (once, in persistent memory,
// when rhs is constant; per call into scratch otherwise), lhs is copied (transposed if adjX), and
// every output batch is one gemm_f32 task, split over threads by rows or column panels.
// int8/int16/hybrid BATCH_MATMUL stays on the reference backend.
import type { KernelConfig } from '../../../kernel';
import type { Heap } from '../heap';
import { WASM_BACKEND, all, beginCall, checkF32, f32, input, packGemm, persistentPack, putTask } from '../kernel-utils';
import { bmmGeometry } from '../../reference/kernels/bmm-geometry';
import { parallel, threadsFor } from '../threads';

const TASK_GEMM = 3;

/** The rows × cols matrix at offset `off` of x, transposed: cols × rows. */
function transposed(x: Float32Array, off: number, rows: number, cols: number): Float32Array {
  const t = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) t[j * rows + i] = x[off + i * cols + j]!;
  return t;
}

export const batchMatmul: KernelConfig = {
  op: 'tfl.BATCH_MATMUL',
  backend: WASM_BACKEND,
  supports: (node) => all(
    () => (node.inputs[0] && node.inputs[1] ? true : 'lhs and rhs are required'),
    () => checkF32(node, [0, 1]),
  ),
  run(ctx) {
    const lhs = input(ctx, 0, 'lhs');
    const rhs = input(ctx, 1, 'rhs');
    const { adjX, adjY, m, k, n, lb, rb, ob, batches, sources } = bmmGeometry(ctx, lhs, rhs);
    const out = ctx.output(0, [...ob, m, n]);
    const o = f32(out);
    if (o.length === 0) return;
    if (k === 0) { o.fill(0); return; }
    const x = f32(lhs);
    const w = f32(rhs);
    const lBatches = lb.reduce((a, b) => a * b, 1);
    const rBatches = rb.reduce((a, b) => a * b, 1);

    const h = beginCall();
    // Packed rhs first: packing a constant one restarts the scratch area.
    const bytes = h.inst.exports.packed_f32_gemm_bytes(n, k);
    const packAll = (hh: Heap, dst: number) => {
      for (let b = 0; b < rBatches; b++) {
        const off = b * k * n;
        // pack_f32_gemm takes the N×K matrix (row per output column): rhs as is with adjY.
        const nk = adjY ? w.subarray(off, off + n * k) : transposed(w, off, k, n);
        packGemm(hh, dst + b * bytes, nk, undefined, n, k);
      }
    };
    let packed = persistentPack(ctx, 1, rhs, undefined, rBatches * bytes, (hh, dst) => {
      hh.beginScratch();
      packAll(hh, dst);
      hh.beginScratch();
    }, adjY ? 'bmm-nk' : 'bmm-kn');
    if (packed === undefined) {
      packed = h.scratch(rBatches * bytes);
      packAll(h, packed);
    }
    let xp: number;
    if (adjX) {
      const t = new Float32Array(lBatches * m * k);
      for (let b = 0; b < lBatches; b++) t.set(transposed(x, b * m * k, k, m), b * m * k);
      xp = h.putF32(t);
    } else {
      xp = h.putF32(x);
    }
    const op = h.scratch(o.length * 4);
    const threads = Math.min(threadsFor(ctx), Math.max(1, Math.floor((m * n * k) / 65536)));
    for (let bi = 0; bi < batches; bi++) {
      const [lOff, rOff] = sources(bi);
      const task = putTask(h, [TASK_GEMM, m, n, k, xp + lOff * m * k * 4, k * 4, packed + rOff * bytes, op + bi * m * n * 4, n * 4,
        -Infinity, Infinity], [9, 10]);
      parallel(h.inst, task, threads);
    }
    h.getF32(op, o);
  },
};
