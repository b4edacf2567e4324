// tfl.SQUEEZE on WebGPU: a view without the listed (or all) size-1 dims.
import type { GpuKernel } from '../kernel';
import { viewKernel } from './reshape-like';
import { normAxis } from './util';

export const squeeze: GpuKernel = viewKernel('tfl.SQUEEZE', (ctx, shape) => {
  const dims = Array.isArray(ctx.attrs['squeezeDims']) ? (ctx.attrs['squeezeDims'] as number[]).map((a) => normAxis(Number(a), shape.length)) : [];
  return shape.filter((d, i) => (dims.length ? !dims.includes(i) : d !== 1));
});
