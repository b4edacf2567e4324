// Shared by ADD / SUB / MUL / DIV on wasm (float32): numpy broadcasting reduced to at most 4
// dims (adjacent dims merged where both operands allow it), innermost stride 1 or 0 per operand.
import type { KernelConfig, KernelContext } from '../../../kernel';
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

export function binaryKernel(op: string, code: number): KernelConfig {
  return {
    op,
    backend: WASM_BACKEND,
    supports: (node) => all(
      () => checkF32(node, [0, 1]),
      () => checkActivation(node),
      () => (node.inputs[0] && node.inputs[1] ? true : 'two inputs are required'),
    ),
    run: (ctx) => runBinary(ctx, code),
  };
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
