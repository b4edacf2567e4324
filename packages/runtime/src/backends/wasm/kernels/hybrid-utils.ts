// Shared by the hybrid ("dynamic range": float32 input, int8 weights) CONV_2D, FULLY_CONNECTED and
// DEPTHWISE_CONV_2D kernels: the reference backend's hybrid parameters (prepareConvQuant, so both
// backends quantize and scale identically) copied once per node into persistent wasm memory next
// to the node's weights, and the per-batch int8 quantization of the input (assembly/hybrid.ts).
import type { KernelContext, Tensor } from '../../../kernel';
import { prepareConvQuant } from '../../reference/kernels/conv-utils';
import { heap, type Heap } from '../heap';
import { f32 } from '../kernel-utils';
import { wasm, type WasmInstance } from '../module';

export interface HybridPlan {
  inst: WasmInstance;
  /** 1: asymmetric input quantization (per-batch zero point), 0: symmetric. */
  asymmetric: number;
  /** 1: acc · channel scale · batch scale, 0: acc · (batch scale · channel scale). */
  chanFirst: number;
  /** Persistent addresses: i32 weight column sums Σw (zeros for depthwise), f32 channel scales, f32 bias, weights. */
  colsum: number;
  scales: number;
  bias: number;
  weights: number;
}

export const align64 = (n: number) => Math.ceil(n / 64) * 64;

/**
 * The node's plan (once per node and instance): `channels` scales and biases and `weightBytes`
 * bytes of weights written by `fill(h, plan)` (which may use scratch); `colsum` gives the weights'
 * column sums (undefined: zeros).
 */
export function hybridPlan(ctx: KernelContext, x: Tensor, w: Tensor, channels: number, hybridMode: 'conv' | 'asymmetric' | 'option',
  colsum: (() => Int32Array) | undefined, weightBytes: number, fill: (h: Heap, plan: HybridPlan) => void): HybridPlan {
  const inst = wasm();
  const cached = ctx.cache['wasmHybrid'] as HybridPlan | undefined;
  if (cached && cached.inst === inst) return cached;
  const q = prepareConvQuant(ctx, 'hybrid', x, w, ctx.inputs[2], channels, hybridMode, true);
  const h = heap();
  const n4 = align64(channels * 4);
  const owner = {};
  const block = h.allocPersistent(3 * n4 + weightBytes, owner);
  const plan: HybridPlan = {
    inst, asymmetric: q.asymmetric ? 1 : 0, chanFirst: q.channelScaleFirst ? 1 : 0,
    colsum: block, scales: block + n4, bias: block + 2 * n4, weights: block + 3 * n4,
  };
  const { i32, f32: fv } = h.views();
  if (colsum) i32.set(colsum(), plan.colsum >>> 2);
  else i32.fill(0, plan.colsum >>> 2, (plan.colsum >>> 2) + channels);
  for (let c = 0; c < channels; c++) {
    fv[(plan.scales >>> 2) + c] = q.perChannel ? q.filterScales[c]! : q.filterScales[0]!;
    fv[(plan.bias >>> 2) + c] = q.bias ? q.bias[c]! : 0;
  }
  h.beginScratch();
  fill(h, plan);
  h.beginScratch();
  // The block lives as long as this node's cache (reset on re-plan).
  ctx.cache['wasmHybrid'] = plan;
  ctx.cache['wasmHybridOwner'] = owner;
  return plan;
}

/**
 * Copies the float input into scratch and quantizes it to int8 in `batches` rows: the addresses
 * of the int8 values (16 spare bytes after them), the per-batch f32 scales and i32 zero points.
 */
export function quantizeInput(h: Heap, plan: HybridPlan, x: Tensor, batches: number): { qx: number; scaling: number; zps: number } {
  const xd = f32(x);
  const xp = h.putF32(xd);
  const qx = h.scratch(xd.length + 16);
  const scaling = h.scratch(batches * 4), zps = h.scratch(batches * 4);
  plan.inst.exports.quantize_hybrid_rows(xp, batches, batches === 0 ? 0 : xd.length / batches, plan.asymmetric, qx, scaling, zps);
  return { qx, scaling, zps };
}
