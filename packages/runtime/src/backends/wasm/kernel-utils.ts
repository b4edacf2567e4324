// Shared plumbing of the wasm kernels: attribute readers and padding (the reference backend's,
// so both backends agree on geometry), fused-activation ranges, checks for supports(), and
// weights packed once per (instance, constant weights) into persistent wasm memory.
import type { Node } from '../../ir';
import type { KernelContext, Tensor } from '../../kernel';
import { RuntimeError } from '../../errors';
import { activationRangeFloat, type Activation } from '../reference/kernels/nn-quant-utils';
import { heap, type Heap } from './heap';
import { wasm, type WasmInstance } from './module';

export { convOutSize, convPadding, intAttr, stepAttr, strAttr, boolAttr } from '../reference/kernels/conv-utils';

export const WASM_BACKEND = 'wasm';

/** Fused activations the wasm kernels apply as a clamp. */
const CLAMP_ACTIVATIONS = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];

export function checkActivation(node: Node): true | string {
  const act = String(node.attrs['fusedActivationFunction'] ?? 'NONE');
  return CLAMP_ACTIVATIONS.includes(act) ? true : `fused activation ${act} is not supported (only ${CLAMP_ACTIVATIONS.join(', ')})`;
}

/** [min, max] of the node's fused activation (±Infinity when none). */
export function clampRange(ctx: KernelContext): [number, number] {
  return activationRangeFloat(String(ctx.attrs['fusedActivationFunction'] ?? 'NONE') as Activation);
}

/** true when every listed input (that is present) and every output is float32. */
export function checkF32(node: Node, inputs: number[], what = node.op): true | string {
  for (const i of inputs) {
    const v = node.inputs[i];
    if (v && v.dtype !== 'f32') return `${what}: the wasm backend runs float32 only (input ${i} '${v.name}' is ${v.dtype})`;
  }
  for (const o of node.outputs) if (o.dtype !== 'f32') return `${what}: the wasm backend runs float32 only (output '${o.name}' is ${o.dtype})`;
  return true;
}

export function all(...checks: (() => true | string)[]): true | string {
  for (const c of checks) {
    const r = c();
    if (r !== true) return r;
  }
  return true;
}

export function fail(node: Node, message: string): never {
  throw new RuntimeError('SHAPE_MISMATCH', `${node.op} '${node.name}': ${message}`, [node.name]);
}

export function input(ctx: KernelContext, i: number, what: string): Tensor {
  const t = ctx.inputs[i];
  if (!t) fail(ctx.node, `missing ${what} (input ${i})`);
  return t;
}

export function f32(t: Tensor): Float32Array {
  return t.data as Float32Array;
}

/** Writes a task for run_task (assembly/tasks.ts) into scratch: ints as i32, `floatAt` indices as f32. */
export function putTask(h: Heap, words: number[], floatAt: readonly number[]): number {
  const ptr = h.scratch(words.length * 4);
  const { i32, f32: f } = h.views();
  words.forEach((w, i) => {
    if (floatAt.includes(i)) f[(ptr >>> 2) + i] = w;
    else i32[(ptr >>> 2) + i] = w;
  });
  return ptr;
}

/** The instance's heap with a fresh scratch area for one kernel call. */
export function beginCall(): Heap {
  const h = heap();
  h.beginScratch();
  return h;
}

// ---------------------------------------------------------------------------------------------
// packed weights

interface Block { ptr: number; bytes: number }
const packs = new WeakMap<WasmInstance, WeakMap<object, Map<string, Map<object | null, Block>>>>();

/**
 * Persistent wasm memory holding `make(dst)`'s output for the constant `weights` (+ `bias`)
 * tensors, made once per instance and shared by every node and interpreter that uses the same
 * constant buffers. Non-constant weights (computed by another node) return undefined: the caller
 * packs them into scratch on every run. `layout` names the packing, so one constant buffer packed
 * two ways (e.g. as depthwise weights and as a transposed matmul operand) gets two blocks.
 */
export function persistentPack(ctx: KernelContext, weightsInput: number, weights: Tensor, bias: Tensor | undefined,
  bytes: number, make: (h: Heap, dst: number) => void, layout: string): number | undefined {
  const wv = ctx.node.inputs[weightsInput];
  const bv = bias ? ctx.node.inputs[weightsInput + 1] : undefined;
  const constant = wv?.data !== undefined && !wv.isVariable && (!bias || (bv?.data !== undefined && !bv.isVariable));
  if (!constant) return undefined;
  const inst = wasm();
  let byInst = packs.get(inst);
  if (!byInst) packs.set(inst, (byInst = new WeakMap()));
  let byLayout = byInst.get(weights.data);
  if (!byLayout) byInst.set(weights.data, (byLayout = new Map()));
  let byBias = byLayout.get(layout);
  if (!byBias) byLayout.set(layout, (byBias = new Map()));
  const key = bias ? bias.data : null;
  const hit = byBias.get(key);
  if (hit && hit.bytes === bytes) return hit.ptr;
  const h = heap();
  const ptr = h.allocPersistent(bytes, weights.data);
  make(h, ptr);
  byBias.set(key, { ptr, bytes });
  return ptr;
}

/** Packs an N×K weight matrix (+ bias) for gemm_f32, at `dst`; uses scratch for the sources. */
export function packGemm(h: Heap, dst: number, w: Float32Array, bias: Float32Array | undefined, N: number, K: number): void {
  const wp = h.putF32(w);
  const bp = bias ? h.putF32(bias) : 0;
  h.inst.exports.pack_f32_gemm(N, K, wp, bp, dst);
}

/** Packed (or scratch) GEMM weights of an N×K matrix for this node. */
export function gemmWeights(ctx: KernelContext, h: Heap, weightsInput: number, weights: Tensor, bias: Tensor | undefined, N: number, K: number): number {
  const bytes = h.inst.exports.packed_f32_gemm_bytes(N, K);
  const make = (hh: Heap, dst: number) => packGemm(hh, dst, f32(weights), bias ? f32(bias) : undefined, N, K);
  const ptr = persistentPack(ctx, weightsInput, weights, bias, bytes, (hh, dst) => {
    // Packing uses scratch for its sources: start a fresh scratch area above the new block.
    hh.beginScratch();
    make(hh, dst);
    hh.beginScratch();
  }, 'gemm-nk');
  if (ptr !== undefined) return ptr;
  const dst = h.scratch(bytes);
  make(h, dst);
  return dst;
}
