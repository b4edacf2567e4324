// tfl.RANK: the input's rank as an int32 scalar.
import type { KernelConfig } from '../../../kernel';
import { setNumber } from '../../../dtypes';

export const rank: KernelConfig = {
  op: 'tfl.RANK',
  backend: 'reference',
  run(ctx) {
    setNumber(ctx.output(0, []).data as Int32Array, 0, ctx.inputs[0]!.shape.length);
  },
};
