// tfl.ADD_N: the element-wise sum of N same-shaped tensors (f32 summed in float32 order, i32 wrapping).
import { kernel, nums, supportsDtypes } from './elementwise-utils';
import { RuntimeError } from '../../../errors';

export const addN = kernel('tfl.ADD_N', {
  supports: supportsDtypes(['f32', 'i32'], true),
  run(ctx) {
    const inputs = ctx.inputs.filter((t) => t !== undefined);
    const first = inputs[0]!;
    for (const t of inputs) {
      if (t.shape.join() !== first.shape.join()) {
        throw new RuntimeError('SHAPE_MISMATCH', `tfl.ADD_N '${ctx.node.name}': inputs must have the same shape, got [${first.shape}] and [${t.shape}]`, [ctx.node.name]);
      }
    }
    const out = ctx.output(0, first.shape);
    const z = nums(out);
    z.set(nums(first));
    const isInt = first.dtype === 'i32';
    for (let k = 1; k < inputs.length; k++) {
      const x = nums(inputs[k]!);
      if (isInt) for (let i = 0; i < z.length; i++) z[i] = (z[i]! + x[i]!) | 0;
      else for (let i = 0; i < z.length; i++) z[i] = z[i]! + x[i]!;
    }
  },
});
