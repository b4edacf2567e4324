// tfl.WHERE: the coordinates (int64 rows) of every true / non-zero element.
import type { KernelConfig } from '../../../kernel';
import { setNumber } from '../../../dtypes';
import { forEachIndex, supportsDtypes } from '../core-util';

export const where: KernelConfig = {
  op: 'tfl.WHERE',
  backend: 'reference',
  supports: supportsDtypes(['bool', 'f32', 'i8', 'u8', 'i32', 'i64']),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const hits: number[][] = [];
    const d = input.data as ArrayLike<number | bigint>;
    forEachIndex(input.shape, (i, c) => { if (d[i] !== 0 && d[i] !== 0n) hits.push([...c]); });
    const rank = input.shape.length;
    const out = ctx.output(0, [hits.length, rank]);
    hits.forEach((c, r) => c.forEach((v, k) => setNumber(out.data as BigInt64Array, r * rank + k, v)));
  },
};
