// Repeating an input over a larger output (TILE, BROADCAST_TO): output coordinate c_i reads input
// coordinate c_i mod d_i (the input right-aligned, missing leading dims of size 1).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernelContext, GpuTensor } from '../kernel';
import { dimUniforms, dimValues, elem, sizeOf, stridesOf, unravel } from './util';

const WG = 64;

export function tileInto(ctx: GpuKernelContext, x: GpuTensor, out: GpuTensor): void {
  const n = sizeOf(out.shape);
  if (n === 0) return;
  const rank = out.shape.length;
  const inShape = [...new Array<number>(rank - x.shape.length).fill(1), ...x.shape];
  const t = elem(x.dtype);
  const off = Array.from({ length: rank }, (_, i) => `(c${i} % u.i${i}) * u.s${i}`).join(' + ') || '0u';
  const program: ProgramInfo = {
    key: `tile:${rank}:${t}`,
    inputs: [{ name: 'X', type: t }],
    outputs: [{ name: 'Y', type: t }],
    uniforms: [['n', 'u32'], ...dimUniforms('d', rank), ...dimUniforms('i', rank), ...dimUniforms('s', rank)],
    body: flatMain(WG, `${unravel(rank, 'd')}
  Y[idx] = X[${off}];`),
  };
  const u: Record<string, number> = { n };
  dimValues('d', out.shape, u); dimValues('i', inShape, u); dimValues('s', stridesOf(inShape), u);
  ctx.dispatch(program, [x], [out], u, grid(n, WG));
}
