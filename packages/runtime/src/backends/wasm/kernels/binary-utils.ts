// Shared by ADD / SUB / MUL / DIV on wasm: numpy broadcasting reduced to at most 4 dims (adjacent
// dims merged where both operands allow it), innermost stride 1 or 0 per operand. float32 for all
// four; int8 / uint8 ADD, SUB and MUL with TFLite's quantized arithmetic (ADD/SUB tables from the
// reference's prepareQuantizedAddSub; MUL with its multiplier formula), bit-exact with reference.
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import type { Node } from '../../../ir';
import { activationRangeQuantized, multiplyByQuantizedMultiplier, quantizeMultiplier } from '../../reference/fixed-point';
import { fusedActivation, qp } from '../../reference/kernels/elementwise-utils';
import { prepareQuantizedAddSub, type QuantizedAddParams } from '../../reference/kernels/quantized-add';
import { getRequantization } from '../../reference/kernels/nn-quant-utils';
import { runOnReference } from '../fallback';
import { heap } from '../heap';
import type { WasmInstance } from '../module';
import { WASM_BACKEND, all, beginCall, checkActivation, checkF32, clampRange, f32, fail, input } from '../kernel-utils';

export const BINARY_OPS = { add: 0, sub: 1, mul: 2, div: 3 } as const;

