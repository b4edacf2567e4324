// tfl.REDUCE_ANY: logical OR over the constant axes (input 1) of a bool tensor, `keepDims`.
import { nums } from './elementwise-utils';
import { reduceKernel } from './reduce-utils';

export const reduceAny = reduceKernel('tfl.REDUCE_ANY', ['bool'], (ctx, plan, out) => {
  const x = nums(ctx.inputs[0]!), z = nums(out);
  z.fill(0);
  for (let i = 0; i < x.length; i++) if (x[i]) z[plan.outIndex[i]!] = 1;
});
