// The shapes of a BATCH_MATMUL (shared by the reference and wasm kernels): M, K, N after adjX/adjY,
// the batch dims of lhs, rhs and output with numpy-style broadcasting, and, per output batch, which
// lhs and rhs batch it reads.
import type { KernelContext, Tensor } from '../../../kernel';
import { fail } from '../core-util';
import { boolAttr } from './conv-utils';

export interface BmmGeometry {
  adjX: boolean;
  adjY: boolean;
  m: number;
  k: number;
  n: number;
  /** Batch dims of lhs and rhs, left-padded with 1 to the output's batch rank, and of the output. */
  lb: number[];
  rb: number[];
  ob: number[];
  batches: number;
  /** The lhs and rhs batch indices that output batch `bi` multiplies. */
  sources(bi: number): [number, number];
}

export function bmmGeometry(ctx: KernelContext, lhs: Tensor, rhs: Tensor): BmmGeometry {
  const adjX = boolAttr(ctx.attrs, 'adjX');
  const adjY = boolAttr(ctx.attrs, 'adjY');
  if (lhs.shape.length < 2 || rhs.shape.length < 2) fail(ctx.node, `operands must be at least 2-D, got [${lhs.shape}] and [${rhs.shape}]`);
  const lr = lhs.shape.length;
  const rr = rhs.shape.length;
  const m = adjX ? lhs.shape[lr - 1]! : lhs.shape[lr - 2]!;
  const k = adjX ? lhs.shape[lr - 2]! : lhs.shape[lr - 1]!;
  const k2 = adjY ? rhs.shape[rr - 1]! : rhs.shape[rr - 2]!;
  const n = adjY ? rhs.shape[rr - 2]! : rhs.shape[rr - 1]!;
  if (k !== k2) fail(ctx.node, `contracting dims differ: lhs [${lhs.shape}] (adjX ${adjX}) vs rhs [${rhs.shape}] (adjY ${adjY})`);
  const rank = Math.max(lr, rr) - 2;
  const lb = [...new Array<number>(rank - (lr - 2)).fill(1), ...lhs.shape.slice(0, -2)];
  const rb = [...new Array<number>(rank - (rr - 2)).fill(1), ...rhs.shape.slice(0, -2)];
  const ob: number[] = [];
  for (let i = 0; i < rank; i++) {
    const a = lb[i]!;
    const b = rb[i]!;
    if (a !== b && a !== 1 && b !== 1) fail(ctx.node, `batch dims [${lhs.shape.slice(0, -2)}] and [${rhs.shape.slice(0, -2)}] do not broadcast`);
    ob.push(a === 1 ? b : a);
  }
  const idx = new Array<number>(rank).fill(0);
  const sources = (bi: number): [number, number] => {
    let rem = bi;
    for (let d = rank - 1; d >= 0; d--) { idx[d] = rem % ob[d]!; rem = Math.floor(rem / ob[d]!); }
    let l = 0;
    let r = 0;
    for (let d = 0; d < rank; d++) {
      l = l * lb[d]! + (lb[d] === 1 ? 0 : idx[d]!);
      r = r * rb[d]! + (rb[d] === 1 ? 0 : idx[d]!);
    }
    return [l, r];
  };
  return { adjX, adjY, m, k, n, lb, rb, ob, batches: ob.reduce((a, b) => a * b, 1), sources };
}
