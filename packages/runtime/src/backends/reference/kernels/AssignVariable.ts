// tfl.ASSIGN_VARIABLE: stores a copy of the value in the resource variable.
import type { KernelConfig } from '../../../kernel';
import { copyTensor } from '../../../graph-runner';
import { handleOf, writeVariable } from '../variables';

export const assignVariable: KernelConfig = {
  op: 'tfl.ASSIGN_VARIABLE',
  backend: 'reference',
  run(ctx) {
    writeVariable(ctx, handleOf(ctx, 0), copyTensor(ctx.inputs[1]!));
  },
};
