// The wasm backend: kernels in AssemblyScript (assembly/) compiled three ways (SIMD, SIMD over
// shared memory for worker threads, scalar), the best one picked once at start-up; float32 and
// int8/uint8 (bit-exact with reference) convolutions, FC, pools, element-wise ops, resize,
// QUANTIZE and PAD. Every other node runs on the reference backend, chosen per node and reported
// (fallback.ts).
import type { Graph, Model, Node } from '../../ir';
import type { KernelConfig } from '../../kernel';
import { kernelsOf, registerKernel } from '../../registry';
import { REFERENCE_BACKEND } from '../reference/index';
import { fallbackReason, withFallback } from './fallback';
import { WASM_BACKEND } from './kernel-utils';
import { heap } from './heap';
import { detectIsa, selectWasmIsa, wasm, type WasmIsa } from './module';
import { add } from './kernels/Add';
import { averagePool2d } from './kernels/AveragePool2D';
import { batchMatmul } from './kernels/BatchMatmul';
import { conv2d } from './kernels/Conv2D';
import { depthwiseConv2d } from './kernels/DepthwiseConv2D';
import { div } from './kernels/Div';
import { fullyConnected } from './kernels/FullyConnected';
import { maxPool2d } from './kernels/MaxPool2D';
import { mul } from './kernels/Mul';
import { pad } from './kernels/Pad';
import { quantize } from './kernels/Quantize';
import { resizeBilinear } from './kernels/ResizeBilinear';
import { sub } from './kernels/Sub';
import { abs } from './kernels/Abs';
import { argMax } from './kernels/ArgMax';
import { argMin } from './kernels/ArgMin';
import { cast } from './kernels/Cast';
import { dequantize } from './kernels/Dequantize';
import { exp } from './kernels/Exp';
import { log } from './kernels/Log';
import { logistic } from './kernels/Logistic';
import { neg } from './kernels/Neg';
import { rsqrt } from './kernels/Rsqrt';
import { softmax } from './kernels/Softmax';
import { sqrt } from './kernels/Sqrt';
import { tanh } from './kernels/Tanh';

export { WASM_BACKEND, selectWasmIsa, fallbackReason, type WasmIsa };
export { chosenBackend } from './fallback';
export { threadStats, threadsFor } from './threads';

/**
 * The native wasm kernels (float32; CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, ADD, SUB, MUL,
 * RESIZE_BILINEAR also int8/uint8; QUANTIZE to 8-bit; PAD; float32 unary math, LOGISTIC and TANH
 * also 8-bit; DEQUANTIZE, CAST, ARG_MAX/ARG_MIN).
 */
export const wasmKernels: KernelConfig[] = [conv2d, depthwiseConv2d, fullyConnected, averagePool2d, maxPool2d, add, sub, mul, div, resizeBilinear, quantize, pad,
  abs, neg, sqrt, rsqrt, exp, log, logistic, tanh, dequantize, cast, argMax, argMin, batchMatmul, softmax];

/**
 * Registers the wasm backend: one kernel per op of the reference backend (installed first), the
 * native one where it exists, falling back per node to reference.
 */
export function installWasmBackend(): void {
  const native = new Map(wasmKernels.map((k) => [k.op, k]));
  const ops = new Map<string, string | undefined>();
  for (const k of kernelsOf(REFERENCE_BACKEND)) ops.set(`${k.op}|${k.customCode ?? ''}`, k.customCode);
  for (const k of wasmKernels) ops.set(`${k.op}|`, undefined);
  const existing = new Set(kernelsOf(WASM_BACKEND).map((k) => `${k.op}|${k.customCode ?? ''}`));
  for (const [key, customCode] of ops) {
    if (existing.has(key)) continue; // user kernels registered for 'wasm' win
    const op = key.slice(0, key.indexOf('|'));
    registerKernel(withFallback(op, customCode === undefined ? native.get(op) : undefined, customCode));
  }
}

export interface WasmBackendInfo {
  /** The build in use: 'wasmsimd' (128-bit SIMD) or 'scalar'. */
  isa: WasmIsa;
  /** The GEMM microkernel of that build. */
  gemm: string;
  /** Bytes of wasm memory held by packed weights. */
  persistentBytes: number;
  /** Bytes of the wasm memory. */
  memoryBytes: number;
}

export function wasmBackendInfo(): WasmBackendInfo {
  const inst = wasm();
  return {
    isa: inst.isa,
    gemm: inst.isa === 'wasmsimd' ? 'f32_gemm_4x16__wasmsimd' : 'f32_gemm_1x16__scalar',
    persistentBytes: heap().persistentBytes,
    memoryBytes: inst.memory.buffer.byteLength,
  };
}

/** Nodes of a model that the wasm backend runs on the reference backend, with the reason (after Interpreter creation). */
export function wasmFallbacks(model: Model): { graph: number; node: string; op: string; reason: string }[] {
  const out: { graph: number; node: string; op: string; reason: string }[] = [];
  model.graphs.forEach((g: Graph, gi: number) => g.nodes.forEach((n: Node) => {
    const r = fallbackReason(n);
    if (r) out.push({ graph: gi, node: n.name, op: n.op, reason: r });
  }));
  return out;
}

export { detectIsa };