/** Broadcast output shape of a and b, or undefined when they do not broadcast. */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] | undefined {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < r; i++) {
    const da = a[a.length - r + i] ?? 1, db = b[b.length - r + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** dims, a strides, b strides (elements), merged and padded to 4-D with an innermost stride 0/1. */
export function broadcastPlan(shape: number[], a: readonly number[], b: readonly number[]): { dims: number[]; sa: number[]; sb: number[] } {
  const r = shape.length;
  const strides = (s: readonly number[]) => {
    const full = [...new Array(r - s.length).fill(1), ...s];
    const st = new Array<number>(r).fill(0);
    let acc = 1;
    for (let i = r - 1; i >= 0; i--) {
      st[i] = full[i] === 1 && shape[i] !== 1 ? 0 : acc;
      acc *= full[i]!;
    }
    return st;
  };
  let dims: number[] = [];
  let sa: number[] = [];
  let sb: number[] = [];
  const fa = strides(a), fb = strides(b);
  for (let i = 0; i < r; i++) {
    if (shape[i] === 1) continue; // size-1 dims do not move either operand
    const last = dims.length - 1;
    // Merge with the previous dim when that keeps both operands affine: stride_prev = stride * size.
    if (last >= 0 && sa[last] === fa[i]! * shape[i]! && sb[last] === fb[i]! * shape[i]!) {
      dims[last] = dims[last]! * shape[i]!;
      sa[last] = fa[i]!;
      sb[last] = fb[i]!;
    } else {
      dims.push(shape[i]!);
      sa.push(fa[i]!);
      sb.push(fb[i]!);
    }
  }
  if (dims.length === 0) { dims = [1]; sa = [1]; sb = [1]; }
  // The innermost dim must have stride 0 or 1 for each operand; otherwise append a unit dim.
  if ((sa[sa.length - 1] !== 0 && sa[sa.length - 1] !== 1) || (sb[sb.length - 1] !== 0 && sb[sb.length - 1] !== 1)) {
    dims.push(1); sa.push(1); sb.push(1);
  }
  while (dims.length < 4) { dims.unshift(1); sa.unshift(0); sb.unshift(0); }
  return { dims, sa, sb };
}

/** Whether an ADD/SUB/MUL node is 8-bit quantized arithmetic the wasm kernel runs. */
function q8AddSub(node: Node): true | string {
  const a = node.inputs[0], b = node.inputs[1], o = node.outputs[0];
  if (!a || !b || !o) return 'two inputs are required';
  if ((a.dtype !== 'i8' && a.dtype !== 'u8') || b.dtype !== a.dtype || o.dtype !== a.dtype) {
    return `the wasm backend runs float32, or int8/uint8 with equal dtypes (got ${a.dtype}, ${b.dtype} → ${o.dtype})`;
  }
  if (!a.quant?.scale.length || !b.quant?.scale.length || !o.quant?.scale.length) return 'quantized inputs and output need quantization parameters';
  return checkActivation(node);
}

export function binaryKernel(op: string, code: number): KernelConfig {
  const quantized = code !== BINARY_OPS.div;
  return {
    op,
    backend: WASM_BACKEND,
    supports: (node) => {
      if (quantized && node.inputs[0]?.dtype !== 'f32') return q8AddSub(node);
      return all(
        () => checkF32(node, [0, 1]),
        () => checkActivation(node),
        () => (node.inputs[0] && node.inputs[1] ? true : 'two inputs are required'),
      );
    },
    run: (ctx) => {
      if (ctx.inputs[0]?.dtype === 'f32') runBinary(ctx, code);
      // XNNPACK's 8-bit ADD/SUB/MUL rounding (the interpreter's 'xnnpack' mode) is not in wasm yet.
      else if (getRequantization() === 'xnnpack') runOnReference(ctx);
      else runQ8(ctx, (ctx.cache['wasmQ8'] ??= prepareQ8(ctx, code)) as Q8Add);
    },
  };
}

interface Q8Add { tables: Int32Array; params: Int32Array; lut?: { inst: WasmInstance; ptr: number; owner: object } }

/** Outputs from this many elements use the node's 64 KiB lookup table (built once: 65536 evaluations). */
const LUT_MIN_ELEMENTS = 1024;

/** Tables (raw value − dtype minimum → int32) and output parameters, as the reference computes them. */
function prepareQ8(ctx: KernelContext, code: number): Q8Add {
  const signed = ctx.inputs[0]!.dtype === 'i8' ? 1 : 0;
  if (code === BINARY_OPS.mul) {
    // TFLite: (a − za)(b − zb) · (s_a·s_b/s_out, in float32) + z_out.
    const a = ctx.inputs[0]!, b = ctx.inputs[1]!, out = ctx.node.outputs[0]!;
    const qa = qp(a, ctx.node), qb = qp(b, ctx.node), qo = qp(out, ctx.node);
    const { multiplier, shift } = quantizeMultiplier(Math.fround(Math.fround(qa.scale * qb.scale) / qo.scale));
    const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), out.dtype, qo.scale, qo.zeroPoint);
    const min = signed ? -128 : 0;
    const tables = new Int32Array(512);
    for (let q = 0; q < 256; q++) { tables[q] = q + min - qa.zeroPoint; tables[256 + q] = q + min - qb.zeroPoint; }
    return { tables, params: Int32Array.from([multiplier, shift, qo.zeroPoint, lo, hi, 2, signed, 0]) };
  }
  const p: QuantizedAddParams = prepareQuantizedAddSub(ctx, code === BINARY_OPS.sub);
  if (p.kind !== 'general') fail(ctx.node, 'only the general 8-bit quantized ADD/SUB is supported on wasm');
  const tables = new Int32Array(512);
  const shift = 2 ** p.leftShift;
  for (let q = p.min1; q <= p.max1; q++) tables[q - p.min1] = multiplyByQuantizedMultiplier(((q + p.in1Offset) * shift) | 0, p.m1, p.s1);
  for (let q = p.min2; q <= p.max2; q++) tables[256 + q - p.min2] = multiplyByQuantizedMultiplier(((q + p.in2Offset) * shift) | 0, p.m2, p.s2);
  return { tables, params: Int32Array.from([p.mo, p.so, p.outOffset, p.lo, p.hi, p.subtract ? 1 : 0, signed, 0]) };
}

/** The node's 64 KiB output table in persistent wasm memory (built on first use per instance). */
function q8Lut(q: Q8Add): number {
  const h = beginCall();
  if (q.lut?.inst !== h.inst) {
    // Persistent before any scratch of this call (scratch lives above the persistent blocks); freed
    // with the node's cache, which holds the owner.
    const owner = {};
    const ptr = heap().allocPersistent(65536, owner);
    h.beginScratch();
    h.inst.exports.q8_binary_lut(h.putI32(q.tables), h.putI32(q.params), ptr);
    q.lut = { inst: h.inst, ptr, owner };
  }
  return q.lut.ptr;
}

