// tfl.RESHAPE on WebGPU: a view (new shape from the constant shape input or `newShape`, one -1 inferred).
import type { GpuKernel } from '../kernel';
import { viewKernel } from './reshape-like';
import { constNumbers, isConst } from './util';

export const reshape: GpuKernel = viewKernel('tfl.RESHAPE', (ctx, shape) => {
  const fromInput = ctx.inputs[1] ? constNumbers(ctx.constant(1)) : undefined;
  const attr = ctx.attrs['newShape'];
  const spec = fromInput ?? (Array.isArray(attr) ? (attr as number[]).map(Number) : undefined);
  const planned = ctx.node.outputs[0]!.shape;
  if (!spec) {
    if (planned && planned.every((d) => typeof d === 'number' && d >= 0)) return planned as number[];
    throw new Error('RESHAPE has no target shape');
  }
  const n = shape.reduce((p, d) => p * d, 1);
  const known = spec.reduce((p, d) => (d === -1 ? p : p * d), 1);
  return spec.map((d) => (d === -1 ? (known === 0 ? 0 : n / known) : d));
}, (node) => (!node.inputs[1] || isConst(node, 1) ? true : 'the shape input must be a constant'));
