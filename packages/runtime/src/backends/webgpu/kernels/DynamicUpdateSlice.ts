// tfl.DYNAMIC_UPDATE_SLICE on WebGPU (f32/i32/bool, i32 or constant i64 start indices): the operand
// with `update` written at the start indices, clamped so the update fits (as in XLA). The start
// indices are read on the GPU, so they may be computed tensors; one pass over the output.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, dimUniforms, dimValues, elem, isConst, rankOk, sizeOf, stridesOf, unravel } from './util';
import { movable } from './movable';

const WG = 64;

export const dynamicUpdateSlice: GpuKernel = {
  op: 'tfl.DYNAMIC_UPDATE_SLICE',
  supports: (node) => all(() => movable(node, [0, 1]), () => rankOk(node),
    () => (node.inputs[2]?.dtype === 'i32' || (node.inputs[2]?.dtype === 'i64' && isConst(node, 2)) ? true : 'start indices must be i32 (or constant i64)')),
  run(ctx) {
    const os = ctx.inputs[0]!.shape, us = ctx.inputs[1]!.shape, ss = ctx.inputs[2]!.shape;
    const rank = os.length;
    if (us.length !== rank || sizeOf(ss) !== rank || us.some((d, i) => d > os[i]!)) {
      throw new Error(`tfl.DYNAMIC_UPDATE_SLICE: update [${us}] and start indices [${ss}] do not fit operand [${os}]`);
    }
    const out = ctx.output(0, os);
    const n = sizeOf(os);
    if (n === 0) return;
    const start = ctx.inputs[2]!.dtype === 'i64'
      ? ctx.derived('start', 'i32', [rank], () => Int32Array.from(constNumbers(ctx.constant(2))!))
      : ctx.input(2);
    const t = elem(out.dtype);
    const dims = Array.from({ length: rank }, (_, i) => i);
    const program: ProgramInfo = {
      key: `dus:${rank}:${t}`,
      inputs: [{ name: 'X', type: t }, { name: 'U', type: t }, { name: 'S', type: 'i32' }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ...dimUniforms('d', rank), ...dimUniforms('ud', rank), ...dimUniforms('us', rank)],
      body: flatMain(WG, `${unravel(rank, 'd')}
${dims.map((i) => `  let b${i} = u32(clamp(S[${i}], 0, i32(u.d${i} - u.ud${i})));`).join('\n') || '  _ = arrayLength(&S); // scalars: every binding must be used'}
  if (${dims.map((i) => `c${i} >= b${i} && c${i} < b${i} + u.ud${i}`).join(' && ') || 'true'}) {
    Y[idx] = U[${dims.map((i) => `(c${i} - b${i}) * u.us${i}`).join(' + ') || '0u'}];
  } else {
    Y[idx] = X[idx];
  }`),
    };
    const u: Record<string, number> = { n };
    dimValues('d', os, u);
    dimValues('ud', us, u);
    dimValues('us', stridesOf(us), u);
    ctx.dispatch(program, [ctx.input(0), ctx.input(1), start], [out], u, grid(n, WG));
  },
};
