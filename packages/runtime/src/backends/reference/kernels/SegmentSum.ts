// tfl.SEGMENT_SUM: sums rows of data that share a (sorted) segment id.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, sizeOf, supportsDtypes } from '../core-util';

export const segmentSum: KernelConfig = {
  op: 'tfl.SEGMENT_SUM',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'i32']),
  run(ctx) {
    const data = ctx.inputs[0]!;
    const ids = ints(ctx.inputs[1], 'segment_ids');
    if (ids.length !== data.shape[0]) fail(ctx.node, `${ids.length} segment ids for ${data.shape[0]} rows`);
    for (let i = 1; i < ids.length; i++) if (ids[i]! < ids[i - 1]!) fail(ctx.node, 'segment ids must be sorted');
    const n = ids.length ? ids[ids.length - 1]! + 1 : 0;
    const inner = sizeOf(data.shape.slice(1));
    const out = ctx.output(0, [n, ...data.shape.slice(1)]);
    const od = dataOf(out), src = dataOf(data);
    for (let i = 0; i < od.length; i++) od[i] = 0;
    ids.forEach((s, r) => { for (let j = 0; j < inner; j++) od[s * inner + j] = (od[s * inner + j] as number) + (src[r * inner + j] as number); });
  },
};
