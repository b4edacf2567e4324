// tfl.RESHAPE: same elements, new shape (from the shape input, else the newShape attribute).
import type { KernelConfig } from '../../../kernel';
import { copyInto, fail, ints, MOVABLE_DTYPES, sizeOf, supportsDtypes } from '../core-util';

/** Resolves one -1 dim against `count` elements. */
export function resolveShape(node: Parameters<typeof fail>[0], shape: number[], count: number): number[] {
  const unknown = shape.indexOf(-1);
  if (unknown >= 0) {
    const rest = shape.reduce((a, d, i) => (i === unknown ? a : a * d), 1);
    if (rest === 0 || count % rest !== 0) fail(node, `cannot reshape ${count} elements to [${shape.join(', ')}]`);
    shape = shape.slice();
    shape[unknown] = count / rest;
  }
  if (sizeOf(shape) !== count) fail(node, `cannot reshape ${count} elements to [${shape.join(', ')}]`);
  return shape;
}

export const reshape: KernelConfig = {
  op: 'tfl.RESHAPE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const [input, shapeT] = ctx.inputs;
    const attr = ctx.attrs['newShape'] as number[] | undefined;
    let shape: number[];
    if (shapeT && shapeT.shape.length === 1) shape = ints(shapeT, 'shape');
    else if (attr && attr.length) shape = [...attr];
    else if (shapeT) shape = ints(shapeT, 'shape');
    else shape = (ctx.node.outputs[0]!.shape ?? []).map((d) => (typeof d === 'number' ? d : -1));
    const out = ctx.output(0, resolveShape(ctx.node, shape, input!.data.length / (input!.dtype.startsWith('complex') ? 2 : 1)));
    copyInto(out, input!);
  },
};
