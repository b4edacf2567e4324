// tfl.GATHER_ND: indices[..., k] address the first k dims of params; the rest are copied.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, sizeOf, stridesOf, supportsDtypes } from '../core-util';

export const gatherNd: KernelConfig = {
  op: 'tfl.GATHER_ND',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const params = ctx.inputs[0]!;
    const indicesT = ctx.inputs[1]!;
    const idx = ints(indicesT, 'indices');
    const k = indicesT.shape[indicesT.shape.length - 1] ?? 0;
    if (k > params.shape.length) fail(ctx.node, `index depth ${k} exceeds params rank ${params.shape.length}`);
    const shape = [...indicesT.shape.slice(0, -1), ...params.shape.slice(k)];
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(params);
    const ps = stridesOf(params.shape);
    const inner = sizeOf(params.shape.slice(k));
    const n = sizeOf(indicesT.shape.slice(0, -1));
    for (let i = 0; i < n; i++) {
      let off = 0;
      for (let d = 0; d < k; d++) {
        const j = idx[i * k + d]!;
        if (j < 0 || j >= params.shape[d]!) fail(ctx.node, `index ${j} is out of range for dim ${d} of size ${params.shape[d]}`);
        off += j * ps[d]!;
      }
      for (let t = 0; t < inner; t++) od[i * inner + t] = src[off + t];
    }
  },
};
