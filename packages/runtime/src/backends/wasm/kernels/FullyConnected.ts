// tfl.FULLY_CONNECTED on wasm: rows × depth input times weights [units, depth]ᵀ as one GEMM with
// the weights packed once (float32: the CONV_2D panels; int8/uint8: the 8-bit GEMM of q8-gemm.ts;
// hybrid float32 × int8: hybrid-gemm.ts, each row quantized on its own).
import type { KernelConfig } from '../../../kernel';
import { WASM_BACKEND, all, beginCall, boolAttr, checkActivation, clampRange, f32, fail, gemmWeights, input, putTask } from '../kernel-utils';
import { runHybridGemm } from './hybrid-gemm';
import { runQ8Gemm } from './q8-gemm';
import { wasmConvMode } from './q8-utils';
import { parallel, threadsFor } from '../threads';

const TASK_GEMM = 3;

export const fullyConnected: KernelConfig = {
  op: 'tfl.FULLY_CONNECTED',
  backend: WASM_BACKEND,
  supports: (node) => all(
    () => { const m = wasmConvMode(node); return m === 'f32' || m === 'q8' || m === 'hybrid' ? true : m; },
    () => (wasmConvMode(node) !== 'q8' ? checkActivation(node) : true),
    () => {
      const fmt = node.attrs['weightsFormat'] ?? 'DEFAULT';
      if (fmt !== 'DEFAULT') return `weightsFormat ${String(fmt)} is not supported (only DEFAULT)`;
      if (node.inputs[1]?.sparsity) return 'sparse weights are not supported';
      if (node.outputs.length > 1) return 'the shuffled-workspace second output is not supported';
      return true;
    },
  ),
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const w = input(ctx, 1, 'weights');
    const bias = ctx.inputs[2];
    if (w.shape.length !== 2) fail(ctx.node, `weights must be 2-D, got [${w.shape}]`);
    const [units, depth] = w.shape as [number, number];
    const size = x.data.length;
    if (depth === 0 ? size !== 0 : size % depth !== 0) fail(ctx.node, `input of ${size} values cannot be split into rows of ${depth}`);
    if (bias && bias.data.length !== units) fail(ctx.node, `bias has ${bias.data.length} values for ${units} units`);
    const rows = depth === 0 ? 0 : size / depth;
    let shape: number[];
    if (boolAttr(ctx.attrs, 'keepNumDims')) {
      if (x.shape[x.shape.length - 1] !== depth) fail(ctx.node, `keepNumDims needs the last input dim to be ${depth}, got [${x.shape}]`);
      shape = [...x.shape.slice(0, -1), units];
    } else {
      shape = [rows, units];
    }
    const out = ctx.output(0, shape);
    if (rows === 0 || units === 0) return;
    if (x.dtype !== 'f32') {
      runQ8Gemm(ctx, x, w, out, { n: 1, inH: rows, inW: 1, inC: depth, outC: units, kH: 1, kW: 1, sH: 1, sW: 1, dH: 1, dW: 1,
        padT: 0, padL: 0, outH: rows, outW: 1 }, 'option', true);
      return;
    }
    if (w.dtype === 'i8') {
      runHybridGemm(ctx, x, w, out, { n: rows, inH: 1, inW: 1, inC: depth, outC: units, kH: 1, kW: 1, sH: 1, sW: 1, dH: 1, dW: 1,
        padT: 0, padL: 0, outH: 1, outW: 1 }, 'option');
      return;
    }
    const [lo, hi] = clampRange(ctx);
    const h = beginCall();
    const packed = gemmWeights(ctx, h, 1, w, bias, units, depth);
    const xp = h.putF32(f32(x));
    const op = h.scratch(rows * units * 4);
    const threads = Math.min(threadsFor(ctx), Math.max(1, Math.floor((rows * units * depth) / 65536)));
    const task = putTask(h, [TASK_GEMM, rows, units, depth, xp, depth * 4, packed, op, units * 4, lo, hi], [9, 10]);
    parallel(h.inst, task, threads);
    h.getF32(op, f32(out));
  },
};
