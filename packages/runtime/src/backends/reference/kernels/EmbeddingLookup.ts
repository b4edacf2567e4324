// tfl.EMBEDDING_LOOKUP: rows of the value table (input 1) picked by ids (input 0). Hybrid models
// with an int8/uint8 table and a float output dequantize the rows with the table's scale.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, sizeOf, supportsDtypes } from '../core-util';

export const embeddingLookup: KernelConfig = {
  op: 'tfl.EMBEDDING_LOOKUP',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES, 1),
  run(ctx) {
    const ids = ints(ctx.inputs[0], 'ids');
    const table = ctx.inputs[1]!;
    const rows = table.shape[0]!;
    const inner = sizeOf(table.shape.slice(1));
    const out = ctx.output(0, [ids.length, ...table.shape.slice(1)]);
    const od = dataOf(out), src = dataOf(table);
    const q = table.quant;
    const dequant = out.dtype === 'f32' && table.dtype !== 'f32' && q !== undefined;
    ids.forEach((id, r) => {
      if (id < 0 || id >= rows) fail(ctx.node, `id ${id} is out of range [0, ${rows})`);
      const s = dequant ? q.scale[q.scale.length > 1 ? id : 0]! : 1;
      const z = dequant ? q.zeroPoint[q.zeroPoint.length > 1 ? id : 0] ?? 0 : 0;
      for (let j = 0; j < inner; j++) {
        const v = src[id * inner + j];
        od[r * inner + j] = dequant ? ((v as number) - z) * s : v;
      }
    });
  },
};
