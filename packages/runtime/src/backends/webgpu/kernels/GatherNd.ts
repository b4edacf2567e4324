// tfl.GATHER_ND on WebGPU (f32/i32/bool params, i32 or constant i64 indices): each row of the
// indices' last dim (depth k) addresses the first k dims of params; the remaining dims are copied.
// out[r, i] = params[idx[r, 0], …, idx[r, k-1], i]. Out-of-range indices read 0 (no error channel).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, dimUniforms, dimValues, elem, isConst, rankOk, sizeOf, stridesOf } from './util';
import { movable } from './movable';

const WG = 64;

export const gatherNd: GpuKernel = {
  op: 'tfl.GATHER_ND',
  supports: (node) => all(() => movable(node, [0]), () => rankOk(node),
    () => (node.inputs[1]?.dtype === 'i32' || (node.inputs[1]?.dtype === 'i64' && isConst(node, 1)) ? true : 'indices must be i32 (or constant i64)')),
  run(ctx) {
    const ps = ctx.inputs[0]!.shape, is = ctx.inputs[1]!.shape;
    const k = is[is.length - 1] ?? 0;
    if (k > ps.length) throw new Error(`tfl.GATHER_ND: index depth ${k} exceeds params rank ${ps.length}`);
    const outShape = [...is.slice(0, -1), ...ps.slice(k)];
    const out = ctx.output(0, outShape);
    const n = sizeOf(outShape);
    if (n === 0) return;
    const idx = ctx.inputs[1]!.dtype === 'i64'
      ? ctx.derived('indices', 'i32', is, () => Int32Array.from(constNumbers(ctx.constant(1))!))
      : ctx.input(1);
    const t = elem(out.dtype);
    const offset = Array.from({ length: k }, (_, d) => `
  let j${d} = I[r * ${k}u + ${d}u];
  if (j${d} < 0 || j${d} >= i32(u.pd${d})) { Y[idx] = ${t}(0); return; }
  off += u32(j${d}) * u.ps${d};`).join('') || '\n  _ = arrayLength(&I); // depth 0: every binding must be used';
    const program: ProgramInfo = {
      key: `gathernd:${k}:${t}`,
      inputs: [{ name: 'P', type: t }, { name: 'I', type: 'i32' }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ['inner', 'u32'], ...dimUniforms('pd', k), ...dimUniforms('ps', k)],
      body: flatMain(WG, `
  let r = idx / u.inner;
  var off = idx % u.inner;${offset}
  Y[idx] = P[off];`),
    };
    const u: Record<string, number> = { n, inner: sizeOf(ps.slice(k)) };
    dimValues('pd', ps.slice(0, k), u);
    dimValues('ps', stridesOf(ps).slice(0, k), u);
    ctx.dispatch(program, [ctx.input(0), idx], [out], u, grid(n, WG));
  },
};
