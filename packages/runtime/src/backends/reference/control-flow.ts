// Helpers for kernels that forward subgraph results to their outputs.
import type { KernelContext, Tensor } from '../../kernel';
import { RuntimeError } from '../../errors';
import { copyInto } from './core-util';

export function writeOutputs(ctx: KernelContext, results: Tensor[]): void {
  if (results.length < ctx.node.outputs.length) {
    throw new RuntimeError('BAD_MODEL', `${ctx.node.op} '${ctx.node.name}' has ${ctx.node.outputs.length} outputs but its subgraph returned ${results.length}`, [ctx.node.name]);
  }
  ctx.node.outputs.forEach((_, i) => {
    const r = results[i]!;
    copyInto(ctx.output(i, r.shape, r.dtype), r);
  });
}

export function present(ctx: KernelContext): Tensor[] {
  return ctx.inputs.filter((t): t is Tensor => t !== undefined);
}
