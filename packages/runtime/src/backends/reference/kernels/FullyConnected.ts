// tfl.FULLY_CONNECTED: input [..., K] (any rank; rows = size / K), weights [M, K], bias? [M] →
// [rows, M] (or input's leading dims + [M] with keepNumDims). float32; int8 (per-tensor or
// per-channel weights); uint8; int16 × int8 (int64 accumulators, int32/int64 bias); hybrid float ×
// int8 (per-row symmetric or, with asymmetricQuantizeInputs, asymmetric input quantization);
// float × blockwise-quantized int4/int8 weights (see fc-blockwise.ts).
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  type ConvQuant, boolAttr, checkConvNode, convEpilogue, fail, numeric, prepareConvQuant,
  quantizeHybridInput, requireInput, requireMode,
} from './conv-utils';
import { blockwiseDetails, blockwiseFc, checkBlockwiseFc } from './fc-blockwise';

function quant(ctx: KernelContext): ConvQuant {
  const input = requireInput(ctx, 0, 'input');
  const filter = requireInput(ctx, 1, 'weights');
  const mode = requireMode(ctx.node, input.dtype, filter.dtype);
  return prepareConvQuant(ctx, mode, input, filter, ctx.inputs[2], filter.shape[0]!, 'option', true);
}

export const fullyConnected: KernelConfig = {
  op: 'tfl.FULLY_CONNECTED',
  backend: 'reference',
  supports(node) {
    if (blockwiseDetails(node.inputs[1])) {
      const ok = checkBlockwiseFc(node);
      if (ok !== true) return ok;
    }
    const ok = blockwiseDetails(node.inputs[1]) ? true : checkConvNode(node, 0, 1);
    if (ok !== true) return ok;
    const fmt = node.attrs.weightsFormat ?? 'DEFAULT';
    if (fmt !== 'DEFAULT') return `weightsFormat ${String(fmt)} is not supported (only DEFAULT)`;
    if (node.inputs[1]?.sparsity) return 'sparse weights are not supported (densify the model first)';
    if (node.outputs.length > 1) return 'the shuffled-workspace second output is not supported';
    return true;
  },
  prepare(ctx) {
    if (!blockwiseDetails(ctx.inputs[1])) ctx.cache.quant = quant(ctx);
  },
  run(ctx) {
    const blockwise = blockwiseDetails(ctx.inputs[1]) !== undefined;
    const q = blockwise ? undefined! : (ctx.cache.quant as ConvQuant | undefined) ?? (ctx.cache.quant = quant(ctx));
    const input = requireInput(ctx, 0, 'input');
    const filter = requireInput(ctx, 1, 'weights');
    if (filter.shape.length !== 2) fail(ctx.node, `weights must be 2-D, got [${filter.shape}]`);
    const [units, depth] = filter.shape as [number, number];
    const size = input.data.length;
    if (depth === 0 ? size !== 0 : size % depth !== 0) fail(ctx.node, `input of ${size} values cannot be split into rows of ${depth}`);
    const rows = depth === 0 ? 0 : size / depth;
    const keep = boolAttr(ctx.attrs, 'keepNumDims');
    let shape: number[];
    if (keep) {
      if (input.shape[input.shape.length - 1] !== depth) fail(ctx.node, `keepNumDims needs the last input dim to be ${depth}, got [${input.shape}]`);
      shape = [...input.shape.slice(0, -1), units];
    } else {
      shape = [rows, units];
    }
    const o = numeric(ctx.output(0, shape));
    if (blockwise) {
      blockwiseFc(ctx, input.data as Float32Array, rows, o as Float32Array);
      return;
    }
    let x = numeric(input);
    let xOff = q.inputOffset;
    if (q.mode === 'hybrid') {
      quantizeHybridInput(q, x as Float32Array, rows, depth);
      x = q.qInput!;
    }
    const w = numeric(filter);
    const wOff = q.filterOffset;
    for (let r = 0; r < rows; r++) {
      if (q.mode === 'hybrid') xOff = -q.zeroPoints![r]!;
      const xr = r * depth;
      for (let u = 0; u < units; u++) {
        const wr = u * depth;
        let acc = 0;
        for (let k = 0; k < depth; k++) acc += ((w[wr + k] as number) + wOff) * ((x[xr + k] as number) + xOff);
        o[r * units + u] = convEpilogue(q, acc, u, r);
      }
    }
  },
};
