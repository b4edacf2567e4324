// tfl.SELECT on WebGPU (bool condition; f32/i32/bool values): x and y have the same shape and the
// condition matches it, is a vector over x's first dimension (whole rows) or is a scalar. The
// condition element of output `idx` is idx / cdiv (cdiv: 1, the row size, or the element count).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, elem, sizeOf } from './util';
import { movable } from './movable';

const WG = 64;

export const select: GpuKernel = {
  op: 'tfl.SELECT',
  supports: (node) => all(() => movable(node, [1, 2]),
    () => (node.inputs[0]?.dtype === 'bool' ? true : 'the condition must be bool')),
  run(ctx) {
    const [sc, sx, sy] = [0, 1, 2].map((i) => ctx.inputs[i]!.shape) as [number[], number[], number[]];
    if (sx.join() !== sy.join()) throw new Error(`tfl.SELECT: x [${sx}] and y [${sy}] must have the same shape`);
    const rowwise = sc.length === 1 && sx.length > 1 && sc[0] === sx[0];
    if (!rowwise && sc.length > 0 && sc.join() !== sx.join()) throw new Error(`tfl.SELECT: condition [${sc}] must match x [${sx}] or its first dimension`);
    const y = ctx.output(0, sx);
    const n = sizeOf(sx);
    if (n === 0) return;
    const cdiv = sc.length === 0 ? n : rowwise ? n / sx[0]! : 1;
    const t = elem(y.dtype);
    const program: ProgramInfo = {
      key: `select1:${t}`,
      inputs: [{ name: 'C', type: 'u32' }, { name: 'X', type: t }, { name: 'Z', type: t }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ['cdiv', 'u32']],
      body: flatMain(WG, '  Y[idx] = select(Z[idx], X[idx], C[idx / u.cdiv] != 0u);'),
    };
    ctx.dispatch(program, [ctx.input(0), ctx.input(1), ctx.input(2)], [y], { n, cdiv }, grid(n, WG));
  },
};
