// tfl.FULLY_CONNECTED on WebGPU (f32 input and weights, optional bias, fused activation): the tiled
// matmul with the weights [units, depth] read transposed.
import type { GpuKernel } from '../kernel';
import { matmul } from './matmul';
import { activationOf, activationOk, all, allF32, boolAttr, sizeOf, strAttr } from './util';

export const fullyConnected: GpuKernel = {
  op: 'tfl.FULLY_CONNECTED',
  supports: (node) => all(
    () => allF32(node, [0, 1, 2]),
    () => activationOk(node.attrs),
    () => (strAttr(node.attrs, 'weightsFormat', 'DEFAULT') === 'DEFAULT' ? true : 'shuffled weights format'),
    () => (node.inputs[1]?.quant?.scale.length && node.inputs[1].dtype !== 'f32' ? 'quantized weights' : true),
    () => (node.outputs.length === 1 ? true : 'extra outputs'),
  ),
  run(ctx) {
    const xs = ctx.inputs[0]!.shape, ws = ctx.inputs[1]!.shape;
    const depth = ws[ws.length - 1]!;
    const units = ws[0]!;
    const rows = depth === 0 ? 0 : sizeOf(xs) / depth;
    if (!Number.isInteger(rows)) throw new Error(`input [${xs}] does not split into rows of ${depth}`);
    const shape = boolAttr(ctx.attrs, 'keepNumDims', false) ? [...xs.slice(0, -1), units] : [rows, units];
    const out = ctx.output(0, shape);
    const bias = ctx.inputs[2] ? ctx.input(2) : undefined;
    matmul(ctx, {
      a: ctx.input(0), b: ctx.input(1), bias, out, M: rows, N: units, K: depth,
      am: depth, ak: 1, bk: 1, bn: depth, batch: [], aBatch: [], bBatch: [], activation: activationOf(ctx.attrs),
    });
  },
};
