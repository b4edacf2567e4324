// tfl.BATCH_TO_SPACE_ND: the inverse of SPACE_TO_BATCH_ND, then crops.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, sizeOf, stridesOf, supportsDtypes } from '../core-util';

export const batchToSpaceNd: KernelConfig = {
  op: 'tfl.BATCH_TO_SPACE_ND',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const block = ints(ctx.inputs[1], 'block_shape');
    const crops = ints(ctx.inputs[2], 'crops');
    const m = block.length;
    const nb = sizeOf(block);
    if (input.shape[0]! % nb) fail(ctx.node, `batch ${input.shape[0]} is not a multiple of ${nb}`);
    const batch = input.shape[0]! / nb;
    const spatial = block.map((b, i) => input.shape[i + 1]! * b - crops[2 * i]! - crops[2 * i + 1]!);
    if (spatial.some((s) => s < 0)) fail(ctx.node, 'crops exceed the spatial size');
    const shape = [batch, ...spatial, ...input.shape.slice(m + 1)];
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(input);
    const is = stridesOf(input.shape);
    forEachIndex(shape, (i, c) => {
      let blk = 0;
      let off = 0;
      for (let k = 0; k < m; k++) {
        const y = c[k + 1]! + crops[2 * k]!;
        blk = blk * block[k]! + (y % block[k]!);
        off += Math.floor(y / block[k]!) * is[k + 1]!;
      }
      off += (blk * batch + c[0]!) * is[0]!;
      for (let k = m + 1; k < c.length; k++) off += c[k]! * is[k]!;
      od[i] = src[off];
    });
  },
};
