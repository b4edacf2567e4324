// tfl.SELECT: cond ? x : y where x and y have the same shape and cond either matches it or is a
// vector over x's first dimension (selecting whole rows), or a scalar.
import { RuntimeError } from '../../../errors';
import { kernel } from './elementwise-utils';
import { selectBroadcast } from './select-utils';

export const select = kernel('tfl.SELECT', {
  supports: (node) => (node.inputs[0]?.dtype === 'bool' ? true : `condition must be bool, got ${node.inputs[0]?.dtype}`),
  run(ctx) {
    const c = ctx.inputs[0]!, x = ctx.inputs[1]!, y = ctx.inputs[2]!;
    if (x.shape.join() !== y.shape.join()) {
      throw new RuntimeError('SHAPE_MISMATCH', `tfl.SELECT '${ctx.node.name}': x [${x.shape}] and y [${y.shape}] must have the same shape`, [ctx.node.name]);
    }
    const rowwise = c.shape.length === 1 && x.shape.length > 1 && c.shape[0] === x.shape[0];
    const condShape = rowwise ? [c.shape[0]!, ...x.shape.slice(1).map(() => 1)] : c.shape;
    if (!rowwise && c.shape.length > 0 && c.shape.join() !== x.shape.join()) {
      throw new RuntimeError('SHAPE_MISMATCH', `tfl.SELECT '${ctx.node.name}': condition [${c.shape}] must match x [${x.shape}] or its first dimension`, [ctx.node.name]);
    }
    selectBroadcast(ctx, condShape);
  },
});
