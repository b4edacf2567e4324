// One program for the index-mapping data movement ops (TRANSPOSE, PAD, SLICE, STRIDED_SLICE):
// output coordinate c_i reads input offset sum_i (begin_i + c_i·step_i)·stride_i, or the pad value
// when a coordinate falls outside the input. Keyed by rank, element type and whether it pads.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernelContext, GpuTensor } from '../kernel';
import { dimUniforms, dimValues, elem, sizeOf, unravel } from './util';

const WG = 64;

export interface AffineMap {
  /** Per output dim: input begin, step, element stride of the input and input size (for padding checks). */
  begin: number[]; step: number[]; stride: number[]; size: number[];
  pad?: number;
}

/** `dims`: the output's shape as the map sees it (default out.shape; same element count). */
export function affineCopy(ctx: GpuKernelContext, x: GpuTensor, out: GpuTensor, m: AffineMap, dims: readonly number[] = out.shape): void {
  const n = sizeOf(dims);
  if (n === 0) return;
  const rank = dims.length;
  const t = elem(x.dtype);
  const pads = m.pad !== undefined;
  const coord = (i: number) => `(i32(c${i}) * u.step${i} + u.begin${i})`;
  const inside = Array.from({ length: rank }, (_, i) => `${coord(i)} >= 0 && ${coord(i)} < i32(u.size${i})`).join(' && ') || 'true';
  const off = Array.from({ length: rank }, (_, i) => `u32(${coord(i)}) * u.st${i}`).join(' + ') || '0u';
  const program: ProgramInfo = {
    key: `affine:${rank}:${t}:${pads ? 'pad' : ''}`,
    inputs: [{ name: 'X', type: t }],
    outputs: [{ name: 'Y', type: t }],
    uniforms: [['n', 'u32'], ['padv', 'f32'], ...dimUniforms('d', rank),
      ...Array.from({ length: rank }, (_, i) => [[`begin${i}`, 'i32'], [`step${i}`, 'i32']] as [string, 'i32'][]).flat(),
      ...dimUniforms('st', rank), ...dimUniforms('size', rank)],
    body: flatMain(WG, `${unravel(rank, 'd')}
${pads ? `  if (!(${inside})) { Y[idx] = ${t}(u.padv); return; }` : ''}
  Y[idx] = X[${off}];`),
  };
  const u: Record<string, number> = { n, padv: m.pad ?? 0 };
  dimValues('d', dims, u);
  dimValues('begin', m.begin, u);
  dimValues('step', m.step, u);
  dimValues('st', m.stride, u);
  dimValues('size', m.size, u);
  ctx.dispatch(program, [x], [out], u, grid(n, WG));
}
