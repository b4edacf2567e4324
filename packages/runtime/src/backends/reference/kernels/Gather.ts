// tfl.GATHER: picks slices of params along `axis` by indices (with optional leading batch dims).
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, normAxis, sizeOf, supportsDtypes } from '../core-util';

export const gather: KernelConfig = {
  op: 'tfl.GATHER',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const params = ctx.inputs[0]!;
    const indicesT = ctx.inputs[1]!;
    const idx = ints(indicesT, 'indices');
    const pr = params.shape.length;
    const axis = normAxis(Number(ctx.attrs['axis'] ?? 0), pr);
    let batchDims = Number(ctx.attrs['batchDims'] ?? 0);
    if (batchDims < 0) batchDims += indicesT.shape.length;
    if (batchDims > axis) fail(ctx.node, `batchDims ${batchDims} must not exceed axis ${axis}`);
    for (let d = 0; d < batchDims; d++) if (params.shape[d] !== indicesT.shape[d]) fail(ctx.node, `batch dim ${d} differs between params and indices`);
    const shape = [...params.shape.slice(0, axis), ...indicesT.shape.slice(batchDims), ...params.shape.slice(axis + 1)];
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(params);
    const batches = sizeOf(params.shape.slice(0, batchDims));
    const outer = sizeOf(params.shape.slice(batchDims, axis));
    const dim = params.shape[axis]!;
    const inner = sizeOf(params.shape.slice(axis + 1));
    const perBatch = sizeOf(indicesT.shape.slice(batchDims));
    // One element per array slot (not packed int4 or interleaved complex): copy whole slices.
    const slices = ArrayBuffer.isView(od) && ArrayBuffer.isView(src) && od.length === sizeOf(shape) && src.length === sizeOf(params.shape);
    let o = 0;
    for (let b = 0; b < batches; b++) {
      for (let x = 0; x < outer; x++) {
        for (let k = 0; k < perBatch; k++) {
          const j = idx[b * perBatch + k]!;
          if (j < 0 || j >= dim) fail(ctx.node, `index ${j} is out of range [0, ${dim})`);
          const s = ((b * outer + x) * dim + j) * inner;
          if (slices) (od as Float32Array).set((src as Float32Array).subarray(s, s + inner), o);
          else for (let i = 0; i < inner; i++) od[o + i] = src[s + i];
          o += inner;
        }
      }
    }
  },
};
