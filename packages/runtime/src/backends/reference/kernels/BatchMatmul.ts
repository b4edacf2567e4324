// tfl.BATCH_MATMUL: lhs [..., M, K] (adjX: [..., K, M]) × rhs [..., K, N] (adjY: [..., N, K]) →
// [broadcast(...), M, N], batch dims broadcast NumPy-style. float32; int8 and int16 (per-tensor,
// int32 / int64 accumulators, int16 × int16 too; no fused activation); hybrid float × int8 rhs (each lhs row
// quantized on the fly, asymmetrically with asymmetricQuantizeInputs).
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  type ConvQuant, convEpilogue, convMode, fail, numeric, prepareConvQuant,
  quantizeHybridInput, requireInput, requireMode,
} from './conv-utils';
import { bmmGeometry } from './bmm-geometry';

/** TFLite's BATCH_MATMUL dtypes: as the conv family, plus int16 × int16 (both operands int16). */
function bmmMode(lhs: string | undefined, rhs: string | undefined): ReturnType<typeof convMode> {
  if (lhs === 'i16' && rhs === 'i16') return 'int64acc';
  return convMode(lhs as never, rhs as never);
}

function quant(ctx: KernelContext): ConvQuant {
  const lhs = requireInput(ctx, 0, 'lhs');
  const rhs = requireInput(ctx, 1, 'rhs');
  const mode = lhs.dtype === 'i16' && rhs.dtype === 'i16' ? 'int64acc' : requireMode(ctx.node, lhs.dtype, rhs.dtype);
  const q = prepareConvQuant(ctx, mode, lhs, rhs, undefined, 1, 'option', true);
  q.fp32Scale = undefined; // XNNPACK does not take quantized BATCH_MATMUL: always TFLite's arithmetic
  return q;
}

export const batchMatmul: KernelConfig = {
  op: 'tfl.BATCH_MATMUL',
  backend: 'reference',
  supports(node) {
    const lhs = node.inputs[0];
    const rhs = node.inputs[1];
    if (!lhs || !rhs) return 'lhs and rhs are required';
    const mode = bmmMode(lhs.dtype, rhs.dtype);
    if (mode !== 'float' && mode !== 'hybrid' && mode !== 'int32acc' && mode !== 'int64acc') return mode;
    if (mode === 'int32acc' && lhs.dtype !== 'i8') return `quantized BATCH_MATMUL supports int8 and int16, not ${lhs.dtype}`;
    if (mode === 'hybrid' && (rhs.quant?.scale.length ?? 0) !== 1) return 'hybrid BATCH_MATMUL needs per-tensor rhs quantization';
    if ((mode === 'int32acc' || mode === 'int64acc') && (!lhs.quant || !rhs.quant || !node.outputs[0]?.quant)) return 'quantized BATCH_MATMUL needs quantization parameters on lhs, rhs and output';
    return true;
  },
  prepare(ctx) {
    ctx.cache.quant = quant(ctx);
  },
  run(ctx) {
    const q = (ctx.cache.quant as ConvQuant | undefined) ?? (ctx.cache.quant = quant(ctx));
    const lhs = requireInput(ctx, 0, 'lhs');
    const rhs = requireInput(ctx, 1, 'rhs');
    const { adjX, adjY, m, k, n, ob, batches, sources } = bmmGeometry(ctx, lhs, rhs);
    const o = numeric(ctx.output(0, [...ob, m, n]));
    let x = numeric(lhs);
    let xOff = q.inputOffset;
    if (q.mode === 'hybrid') {
      // TFLite quantizes each lhs row of K values (rows are contiguous only without adjX).
      if (adjX) fail(ctx.node, 'hybrid BATCH_MATMUL with adjX is not supported by TFLite');
      quantizeHybridInput(q, x as Float32Array, x.length / Math.max(1, k), k);
      x = q.qInput!;
    }
    const w = numeric(rhs);
    const wOff = q.filterOffset;
    // Element strides of lhs (row i, depth d) and rhs (depth d, column j).
    const lsI = adjX ? 1 : k;
    const lsD = adjX ? m : 1;
    const rsD = adjY ? 1 : n;
    const rsJ = adjY ? k : 1;
    for (let bi = 0; bi < batches; bi++) {
      let [lOff, rOff] = sources(bi);
      lOff *= m * k;
      rOff *= k * n;
      for (let i = 0; i < m; i++) {
        const row = lOff / Math.max(1, k) + i; // hybrid: quantized row index
        if (q.mode === 'hybrid') xOff = -q.zeroPoints![row]!;
        for (let j = 0; j < n; j++) {
          let acc = 0;
          for (let d = 0; d < k; d++) {
            acc += ((x[lOff + i * lsI + d * lsD] as number) + xOff) * ((w[rOff + d * rsD + j * rsJ] as number) + wOff);
          }
          o[(bi * m + i) * n + j] = convEpilogue(q, acc, 0, row);
        }
      }
    }
  },
};
