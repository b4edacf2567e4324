// Shared by the 8-bit (int8 / uint8) CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED kernels: the
// quantization parameters come from the reference backend's prepareConvQuant (so both backends
// requantize identically), and are copied once per node into persistent wasm memory.
import type { Node } from '../../../ir';
import type { KernelContext, Tensor } from '../../../kernel';
import { checkConvNode, convMode, prepareConvQuant, type ConvQuant } from '../../reference/kernels/conv-utils';
import { heap } from '../heap';
import { checkActivation } from '../kernel-utils';
import { wasm, type WasmInstance } from '../module';

/**
 * 'f32', 'q8' (int8×int8 or uint8×uint8 with int32 accumulators), 'hybrid' (float32 input, constant
 * symmetric int8 weights with one scale or one per output channel on `channelAxis`, float32 bias),
 * or why the wasm backend cannot run the node.
 */
export function wasmConvMode(node: Node, channelAxis = 0): 'f32' | 'q8' | 'hybrid' | string {
  const x = node.inputs[0], w = node.inputs[1];
  if (!x || !w) return 'input and weights are required';
  const ok = checkConvNode(node, 0, 1);
  if (ok !== true) return ok;
  const mode = convMode(x.dtype, w.dtype);
  if (mode === 'float') return 'f32';
  if (mode === 'int32acc' && (x.dtype === 'i8' || x.dtype === 'u8') && w.dtype === x.dtype) {
    if (w.data === undefined || w.isVariable) return 'quantized weights computed at run time are not supported (constant weights only)';
    const b = node.inputs[2];
    if (b && b.dtype !== 'i32') return `bias dtype ${b.dtype} is not supported for 8-bit kernels (int32 only)`;
    return 'q8';
  }
  if (mode === 'hybrid' && w.dtype === 'i8') {
    if (w.data === undefined || w.isVariable) return 'hybrid weights computed at run time are not supported (constant weights only)';
    const b = node.inputs[2];
    if (b && b.dtype !== 'f32') return `bias dtype ${b.dtype} is not supported for hybrid kernels (float32 only)`;
    const scales = w.quant?.scale.length ?? 0, channels = w.shape?.[channelAxis];
    if (scales !== 1 && scales !== channels) return `hybrid weights have ${scales} scales for ${String(channels)} output channels`;
    if ((w.quant?.zeroPoint ?? []).some((z) => z !== 0)) return 'hybrid weights must be symmetric (zero point 0)';
    return 'hybrid';
  }
  return `the wasm backend runs float32 and int8/uint8 kernels; this node is ${mode} (${x.dtype} input, ${w.dtype} weights)`;
}

/**
 * supports() checks of the wasm CONV_2D and DEPTHWISE_CONV_2D: f32, q8 or hybrid (output channels on
 * `channelAxis` of the weights), a clamp activation for float output, SAME / VALID padding.
 */
export function checkWasmConv(node: Node, channelAxis = 0): true | string {
  const m = wasmConvMode(node, channelAxis);
  if (m !== 'f32' && m !== 'q8' && m !== 'hybrid') return m;
  const act = m !== 'q8' ? checkActivation(node) : true;
  if (act !== true) return act;
  const padding = node.attrs['padding'] ?? 'SAME';
  return padding === 'SAME' || padding === 'VALID' ? true : `unknown padding ${String(padding)}`;
}

export interface Q8Plan {
  inst: WasmInstance;
  /** Persistent block: [requantization table (assembly/requant.ts)][bias i32[N]][weights…]. */
  block: number;
  rq: number;
  /** 1: XNNPACK's fp32 requantization, 0: gemmlowp's. */
  fp32: number;
  bias: number;
  weights: number;
  inputOffset: number;
  filterOffset: number;
  outZp: number;
  qmin: number;
  qmax: number;
  xSigned: number;
  outSigned: number;
}

/**
 * Sets up the node's plan (once per node and instance): requantization parameters and
 * `weightBytes` bytes of weights written by `fill(view, at, q)` after them.
 */
export function q8Plan(ctx: KernelContext, x: Tensor, w: Tensor, channels: number, hybridMode: 'conv' | 'asymmetric' | 'option',
  weightsZeroPoint: boolean, weightBytes: number, fill: (q: ConvQuant, plan: Q8Plan) => void): Q8Plan {
  const inst = wasm();
  const cached = ctx.cache['wasmQ8'] as Q8Plan | undefined;
  if (cached && cached.inst === inst) return cached;
  const q = prepareConvQuant(ctx, 'int32acc', x, w, ctx.inputs[2], channels, hybridMode, weightsZeroPoint);
  const h = heap();
  const n4 = Math.ceil((channels * 4) / 64) * 64;
  const rqBytes = Math.ceil(inst.exports.rq_bytes(channels) / 64) * 64;
  const owner = {};
  const block = h.allocPersistent(rqBytes + n4 + weightBytes, owner);
  const plan: Q8Plan = {
    inst, block, rq: block, fp32: q.fp32Scale ? 1 : 0, bias: block + rqBytes, weights: block + rqBytes + n4,
    inputOffset: q.inputOffset, filterOffset: q.filterOffset, outZp: q.outputOffset, qmin: q.actMin, qmax: q.actMax,
    xSigned: x.dtype === 'i8' ? 1 : 0, outSigned: ctx.node.outputs[0]!.dtype === 'i8' ? 1 : 0,
  };
  h.beginScratch();
  const mult = h.putI32(q.multiplier.length === channels ? q.multiplier : new Int32Array(channels).fill(q.multiplier[0] ?? 0));
  const shift = h.putI32(q.shift.length === channels ? q.shift : new Int32Array(channels).fill(q.shift[0] ?? 0));
  const scales = q.fp32Scale ? h.putF32(q.fp32Scale) : 0;
  inst.exports.rq_fill(channels, mult, shift, scales, plan.rq);
  h.beginScratch();
  fill(q, plan);
  // The block lives as long as this node's cache (reset on re-plan).
  ctx.cache['wasmQ8'] = plan;
  ctx.cache['wasmQ8Owner'] = owner;
  return plan;
}

/** Weights as plain numbers with the weights offset added (w + filterOffset). */
export function offsetWeights(w: Tensor, filterOffset: number): Int32Array {
  const d = w.data as Int8Array | Uint8Array;
  const out = new Int32Array(d.length);
  for (let i = 0; i < d.length; i++) out[i] = d[i]! + filterOffset;
  return out;
}

/** int32 bias values (0 when absent) as the reference adds them (exact doubles, wrapped to int32 with the sum). */
export function biasInts(q: ConvQuant, channels: number): Float64Array {
  return q.bias ?? new Float64Array(channels);
}
