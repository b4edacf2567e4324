// tfl.TOPK_V2: the k largest values of every last-axis row, sorted descending (ties keep the
// lower index first), and their indices (i32, or i64 when planned so).
import { RuntimeError } from '../../../errors';
import { numberAt } from '../../../dtypes';
import { kernel, supportsDtypes } from './elementwise-utils';

type Data = { [i: number]: number | bigint; length: number };

export const topkV2 = kernel('tfl.TOPK_V2', {
  supports: supportsDtypes(['f32', 'i8', 'u8', 'i16', 'i32', 'i64']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    const k = numberAt(ctx.inputs[1]!.data, 0);
    const rank = a.shape.length;
    const n = rank ? a.shape[rank - 1]! : 1;
    if (k < 0 || k > n) {
      throw new RuntimeError('SHAPE_MISMATCH', `tfl.TOPK_V2 '${ctx.node.name}': k = ${k} must be in [0, ${n}] (the last dimension)`, [ctx.node.name]);
    }
    const outShape = [...a.shape.slice(0, -1), k];
    const values = ctx.output(0, outShape), indices = ctx.output(1, outShape);
    const x = a.data as unknown as Data, zv = values.data as unknown as Data, zi = indices.data as unknown as Data;
    const bigIdx = indices.dtype === 'i64';
    const rows = n ? a.data.length / n : 0;
    const order = new Array<number>(n);
    for (let r = 0; r < rows; r++) {
      const base = r * n;
      for (let i = 0; i < n; i++) order[i] = i;
      order.sort((p, q) => {
        const u = x[base + p]!, v = x[base + q]!;
        return u > v ? -1 : u < v ? 1 : p - q;
      });
      for (let j = 0; j < k; j++) {
        zv[r * k + j] = x[base + order[j]!]!;
        zi[r * k + j] = bigIdx ? BigInt(order[j]!) : order[j]!;
      }
    }
  },
});
