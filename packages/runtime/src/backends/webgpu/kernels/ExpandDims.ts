// tfl.EXPAND_DIMS on WebGPU: a view with a size-1 dim inserted at the constant axis.
import type { GpuKernel } from '../kernel';
import { viewKernel } from './reshape-like';
import { constNumbers, isConst } from './util';

export const expandDims: GpuKernel = viewKernel('tfl.EXPAND_DIMS', (ctx, shape) => {
  let a = constNumbers(ctx.constant(1))![0]!;
  if (a < 0) a += shape.length + 1;
  return [...shape.slice(0, a), 1, ...shape.slice(a)];
}, (node) => (isConst(node, 1) ? true : 'the axis must be a constant'));
