// Ops that only change a tensor's shape: the output is a view of the input's GPU buffer.
import type { Node } from '../../../ir';
import type { GpuKernel, GpuKernelContext } from '../kernel';
import { movable } from './movable';
import { all } from './util';

export function viewKernel(op: string, outShape: (ctx: GpuKernelContext, shape: number[]) => number[], supports?: (node: Node) => true | string): GpuKernel {
  return {
    op,
    supports: (node) => all(() => movable(node), () => supports?.(node) ?? true),
    run(ctx) {
      const shape = ctx.inputs[0]!.shape;
      const s = outShape(ctx, shape);
      const n = shape.reduce((p, d) => p * d, 1);
      if (s.reduce((p, d) => p * d, 1) !== n) throw new Error(`cannot view [${shape}] as [${s}]`);
      ctx.outputView(0, ctx.input(0), s);
    },
  };
}
