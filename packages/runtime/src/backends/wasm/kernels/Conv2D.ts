// tfl.CONV_2D on wasm. float32: weights packed once into 16-column GEMM panels; 1×1 stride-1
// convs are one GEMM over the input, other shapes run im2col in chunks of output rows + GEMM
// (f32_gemm_4x16__wasmsimd, or f32_gemm_1x16__scalar without SIMD). int8 / uint8:
// i8_gemm_4x16c2__wasmsimd_dot16x2 with per-channel requantization fused into its epilogue, over
// the 8-bit input itself for 1×1 stride-1 convs, over an int16 im2col otherwise; bit-exact with
// reference.
// Hybrid (float32 input, int8 weights): the input quantized per batch, the same int8 GEMM with
// int32 output and a float epilogue (hybrid-gemm.ts); bit-exact with reference.
// Grouped convs and int16 nodes fall back to reference.
import type { KernelConfig } from '../../../kernel';
import { conv2dGeometry, conv2dInputs } from '../../reference/kernels/conv2d-geometry';
import { WASM_BACKEND, all, beginCall, clampRange, f32, fail, gemmWeights, putTask } from '../kernel-utils';
import { parallel, threadsFor } from '../threads';
import { runHybridGemm } from './hybrid-gemm';
import { runQ8Gemm } from './q8-gemm';
import { checkWasmConv } from './q8-utils';

const TASK_CONV = 1;

/** Target bytes of one im2col chunk (fits L2 with the weights panel). */
const CHUNK_BYTES = 256 * 1024;

export const conv2d: KernelConfig = {
  op: 'tfl.CONV_2D',
  backend: WASM_BACKEND,
  supports: (node) => all(
    () => checkWasmConv(node),
    () => {
      const x = node.inputs[0]?.shape, w = node.inputs[1]?.shape;
      if (x && w && x.length === 4 && w.length === 4 && typeof x[3] === 'number' && typeof w[3] === 'number' && x[3] !== w[3]) {
        return `grouped convolution (input depth ${x[3]}, filter depth ${w[3]}) is not supported`;
      }
      return true;
    },
  ),
  run(ctx) {
    const [x, w] = conv2dInputs(ctx);
    const bias = ctx.inputs[2];
    const [n, inH, inW, inC] = x.shape as [number, number, number, number];
    const [outC, kH, kW, fC] = w.shape as [number, number, number, number];
    if (fC !== inC) fail(ctx.node, `input depth ${inC} differs from the filter depth ${fC} (grouped convolution runs on the reference backend)`);
    if (bias && bias.data.length !== outC) fail(ctx.node, `bias has ${bias.data.length} values for ${outC} output channels`);
    const g = conv2dGeometry(ctx.attrs, inH, inW, kH, kW);
    const { sH, sW, dH, dW, outH, outW, padT, padL } = g;
    const out = ctx.output(0, [n, outH, outW, outC]);
    const M = n * outH * outW;
    if (M === 0 || outC === 0) return;
    if (x.dtype !== 'f32') {
      runQ8Gemm(ctx, x, w, out, { n, inH, inW, inC, outC, kH, kW, ...g }, 'conv', false);
      return;
    }
    if (w.dtype === 'i8') {
      runHybridGemm(ctx, x, w, out, { n, inH, inW, inC, outC, kH, kW, ...g }, 'conv');
      return;
    }
    const [lo, hi] = clampRange(ctx);
    const h = beginCall();
    const K = kH * kW * inC;
    const packed = gemmWeights(ctx, h, 1, w, bias, outC, K);
    const xp = h.putF32(f32(x));
    const op = h.scratch(M * outC * 4);
    const chunkRows = Math.max(4, Math.floor(CHUNK_BYTES / (Math.max(K, 1) * 4 * 4)) * 4);
    // Threads only where there is enough work to pay for the hand-off (~64K MACs per thread).
    const threads = Math.min(threadsFor(ctx), Math.max(1, Math.floor((M * K * outC) / 65536)));
    const stride = Math.ceil((Math.min(chunkRows, M) * K * 4) / 64) * 64;
    const sp = h.scratch(stride * threads);
    const task = putTask(h, [TASK_CONV, xp, n, inH, inW, inC, packed, outC, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW, op, lo, hi, sp, chunkRows, stride], [19, 20]);
    parallel(h.inst, task, threads);
    h.getF32(op, f32(out));
  },
};