function runQ8(ctx: KernelContext, q: Q8Add): void {
  const a = input(ctx, 0, 'x'), b = input(ctx, 1, 'y');
  const shape = broadcastShape(a.shape, b.shape);
  if (!shape) fail(ctx.node, `shapes [${a.shape}] and [${b.shape}] do not broadcast`);
  const out = ctx.output(0, shape);
  if (out.data.length === 0) return;
  const { dims, sa, sb } = broadcastPlan(shape, a.shape, b.shape);
  const lut = out.data.length >= LUT_MIN_ELEMENTS ? q8Lut(q) : 0;
  const h = beginCall();
  const put8 = (t: Tensor) => {
    const d = t.data as Int8Array;
    const p = h.scratch(d.length);
    h.views().u8.set(new Uint8Array(d.buffer, d.byteOffset, d.byteLength), p);
    return p;
  };
  const ap = put8(a), bp = put8(b);
  const tp = h.putI32(q.tables), pp = h.putI32(q.params);
  const k = dims.length - 4;
  const inner = dims.slice(k).reduce((x, y) => x * y, 1);
  const dp = h.putI32(dims.slice(k)), sap = h.putI32(sa.slice(k)), sbp = h.putI32(sb.slice(k));
  const op = h.scratch(out.data.length);
  const outer = dims.slice(0, k).reduce((x, y) => x * y, 1);
  for (let i = 0; i < outer; i++) {
    let rem = i, offA = 0, offB = 0;
    for (let d = k - 1; d >= 0; d--) {
      const idx = rem % dims[d]!;
      rem = Math.floor(rem / dims[d]!);
      offA += idx * sa[d]!;
      offB += idx * sb[d]!;
    }
    if (lut) h.inst.exports.binary_q8_lut(ap + offA, bp + offB, op + i * inner, dp, sap, sbp, lut);
    else h.inst.exports.addsub_q8(ap + offA, bp + offB, op + i * inner, dp, sap, sbp, tp, pp);
  }
  const od = out.data as Int8Array;
  new Uint8Array(od.buffer, od.byteOffset, od.byteLength).set(h.views().u8.subarray(op, op + od.length));
}

function runBinary(ctx: KernelContext, code: number): void {
  const a = input(ctx, 0, 'x'), b = input(ctx, 1, 'y');
  const shape = broadcastShape(a.shape, b.shape);
  if (!shape) fail(ctx.node, `shapes [${a.shape}] and [${b.shape}] do not broadcast`);
  const out = ctx.output(0, shape);
  if (out.data.length === 0) return;
  const { dims, sa, sb } = broadcastPlan(shape, a.shape, b.shape);
  const [lo, hi] = clampRange(ctx);
  const h = beginCall();
  const ap = h.putF32(f32(a)), bp = h.putF32(f32(b));
  const k = dims.length - 4; // leading dims beyond the kernel's 4 are looped here
  const inner = dims.slice(k).reduce((x, y) => x * y, 1);
  const dp = h.putI32(dims.slice(k)), sap = h.putI32(sa.slice(k)), sbp = h.putI32(sb.slice(k));
  const op = h.scratch(out.data.length * 4);
  const outer = dims.slice(0, k).reduce((x, y) => x * y, 1);
  for (let i = 0; i < outer; i++) {
    let rem = i, offA = 0, offB = 0;
    for (let d = k - 1; d >= 0; d--) {
      const idx = rem % dims[d]!;
      rem = Math.floor(rem / dims[d]!);
      offA += idx * sa[d]!;
      offB += idx * sb[d]!;
    }
    h.inst.exports.binary_f32(code, ap + offA * 4, bp + offB * 4, op + i * inner * 4, dp, sap, sbp, lo, hi);
  }
  h.getF32(op, f32(out));
}
