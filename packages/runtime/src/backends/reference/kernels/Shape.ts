// tfl.SHAPE: the input's shape as an int32 or int64 vector (the output's dtype).
import type { KernelConfig } from '../../../kernel';
import { setNumber } from '../../../dtypes';

export const shape: KernelConfig = {
  op: 'tfl.SHAPE',
  backend: 'reference',
  supports: (node) => (['i32', 'i64'].includes(node.outputs[0]!.dtype) ? true : `output dtype ${node.outputs[0]!.dtype} (must be i32 or i64)`),
  run(ctx) {
    const s = ctx.inputs[0]!.shape;
    const out = ctx.output(0, [s.length]);
    s.forEach((d, i) => setNumber(out.data as Int32Array, i, d));
  },
};
