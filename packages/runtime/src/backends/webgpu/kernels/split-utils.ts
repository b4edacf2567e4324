// Slicing one input into consecutive pieces along an axis (SPLIT, SPLIT_V, UNPACK).
import type { GpuKernelContext, GpuTensor } from '../kernel';
import { affineCopy } from './affine';
import { stridesOf } from './util';

/** Writes output i = x[..., offset_i : offset_i + sizes[i], ...] along `axis` (shaped by `outShape`). */
export function splitInto(ctx: GpuKernelContext, x: GpuTensor, axis: number, sizes: number[], outShape: (i: number, block: number[]) => number[]): void {
  const shape = x.shape;
  const st = stridesOf(shape);
  let at = 0;
  sizes.forEach((len, i) => {
    const block = shape.map((d, j) => (j === axis ? len : d));
    const out = ctx.output(i, outShape(i, block));
    affineCopy(ctx, x, out, { begin: shape.map((_, j) => (j === axis ? at : 0)), step: shape.map(() => 1), stride: st, size: [...shape] }, block);
    at += len;
  });
}
