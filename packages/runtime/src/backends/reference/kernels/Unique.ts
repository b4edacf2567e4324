// tfl.UNIQUE: the distinct values of a 1-D tensor in order of first appearance, and for every
// input element the index of its value in that list.
import type { KernelConfig } from '../../../kernel';
import { setNumber } from '../../../dtypes';
import { dataOf, supportsDtypes } from '../core-util';

export const unique: KernelConfig = {
  op: 'tfl.UNIQUE',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16', 'i32', 'i64']),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const src = dataOf(input);
    const seen = new Map<unknown, number>();
    const idx: number[] = [];
    for (let i = 0; i < src.length; i++) {
      const v = src[i];
      let k = seen.get(v);
      if (k === undefined) { k = seen.size; seen.set(v, k); }
      idx.push(k);
    }
    const out = ctx.output(0, [seen.size], input.dtype);
    const od = dataOf(out);
    for (const [v, k] of seen) od[k] = v;
    const ix = ctx.output(1, [src.length]);
    idx.forEach((k, i) => setNumber(ix.data as Int32Array, i, k));
  },
};
