// tfl.MATRIX_SET_DIAG: the input matrices with their main diagonal replaced by `diagonal`.
import type { KernelConfig } from '../../../kernel';
import { copyInto, dataOf, sizeOf, supportsDtypes, MOVABLE_DTYPES } from '../core-util';

export const matrixSetDiag: KernelConfig = {
  op: 'tfl.MATRIX_SET_DIAG',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const diag = ctx.inputs[1]!;
    const r = input.shape.length;
    const rows = input.shape[r - 2]!, cols = input.shape[r - 1]!;
    const k = Math.min(rows, cols);
    const out = ctx.output(0, input.shape);
    copyInto(out, input);
    const od = dataOf(out), dd = dataOf(diag);
    const batches = sizeOf(input.shape.slice(0, -2));
    for (let b = 0; b < batches; b++) for (let i = 0; i < k; i++) od[(b * rows + i) * cols + i] = dd[b * k + i];
  },
};
