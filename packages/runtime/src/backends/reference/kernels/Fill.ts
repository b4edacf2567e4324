// tfl.FILL: a tensor of shape `dims` filled with the scalar `value`.
import type { KernelConfig } from '../../../kernel';
import { ints, MOVABLE_DTYPES, supportsDtypes } from '../core-util';

export const fill: KernelConfig = {
  op: 'tfl.FILL',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES, 1),
  run(ctx) {
    const value = ctx.inputs[1]!;
    const out = ctx.output(0, ints(ctx.inputs[0], 'dims'), value.dtype);
    (out.data as unknown as { fill(v: unknown): void }).fill(value.data[0]);
  },
};
