// tfl.DYNAMIC_UPDATE_SLICE: the operand with `update` written at start indices (clamped so the
// update fits, as in XLA).
import type { KernelConfig } from '../../../kernel';
import { copyInto, dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, stridesOf, supportsDtypes } from '../core-util';

export const dynamicUpdateSlice: KernelConfig = {
  op: 'tfl.DYNAMIC_UPDATE_SLICE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const operand = ctx.inputs[0]!;
    const update = ctx.inputs[1]!;
    const start = ints(ctx.inputs[2], 'start_indices');
    const rank = operand.shape.length;
    if (update.shape.length !== rank || start.length !== rank) fail(ctx.node, 'operand, update and start indices must agree in rank');
    const begin = start.map((s, d) => Math.min(Math.max(s, 0), operand.shape[d]! - update.shape[d]!));
    const out = ctx.output(0, operand.shape);
    copyInto(out, operand);
    const od = dataOf(out), src = dataOf(update);
    const os = stridesOf(operand.shape);
    forEachIndex(update.shape, (i, c) => {
      let off = 0;
      for (let d = 0; d < rank; d++) off += (begin[d]! + c[d]!) * os[d]!;
      od[off] = src[i];
    });
  },
};
