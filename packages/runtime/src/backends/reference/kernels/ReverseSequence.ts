// tfl.REVERSE_SEQUENCE: reverses the first seq_lengths[b] elements along seqDim for each batch
// entry b along batchDim.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, normAxis, stridesOf, supportsDtypes } from '../core-util';

export const reverseSequence: KernelConfig = {
  op: 'tfl.REVERSE_SEQUENCE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const lens = ints(ctx.inputs[1], 'seq_lengths');
    const rank = input.shape.length;
    const seqDim = normAxis(Number(ctx.attrs['seqDim'] ?? 0), rank, 'seqDim');
    const batchDim = normAxis(Number(ctx.attrs['batchDim'] ?? 0), rank, 'batchDim');
    if (lens.length !== input.shape[batchDim]) fail(ctx.node, `${lens.length} seq_lengths for batch dim of size ${input.shape[batchDim]}`);
    lens.forEach((l) => { if (l < 0 || l > input.shape[seqDim]!) fail(ctx.node, `seq_length ${l} exceeds dim ${seqDim} of size ${input.shape[seqDim]}`); });
    const out = ctx.output(0, input.shape);
    const od = dataOf(out), src = dataOf(input);
    const is = stridesOf(input.shape);
    forEachIndex(input.shape, (i, c) => {
      const l = lens[c[batchDim]!]!;
      let off = 0;
      for (let d = 0; d < rank; d++) off += (d === seqDim && c[d]! < l ? l - 1 - c[d]! : c[d]!) * is[d]!;
      od[i] = src[off];
    });
  },
};
