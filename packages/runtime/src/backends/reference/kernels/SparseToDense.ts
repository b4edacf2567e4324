// tfl.SPARSE_TO_DENSE: a dense tensor of output_shape holding `values` at `indices` and
// default_value elsewhere (a scalar value is used for every index).
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, stridesOf } from '../core-util';

export const sparseToDense: KernelConfig = {
  op: 'tfl.SPARSE_TO_DENSE',
  backend: 'reference',
  run(ctx) {
    const [indicesT, shapeT, valuesT, defT] = ctx.inputs;
    const shape = ints(shapeT, 'output_shape');
    const idx = ints(indicesT, 'indices');
    const rank = shape.length;
    const n = indicesT!.shape.length === 0 ? 1 : indicesT!.shape[0]!;
    const depth = indicesT!.shape.length < 2 ? (rank === 1 ? 1 : indicesT!.shape.length === 0 ? 1 : rank) : indicesT!.shape[1]!;
    const out = ctx.output(0, shape, valuesT!.dtype);
    const od = dataOf(out), vd = dataOf(valuesT!);
    const def = defT!.data[0];
    for (let i = 0; i < od.length; i++) od[i] = def;
    const os = stridesOf(shape);
    for (let i = 0; i < n; i++) {
      let off = 0;
      for (let d = 0; d < depth; d++) {
        const j = idx[i * depth + d]!;
        if (j < 0 || j >= shape[d]!) fail(ctx.node, `index ${j} is out of range for dim ${d} of size ${shape[d]}`);
        off += j * os[d]!;
      }
      od[off] = vd[vd.length === 1 ? 0 : i];
    }
  },
};
