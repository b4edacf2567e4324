// tfl.ONES_LIKE: ones of the input's shape and dtype.
import type { KernelConfig } from '../../../kernel';
import { supportsDtypes } from '../core-util';

export const onesLike: KernelConfig = {
  op: 'tfl.ONES_LIKE',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'f64', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool']),
  run(ctx) {
    const out = ctx.output(0, ctx.inputs[0]!.shape);
    out.data.fill((out.data instanceof BigInt64Array ? 1n : 1) as never);
  },
};
