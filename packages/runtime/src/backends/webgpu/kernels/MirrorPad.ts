// tfl.MIRROR_PAD on WebGPU (f32/i32, constant paddings; REFLECT or SYMMETRIC).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, dimUniforms, dimValues, elem, isConst, rankOk, sizeOf, stridesOf, strAttr, unravel } from './util';
import { movable } from './movable';

const WG = 64;

export const mirrorPad: GpuKernel = {
  op: 'tfl.MIRROR_PAD',
  supports: (node) => all(() => movable(node), () => rankOk(node), () => (isConst(node, 1) ? true : 'the paddings must be a constant')),
  run(ctx) {
    const shape = ctx.inputs[0]!.shape;
    const p = constNumbers(ctx.constant(1))!;
    const rank = shape.length;
    const outShape = shape.map((d, i) => d + p[2 * i]! + p[2 * i + 1]!);
    const out = ctx.output(0, outShape);
    const n = sizeOf(outShape);
    if (n === 0) return;
    const symmetric = strAttr(ctx.attrs, 'mode', 'REFLECT') === 'SYMMETRIC';
    const t = elem(out.dtype);
    const coord = Array.from({ length: rank }, (_, i) => `  var m${i} = i32(c${i}) - u.p${i};
  if (m${i} < 0) { m${i} = ${symmetric ? `-m${i} - 1` : `-m${i}`}; }
  if (m${i} >= i32(u.i${i})) { m${i} = ${symmetric ? `2 * i32(u.i${i}) - 1 - m${i}` : `2 * i32(u.i${i}) - 2 - m${i}`}; }`).join('\n');
    const program: ProgramInfo = {
      key: `mirrorpad:${rank}:${t}:${symmetric ? 'sym' : 'refl'}`,
      inputs: [{ name: 'X', type: t }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ...dimUniforms('d', rank), ...dimUniforms('i', rank), ...dimUniforms('s', rank),
        ...Array.from({ length: rank }, (_, i) => [`p${i}`, 'i32'] as [string, 'i32'])],
      body: flatMain(WG, `${unravel(rank, 'd')}
${coord}
  Y[idx] = X[${Array.from({ length: rank }, (_, i) => `u32(m${i}) * u.s${i}`).join(' + ') || '0u'}];`),
    };
    const u: Record<string, number> = { n };
    dimValues('d', outShape, u); dimValues('i', shape, u); dimValues('s', stridesOf(shape), u);
    dimValues('p', shape.map((_, i) => p[2 * i]!), u);
    ctx.dispatch(program, [ctx.input(0)], [out], u, grid(n, WG));
  },
};
