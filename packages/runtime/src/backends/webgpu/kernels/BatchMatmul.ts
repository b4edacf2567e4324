// tfl.BATCH_MATMUL on WebGPU (f32): broadcast batch dims (up to 4), adjX/adjY as strides.
import type { GpuKernel } from '../kernel';
import { matmul } from './matmul';
import { all, allF32, boolAttr, broadcastShapes, rankOk, stridesOf } from './util';

export const batchMatmul: GpuKernel = {
  op: 'tfl.BATCH_MATMUL',
  supports: (node) => all(() => allF32(node, [0, 1]), () => rankOk(node, 6)),
  run(ctx) {
    const xs = ctx.inputs[0]!.shape, ys = ctx.inputs[1]!.shape;
    if (xs.length < 2 || ys.length < 2) throw new Error('BATCH_MATMUL needs inputs of rank >= 2');
    const adjX = boolAttr(ctx.attrs, 'adjX', false), adjY = boolAttr(ctx.attrs, 'adjY', false);
    const [xr, xc] = xs.slice(-2) as [number, number];
    const [yr, yc] = ys.slice(-2) as [number, number];
    const M = adjX ? xc : xr, K = adjX ? xr : xc;
    const K2 = adjY ? yc : yr, N = adjY ? yr : yc;
    if (K !== K2) throw new Error(`BATCH_MATMUL inner dims differ: ${K} vs ${K2}`);
    const xb = xs.slice(0, -2), yb = ys.slice(0, -2);
    const batch = broadcastShapes(xb, yb);
    if (!batch) throw new Error(`batch dims [${xb}] and [${yb}] do not broadcast`);
    const R = batch.length;
    const bstr = (b: number[], mat: number) => {
      const st = stridesOf(b).map((s) => s * mat);
      return batch.map((_, i) => { const j = i - (R - b.length); return j < 0 || b[j] === 1 ? 0 : st[j]!; });
    };
    const out = ctx.output(0, [...batch, M, N]);
    const bt = R > 4 ? [batch.slice(0, R - 3).reduce((p, d) => p * d, 1), ...batch.slice(R - 3)] : batch;
    if (R > 4 && (xb.length !== R || yb.length !== R || xb.slice(0, R - 3).some((d, i) => d !== batch[i]) || yb.slice(0, R - 3).some((d, i) => d !== batch[i]))) {
      throw new Error('BATCH_MATMUL: more than 4 batch dims must not broadcast in the leading ones');
    }
    const sa = bstr(xb, xr * xc), sb = bstr(yb, yr * yc);
    const fold = (s: number[]) => (R > 4 ? [s[R - 4]!, ...s.slice(R - 3)] : s);
    matmul(ctx, {
      a: ctx.input(0), b: ctx.input(1), out, M, N, K,
      am: adjX ? 1 : xc, ak: adjX ? xc : 1, bk: adjY ? 1 : yc, bn: adjY ? yc : 1,
      batch: bt, aBatch: R > 4 ? [sa[R - 4]! , ...sa.slice(R - 3)] : sa, bBatch: fold(sb), activation: 'NONE',
    });
  },
};
