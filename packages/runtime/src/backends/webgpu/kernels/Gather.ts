// tfl.GATHER on WebGPU (f32/i32 params, i32/i64 indices, batchDims 0): out[o, j, i] = params[o, idx[j], i].
// Out-of-range indices read 0 instead of failing (no error channel on the GPU).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, elem, intAttr, isConst, normAxis, sizeOf } from './util';
import { movable } from './movable';

const WG = 64;

export const gather: GpuKernel = {
  op: 'tfl.GATHER',
  supports: (node) => all(() => movable(node, [0]),
    () => (intAttr(node.attrs, 'batchDims', 0) === 0 ? true : 'batchDims != 0'),
    () => (node.inputs[1]?.dtype === 'i32' || (node.inputs[1]?.dtype === 'i64' && isConst(node, 1)) ? true : 'indices must be i32 (or constant i64)')),
  run(ctx) {
    const ps = ctx.inputs[0]!.shape, is = ctx.inputs[1]!.shape;
    const axis = normAxis(intAttr(ctx.attrs, 'axis', 0), ps.length);
    const outShape = [...ps.slice(0, axis), ...is, ...ps.slice(axis + 1)];
    const out = ctx.output(0, outShape);
    const n = sizeOf(outShape);
    if (n === 0) return;
    const inner = sizeOf(ps.slice(axis + 1)), count = sizeOf(is), axisSize = ps[axis]!;
    const idx = ctx.inputs[1]!.dtype === 'i64'
      ? ctx.derived('indices', 'i32', is, () => Int32Array.from(constNumbers(ctx.constant(1))!))
      : ctx.input(1);
    const t = elem(out.dtype);
    const program: ProgramInfo = {
      key: `gather:${t}`,
      inputs: [{ name: 'P', type: t }, { name: 'I', type: 'i32' }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ['inner', 'u32'], ['count', 'u32'], ['axis', 'u32']],
      body: flatMain(WG, `
  let i = idx % u.inner;
  let j = (idx / u.inner) % u.count;
  let o = idx / (u.inner * u.count);
  let k = I[j];
  if (k < 0 || k >= i32(u.axis)) { Y[idx] = ${t}(0); return; }
  Y[idx] = P[(o * u.axis + u32(k)) * u.inner + i];`),
    };
    ctx.dispatch(program, [ctx.input(0), idx], [out], { n, inner, count, axis: axisSize }, grid(n, WG));
  },
};
