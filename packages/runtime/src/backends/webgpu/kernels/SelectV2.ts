// tfl.SELECT_V2 on WebGPU (bool condition; f32/i32 values; three-way numpy broadcasting).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, broadcastShapes, broadcastStrides, dimUniforms, dimValues, elem, rankOk, sizeOf, unravel } from './util';
import { movable } from './movable';

const WG = 64;

export const selectV2: GpuKernel = {
  op: 'tfl.SELECT_V2',
  supports: (node) => all(() => rankOk(node), () => movable(node, [1, 2]),
    () => (node.inputs[0]?.dtype === 'bool' ? true : 'the condition must be bool')),
  run(ctx) {
    const [sc, sx, sy] = [0, 1, 2].map((i) => ctx.inputs[i]!.shape) as [number[], number[], number[]];
    const out = broadcastShapes(broadcastShapes(sc, sx) ?? [-1], sy);
    if (!out || out.includes(-1)) throw new Error(`shapes [${sc}], [${sx}], [${sy}] do not broadcast`);
    const y = ctx.output(0, out);
    const n = sizeOf(out);
    if (n === 0) return;
    const rank = out.length;
    const t = elem(y.dtype);
    const term = (p: string) => Array.from({ length: rank }, (_, i) => `c${i} * u.${p}${i}`).join(' + ') || '0u';
    const program: ProgramInfo = {
      key: `select:${rank}:${t}`,
      inputs: [{ name: 'C', type: 'u32' }, { name: 'X', type: t }, { name: 'Z', type: t }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ...dimUniforms('d', rank), ...dimUniforms('cs', rank), ...dimUniforms('xs', rank), ...dimUniforms('zs', rank)],
      body: flatMain(WG, `${unravel(rank, 'd')}
  Y[idx] = select(Z[${term('zs')}], X[${term('xs')}], C[${term('cs')}] != 0u);`),
    };
    const u: Record<string, number> = { n };
    dimValues('d', out, u);
    dimValues('cs', broadcastStrides(sc, out), u);
    dimValues('xs', broadcastStrides(sx, out), u);
    dimValues('zs', broadcastStrides(sy, out), u);
    ctx.dispatch(program, [ctx.input(0), ctx.input(1), ctx.input(2)], [y], u, grid(n, WG));
  },
};
