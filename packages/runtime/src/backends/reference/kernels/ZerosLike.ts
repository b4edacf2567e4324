// tfl.ZEROS_LIKE: zeros of the input's shape and dtype.
import type { KernelConfig } from '../../../kernel';
import { supportsDtypes } from '../core-util';

export const zerosLike: KernelConfig = {
  op: 'tfl.ZEROS_LIKE',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'f64', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool']),
  run(ctx) {
    ctx.output(0, ctx.inputs[0]!.shape).data.fill(0 as never);
  },
};
