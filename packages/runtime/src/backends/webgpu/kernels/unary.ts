// Elementwise unary ops (activations and math): one program per op, computing in f32.
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel, GpuKernelContext } from '../kernel';
import type { Node } from '../../../ir';
import { all, allF32, sizeOf } from './util';

const WG = 64;

/**
 * `expr` is WGSL over `x` (f32); `uniforms` are f32 parameters read from attrs by `params`.
 */
export function unaryKernel(op: string, expr: string, options: {
  helpers?: string;
  params?: (ctx: GpuKernelContext) => Record<string, number>;
  uniforms?: string[];
  supports?: (node: Node) => true | string;
} = {}): GpuKernel {
  const program: ProgramInfo = {
    key: `unary:${op}`,
    inputs: [{ name: 'X', type: 'T' }],
    outputs: [{ name: 'Y', type: 'T' }],
    uniforms: [['n', 'u32'], ...(options.uniforms ?? []).map((n) => [n, 'f32'] as [string, 'f32'])],
    body: `${options.helpers ?? ''}
${flatMain(WG, `  let x = f32(X[idx]);
  Y[idx] = T(${expr});`)}`,
  };
  return {
    op,
    supports: (node) => all(() => allF32(node), () => options.supports?.(node) ?? true),
    run(ctx) {
      const shape = ctx.inputs[0]!.shape;
      const y = ctx.output(0, shape);
      const n = sizeOf(shape);
      if (n === 0) return;
      ctx.dispatch(program, [ctx.input(0)], [y], { n, ...(options.params?.(ctx) ?? {}) }, grid(n, WG));
    },
  };
}
