// tfl.SPACE_TO_BATCH_ND: zero-pads the spatial dims, then moves block_shape blocks into the batch.
// Output batch index = (block offset) * batch + b, as in TF.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, sizeOf, stridesOf, supportsDtypes } from '../core-util';

export const spaceToBatchNd: KernelConfig = {
  op: 'tfl.SPACE_TO_BATCH_ND',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const block = ints(ctx.inputs[1], 'block_shape');
    const pads = ints(ctx.inputs[2], 'paddings');
    const m = block.length;
    const batch = input.shape[0]!;
    const padded = block.map((_, i) => input.shape[i + 1]! + pads[2 * i]! + pads[2 * i + 1]!);
    padded.forEach((p, i) => { if (p % block[i]!) fail(ctx.node, `padded dim ${i + 1} (${p}) is not a multiple of block ${block[i]}`); });
    const rest = input.shape.slice(m + 1);
    const shape = [batch * sizeOf(block), ...padded.map((p, i) => p / block[i]!), ...rest];
    const out = ctx.output(0, shape);
    const od = dataOf(out), src = dataOf(input);
    const zero = out.quant && out.dtype !== 'f32' && out.quant.zeroPoint.length ? out.quant.zeroPoint[0] : out.data instanceof BigInt64Array ? 0n : 0;
    const is = stridesOf(input.shape);
    const bstr = stridesOf(block);
    forEachIndex(shape, (i, c) => {
      const ob = c[0]!;
      const b = ob % batch;
      let blk = Math.floor(ob / batch);
      let off = b * is[0]!;
      for (let k = 0; k < m; k++) {
        const bk = Math.floor(blk / bstr[k]!);
        blk -= bk * bstr[k]!;
        const y = c[k + 1]! * block[k]! + bk - pads[2 * k]!;
        if (y < 0 || y >= input.shape[k + 1]!) { od[i] = zero; return; }
        off += y * is[k + 1]!;
      }
      for (let k = m + 1; k < c.length; k++) off += c[k]! * is[k]!;
      od[i] = src[off];
    });
  },
};
