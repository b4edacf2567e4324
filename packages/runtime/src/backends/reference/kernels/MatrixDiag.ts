// tfl.MATRIX_DIAG: [..., N] → [..., N, N] with the input on the diagonal, zeros elsewhere.
import type { KernelConfig } from '../../../kernel';
import { dataOf, sizeOf, supportsDtypes, MOVABLE_DTYPES } from '../core-util';

export const matrixDiag: KernelConfig = {
  op: 'tfl.MATRIX_DIAG',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const n = input.shape[input.shape.length - 1] ?? 1;
    const out = ctx.output(0, [...input.shape, n]);
    const od = dataOf(out), src = dataOf(input);
    const zero = out.data instanceof BigInt64Array ? 0n : Array.isArray(out.data) ? '' : 0;
    const batches = sizeOf(input.shape.slice(0, -1));
    for (let b = 0; b < batches; b++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      od[(b * n + i) * n + j] = i === j ? src[b * n + i] : zero;
    }
  },
};
