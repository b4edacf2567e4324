// Shared machinery of the reduction kernels (MEAN, SUM, REDUCE_*): axes from the constant input 1
// (negative axes count from the end, duplicates are ignored), the output shape with or without
// `keepDims`, and the output slot of every input element (cached per input shape).
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import { numberAt } from '../../../dtypes';
import { kernel } from './elementwise-utils';

export interface ReducePlan {
  outShape: number[];
  /** outIndex[i] = the output element input element i reduces into. */
  outIndex: Int32Array;
  /** Number of input elements reduced into each output element. */
  count: number;
  outSize: number;
}

export function reductionAxes(ctx: KernelContext): number[] {
  const rank = ctx.inputs[0]!.shape.length;
  const t = ctx.inputs[1];
  const raw: number[] = [];
  if (t) for (let i = 0; i < t.data.length; i++) raw.push(numberAt(t.data, i));
  const axes = new Set<number>();
  for (const a of raw) {
    const n = a < 0 ? a + rank : a;
    if (n < 0 || n >= rank) {
      throw new RuntimeError('SHAPE_MISMATCH', `${ctx.node.op} '${ctx.node.name}': axis ${a} is out of range for rank ${rank}`, [ctx.node.name]);
    }
    axes.add(n);
  }
  return [...axes].sort((x, y) => x - y);
}

/** The plan for reducing input 0 of `ctx` (cached in ctx.cache while the shape and axes stay). */
export function reducePlan(ctx: KernelContext): ReducePlan {
  const shape = ctx.inputs[0]!.shape;
  const axes = reductionAxes(ctx);
  const keepDims = ctx.attrs['keepDims'] === true;
  const key = `${shape.join(',')}|${axes.join(',')}|${keepDims}`;
  const cached = ctx.cache['reducePlan'] as { key: string; plan: ReducePlan } | undefined;
  if (cached?.key === key) return cached.plan;
  const reduced = new Array<boolean>(shape.length).fill(false);
  for (const a of axes) reduced[a] = true;
  const outShape: number[] = [];
  for (let d = 0; d < shape.length; d++) {
    if (!reduced[d]) outShape.push(shape[d]!);
    else if (keepDims) outShape.push(1);
  }
  // strides into the output for each input dim (0 along reduced dims)
  const strides = new Array<number>(shape.length).fill(0);
  let acc = 1, count = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (reduced[d]) count *= shape[d]!;
    else {
      strides[d] = acc;
      acc *= shape[d]!;
    }
  }
  let n = 1;
  for (const d of shape) n *= d;
  const outIndex = new Int32Array(n);
  const coords = new Array<number>(shape.length).fill(0);
  let o = 0;
  for (let i = 0; i < n; i++) {
    outIndex[i] = o;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (++coords[d]! < shape[d]!) {
        o += strides[d]!;
        break;
      }
      o -= strides[d]! * (shape[d]! - 1);
      coords[d] = 0;
    }
  }
  const plan = { outShape, outIndex, count, outSize: acc };
  ctx.cache['reducePlan'] = { key, plan };
  return plan;
}

/**
 * Whether input 0 of `ctx` reduces over trailing axes only (ignoring size-1 dims), so that output
 * element o sums the contiguous run of `count` input elements starting at o·count.
 */
export function reducesInnermost(ctx: KernelContext): boolean {
  const shape = ctx.inputs[0]!.shape;
  const reduced = new Set(reductionAxes(ctx));
  let inReduced = false;
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    if (reduced.has(d)) inReduced = true;
    else if (inReduced) return false;
  }
  return true;
}

/** A reduction kernel accepting `dtypes` for input 0 whose work is done by `run(ctx, plan, out)`. */
export function reduceKernel(op: string, dtypes: readonly string[], run: (ctx: KernelContext, plan: ReducePlan, out: Tensor) => void, prepare?: (ctx: KernelContext) => void): KernelConfig {
  return kernel(op, {
    supports: (node) => {
      const d = node.inputs[0]?.dtype;
      return d && dtypes.includes(d) ? true : `input dtype ${d} is not supported (supported: ${dtypes.join(', ')})`;
    },
    prepare,
    run(ctx) {
      const plan = reducePlan(ctx);
      run(ctx, plan, ctx.output(0, plan.outShape));
    },
  });
}
