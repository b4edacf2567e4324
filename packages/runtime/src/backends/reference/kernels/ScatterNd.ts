// tfl.SCATTER_ND: a zero tensor of `shape` with `updates` added at `indices` (duplicates sum).
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, sizeOf, stridesOf, supportsDtypes } from '../core-util';

export const scatterNd: KernelConfig = {
  op: 'tfl.SCATTER_ND',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'f64', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool'], 1),
  run(ctx) {
    const indicesT = ctx.inputs[0]!;
    const updates = ctx.inputs[1]!;
    const shape = ints(ctx.inputs[2], 'shape');
    const idx = ints(indicesT, 'indices');
    const k = indicesT.shape[indicesT.shape.length - 1] ?? 0;
    const out = ctx.output(0, shape, updates.dtype);
    const od = dataOf(out), src = dataOf(updates);
    const zero = out.data instanceof BigInt64Array ? 0n : 0;
    for (let i = 0; i < od.length; i++) od[i] = zero;
    const os = stridesOf(shape);
    const inner = sizeOf(shape.slice(k));
    const n = sizeOf(indicesT.shape.slice(0, -1));
    if (src.length !== n * inner) fail(ctx.node, `updates have ${src.length} values, expected ${n * inner}`);
    const isBool = out.dtype === 'bool';
    for (let i = 0; i < n; i++) {
      let off = 0;
      for (let d = 0; d < k; d++) {
        const j = idx[i * k + d]!;
        if (j < 0 || j >= shape[d]!) fail(ctx.node, `index ${j} is out of range for dim ${d} of size ${shape[d]}`);
        off += j * os[d]!;
      }
      for (let t = 0; t < inner; t++) {
        const a = od[off + t] as number, b = src[i * inner + t] as number;
        od[off + t] = isBool ? (a || b ? 1 : 0) : a + b;
      }
    }
  },
};
