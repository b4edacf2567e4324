// tfl.CONCATENATION on WebGPU (f32/i32, any axis, fused activation for f32): one copy dispatch per
// input into its slab of the output.
import { activationWgsl, flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel, GpuKernelContext, GpuTensor } from '../kernel';
import { activationOf, activationOk, all, elem, intAttr, normAxis, sizeOf } from './util';
import { movable } from './movable';

const WG = 64;

export const concatenation: GpuKernel = {
  op: 'tfl.CONCATENATION',
  supports: (node) => all(() => movable(node, node.inputs.map((_, i) => i)), () => activationOk(node.attrs)),
  run(ctx) {
    const shapes = ctx.inputs.map((t) => t!.shape);
    const rank = shapes[0]!.length;
    const axis = normAxis(intAttr(ctx.attrs, 'axis', 0), rank);
    const outShape = [...shapes[0]!];
    outShape[axis] = shapes.reduce((p, s) => p + s[axis]!, 0);
    const out = ctx.output(0, outShape);
    const inner = sizeOf(outShape.slice(axis + 1));
    const act = activationOf(ctx.attrs);
    copySlabs(ctx, shapes.map((s, i) => ({ t: ctx.input(i), along: s[axis]! })), out, outShape[axis]!, inner, act);
  },
};

/**
 * Copies each part ([outer, along, inner] elements) into consecutive slabs of `out`
 * ([outer, total, inner]); CONCATENATION and PACK.
 */
export function copySlabs(ctx: GpuKernelContext, parts: { t: GpuTensor; along: number }[], out: GpuTensor, total: number, inner: number, act = 'NONE'): void {
  const t = elem(out.dtype);
  const a = t === 'T' ? act : 'NONE';
  const program: ProgramInfo = {
    key: `concat:${t}:${a}`,
    inputs: [{ name: 'X', type: t }],
    outputs: [{ name: 'Y', type: t }],
    uniforms: [['n', 'u32'], ['slab', 'u32'], ['outSlab', 'u32'], ['offset', 'u32']],
    body: flatMain(WG, `
  let o = idx / u.slab;
  let r = idx % u.slab;
  ${t === 'T' ? `let v = f32(X[idx]);\n  Y[o * u.outSlab + u.offset + r] = T(${activationWgsl(a)});` : 'Y[o * u.outSlab + u.offset + r] = X[idx];'}`),
  };
  let at = 0;
  for (const p of parts) {
    const n = sizeOf(p.t.shape);
    if (n > 0) ctx.dispatch(program, [p.t], [out], { n, slab: p.along * inner, outSlab: total * inner, offset: at * inner }, grid(n, WG));
    at += p.along;
  }
}
