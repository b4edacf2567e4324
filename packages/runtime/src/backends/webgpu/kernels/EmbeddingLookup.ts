// tfl.EMBEDDING_LOOKUP on WebGPU (f32/i32 table, i32 or constant i64 ids): out[r, i] = table[ids[r], i]
// over the ids flattened. Hybrid models (int8/uint8 table, float output) stay on the CPU.
// Out-of-range ids read 0 (no error channel on the GPU).
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, elem, isConst, sizeOf } from './util';
import { movable } from './movable';

const WG = 64;

export const embeddingLookup: GpuKernel = {
  op: 'tfl.EMBEDDING_LOOKUP',
  supports: (node) => all(() => movable(node, [1]),
    () => (node.inputs[0]?.dtype === 'i32' || (node.inputs[0]?.dtype === 'i64' && isConst(node, 0)) ? true : 'ids must be i32 (or constant i64)'),
    () => (node.outputs[0]?.dtype === node.inputs[1]?.dtype ? true : 'the table and output dtypes differ (hybrid lookup)')),
  run(ctx) {
    const ids = ctx.inputs[0]!.shape, ts = ctx.inputs[1]!.shape;
    const count = sizeOf(ids), rows = ts[0]!, inner = sizeOf(ts.slice(1));
    const out = ctx.output(0, [count, ...ts.slice(1)]);
    const n = count * inner;
    if (n === 0) return;
    const idx = ctx.inputs[0]!.dtype === 'i64'
      ? ctx.derived('ids', 'i32', ids, () => Int32Array.from(constNumbers(ctx.constant(0))!))
      : ctx.input(0);
    const t = elem(out.dtype);
    const program: ProgramInfo = {
      key: `embedding:${t}`,
      inputs: [{ name: 'I', type: 'i32' }, { name: 'W', type: t }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ['inner', 'u32'], ['rows', 'u32']],
      body: flatMain(WG, `
  let k = I[idx / u.inner];
  if (k < 0 || k >= i32(u.rows)) { Y[idx] = ${t}(0); return; }
  Y[idx] = W[u32(k) * u.inner + idx % u.inner];`),
    };
    ctx.dispatch(program, [idx, ctx.input(1)], [out], { n, inner, rows }, grid(n, WG));
  },
};
