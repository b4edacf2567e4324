// tfl.READ_VARIABLE: the current value of a resource variable.
import type { KernelConfig } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import { copyInto } from '../core-util';
import { handleOf, readVariable } from '../variables';

export const readVariableKernel: KernelConfig = {
  op: 'tfl.READ_VARIABLE',
  backend: 'reference',
  run(ctx) {
    const v = readVariable(ctx, handleOf(ctx, 0));
    if (!v) throw new RuntimeError('BAD_MODEL', `READ_VARIABLE '${ctx.node.name}' reads a variable that was never assigned`, [ctx.node.name]);
    copyInto(ctx.output(0, v.shape, v.dtype), v);
  },
};
