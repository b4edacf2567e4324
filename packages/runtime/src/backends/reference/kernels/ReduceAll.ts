// tfl.REDUCE_ALL: logical AND over the constant axes (input 1) of a bool tensor, `keepDims`.
import { nums } from './elementwise-utils';
import { reduceKernel } from './reduce-utils';

export const reduceAll = reduceKernel('tfl.REDUCE_ALL', ['bool'], (ctx, plan, out) => {
  const x = nums(ctx.inputs[0]!), z = nums(out);
  z.fill(1);
  for (let i = 0; i < x.length; i++) if (!x[i]) z[plan.outIndex[i]!] = 0;
});
