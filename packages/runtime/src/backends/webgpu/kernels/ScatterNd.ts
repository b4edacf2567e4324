// tfl.SCATTER_ND on WebGPU (f32/i32 updates, i32 or constant i64 indices, constant shape): zeros
// of `shape` with each update row added at its index (duplicates sum). WGSL has no float atomics,
// so each output element scans every index row and sums the matching updates in row order (the
// reference's order, so f32 sums agree exactly). Out-of-range rows are skipped (no error channel).
// That scan costs rows × output elements: larger scatters stay on the CPU.
import type { Node } from '../../../ir';
import { flatMain, grid, type ProgramInfo } from '../program';
import type { GpuKernel } from '../kernel';
import { all, constNumbers, dimUniforms, dimValues, elem, isConst, rankOk, sizeOf, stridesOf } from './util';

const WG = 64;
/** Most index rows × output elements scanned on the GPU. */
const MAX_SCAN = 1 << 26;

/** Declines scatters whose static shapes (when known) make the per-element scan too long. */
function scanSize(node: Node): true | string {
  const is = node.inputs[0]?.shape, os = node.outputs[0]?.shape;
  const known = (s: readonly unknown[] | undefined): s is number[] => !!s && s.every((d) => typeof d === 'number' && d >= 0);
  if (!known(is) || !known(os)) return true;
  const scan = sizeOf(is.slice(0, -1)) * sizeOf(os);
  return scan <= MAX_SCAN ? true : `${scan} row × element scans (more than ${MAX_SCAN}): the CPU scatters faster`;
}

export const scatterNd: GpuKernel = {
  op: 'tfl.SCATTER_ND',
  supports: (node) => all(() => rankOk(node),
    () => (node.inputs[1]?.dtype === 'f32' || node.inputs[1]?.dtype === 'i32' ? true : `updates are ${node.inputs[1]?.dtype} (WebGPU scatters f32 or i32)`),
    () => (node.inputs.some((v) => v?.quant?.scale.length && v.dtype !== 'f32') ? 'quantized tensors are not supported on WebGPU' : true),
    () => (node.inputs[0]?.dtype === 'i32' || (node.inputs[0]?.dtype === 'i64' && isConst(node, 0)) ? true : 'indices must be i32 (or constant i64)'),
    () => (isConst(node, 2) ? true : 'the shape must be a constant'),
    () => scanSize(node)),
  run(ctx) {
    const is = ctx.inputs[0]!.shape;
    const shape = constNumbers(ctx.constant(2))!;
    const k = is[is.length - 1] ?? 0;
    if (k > shape.length) throw new Error(`tfl.SCATTER_ND: index depth ${k} exceeds rank ${shape.length}`);
    const rows = sizeOf(is.slice(0, -1)), inner = sizeOf(shape.slice(k));
    if (sizeOf(ctx.inputs[1]!.shape) !== rows * inner) throw new Error(`tfl.SCATTER_ND: updates [${ctx.inputs[1]!.shape}] do not hold ${rows} × ${inner} values`);
    const out = ctx.output(0, shape, ctx.inputs[1]!.dtype);
    const n = sizeOf(shape);
    if (n === 0) return;
    const t = elem(out.dtype);
    const acc = t === 'T' ? 'f32' : 'i32';
    const idx = ctx.inputs[0]!.dtype === 'i64'
      ? ctx.derived('indices', 'i32', is, () => Int32Array.from(constNumbers(ctx.constant(0))!))
      : ctx.input(0);
    // Row i lands on slab `o` when its indices, checked against the first k dims, flatten to o.
    const offset = Array.from({ length: k }, (_, d) => `
    let j${d} = I[i * ${k}u + ${d}u];
    ok = ok && j${d} >= 0 && j${d} < i32(u.sd${d});
    off += u32(j${d}) * u.ss${d};`).join('') || '\n    _ = arrayLength(&I); // depth 0: every binding must be used';
    const program: ProgramInfo = {
      key: `scatternd:${k}:${t}`,
      inputs: [{ name: 'I', type: 'i32' }, { name: 'U', type: t }],
      outputs: [{ name: 'Y', type: t }],
      uniforms: [['n', 'u32'], ['inner', 'u32'], ['rows', 'u32'], ...dimUniforms('sd', k), ...dimUniforms('ss', k)],
      body: flatMain(WG, `
  let o = idx / u.inner;
  let e = idx % u.inner;
  var sum = ${acc}(0);
  for (var i = 0u; i < u.rows; i++) {
    var ok = true;
    var off = 0u;${offset}
    if (ok && off == o) { sum += ${acc}(U[i * u.inner + e]); }
  }
  Y[idx] = ${t}(sum);`),
    };
    const u: Record<string, number> = { n, inner, rows };
    dimValues('sd', shape.slice(0, k), u);
    dimValues('ss', stridesOf(shape.slice(0, k)), u);
    ctx.dispatch(program, [idx, ctx.input(1)], [out], u, grid(n, WG));
  },
};
