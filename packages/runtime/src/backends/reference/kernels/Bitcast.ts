// tfl.BITCAST: reinterprets the bytes of a tensor as another dtype. Equal element sizes keep the
// shape; a wider input gains a trailing dimension (in/out size ratio), a narrower one loses its
// last dimension, which must equal the ratio.
import { RuntimeError } from '../../../errors';
import { elementBytes } from '../../../dtypes';
import type { TypedArray } from '../../../kernel';
import { kernel } from './elementwise-utils';

export const bitcast = kernel('tfl.BITCAST', {
  supports: (node) => (node.inputs[0]?.dtype !== 'string' && node.outputs[0]?.dtype !== 'string' ? true : 'strings cannot be bitcast'),
  run(ctx) {
    const a = ctx.inputs[0]!;
    const outDtype = ctx.node.outputs[0]!.dtype;
    const inSize = elementBytes(a.dtype), outSize = elementBytes(outDtype);
    let shape = a.shape;
    if (inSize > outSize) shape = [...a.shape, inSize / outSize];
    else if (inSize < outSize) {
      if (a.shape[a.shape.length - 1] !== outSize / inSize) {
        throw new RuntimeError('SHAPE_MISMATCH', `tfl.BITCAST '${ctx.node.name}': the last dimension of [${a.shape}] must be ${outSize / inSize} to bitcast ${a.dtype} to ${outDtype}`, [ctx.node.name]);
      }
      shape = a.shape.slice(0, -1);
    }
    const out = ctx.output(0, shape);
    const src = a.data as TypedArray, dst = out.data as TypedArray;
    new Uint8Array(dst.buffer, dst.byteOffset, dst.byteLength).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
  },
});
