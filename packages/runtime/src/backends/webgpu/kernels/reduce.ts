// Reductions over constant axes (MEAN, SUM, REDUCE_MAX/MIN/PROD): one invocation per output
// element loops over the reduced elements. The program is keyed by kind, rank and axis mask.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, allF32, boolAttr, constNumbers, dimUniforms, dimValues, isConst, normAxis, rankOk, sizeOf, stridesOf } from './util';

const WG = 64;
type Kind = 'sum' | 'mean' | 'max' | 'min' | 'prod';

export function reduceKernel(op: string, kind: Kind): GpuKernel {
  return {
    op,
    supports: (node) => all(
      () => allF32(node, [0]),
      () => rankOk(node),
      () => (isConst(node, 1) ? true : 'the axes must be a constant'),
    ),
    run(ctx) {
      const shape = ctx.inputs[0]!.shape;
      const rank = shape.length;
      const axes = new Set((constNumbers(ctx.constant(1)) ?? []).map((a) => normAxis(a, rank)));
      const keep = boolAttr(ctx.attrs, 'keepDims', false);
      const outShape: number[] = [];
      shape.forEach((d, i) => { if (!axes.has(i)) outShape.push(d); else if (keep) outShape.push(1); });
      const out = ctx.output(0, outShape);
      const n = sizeOf(outShape);
      if (n === 0) return;
      const kept = shape.map((_, i) => i).filter((i) => !axes.has(i));
      const red = shape.map((_, i) => i).filter((i) => axes.has(i));
      const count = red.reduce((p, i) => p * shape[i]!, 1);
      const st = stridesOf(shape);
      const init = { sum: '0.0', mean: '0.0', max: '-3.402823e38', min: '3.402823e38', prod: '1.0' }[kind];
      const step = { sum: 'acc = acc + x;', mean: 'acc = acc + x;', max: 'acc = max(acc, x);', min: 'acc = min(acc, x);', prod: 'acc = acc * x;' }[kind];
      const unr = (dims: number[], v: string, p: string) => dims.map((d, j) => `  let ${p}${j} = (${v} / u.${p}div${j}) % u.${p}dim${j};`).join('\n');
      const off = (dims: number[], p: string) => dims.map((_, j) => `${p}${j} * u.${p}st${j}`).join(' + ') || '0u';
      const divs = (dims: number[]) => dims.map((_, j) => dims.slice(j + 1).reduce((p, i) => p * shape[i]!, 1));
      const program: ProgramInfo = {
        key: `reduce:${kind}:${kept.length}:${red.length}`,
        inputs: [{ name: 'X', type: 'T' }],
        outputs: [{ name: 'Y', type: 'T' }],
        uniforms: [['n', 'u32'], ['count', 'u32'],
          ...dimUniforms('kdiv', kept.length), ...dimUniforms('kdim', kept.length), ...dimUniforms('kst', kept.length),
          ...dimUniforms('rdiv', red.length), ...dimUniforms('rdim', red.length), ...dimUniforms('rst', red.length)],
        body: flatMain(WG, `${unr(kept, 'idx', 'k')}
  let base = ${off(kept, 'k')};
  var acc = ${init};
  for (var r = 0u; r < u.count; r = r + 1u) {
${unr(red, 'r', 'r')}
    let x = f32(X[base + ${off(red, 'r')}]);
    ${step}
  }
  Y[idx] = T(${kind === 'mean' ? 'acc / f32(max(u.count, 1u))' : 'acc'});`),
      };
      const u: Record<string, number> = { n, count };
      dimValues('kdiv', divs(kept), u); dimValues('kdim', kept.map((i) => shape[i]!), u); dimValues('kst', kept.map((i) => st[i]!), u);
      dimValues('rdiv', divs(red), u); dimValues('rdim', red.map((i) => shape[i]!), u); dimValues('rst', red.map((i) => st[i]!), u);
      ctx.dispatch(program, [ctx.input(0)], [out], u, grid(n, WG));
    },
  };
}
