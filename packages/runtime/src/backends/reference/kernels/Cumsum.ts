// tfl.CUMSUM: running sums along the axis given by input 1, optionally `exclusive` (each output
// omits its own element) and/or `reverse` (summing from the end). f32 in float32, i32 wrapping, i64.
import { RuntimeError } from '../../../errors';
import { numberAt } from '../../../dtypes';
import { kernel, supportsDtypes } from './elementwise-utils';

type Data = { [i: number]: number | bigint; length: number };

export const cumsum = kernel('tfl.CUMSUM', {
  supports: supportsDtypes(['f32', 'i32', 'i64']),
  run(ctx) {
    const a = ctx.inputs[0]!;
    const rank = a.shape.length;
    let axis = numberAt(ctx.inputs[1]!.data, 0);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) {
      throw new RuntimeError('SHAPE_MISMATCH', `tfl.CUMSUM '${ctx.node.name}': axis ${axis} is out of range for rank ${rank}`, [ctx.node.name]);
    }
    const exclusive = ctx.attrs['exclusive'] === true, reverse = ctx.attrs['reverse'] === true;
    const out = ctx.output(0, a.shape);
    const n = a.shape[axis]!;
    let inner = 1;
    for (let d = axis + 1; d < rank; d++) inner *= a.shape[d]!;
    const outer = n && inner ? a.data.length / (n * inner) : 0;
    const x = a.data as unknown as Data, z = out.data as unknown as Data;
    const big = a.dtype === 'i64', f32 = a.dtype === 'f32';
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let acc: number | bigint = big ? 0n : 0;
        for (let s = 0; s < n; s++) {
          const idx = base + (reverse ? n - 1 - s : s) * inner;
          const v = x[idx]!;
          if (exclusive) z[idx] = acc;
          if (big) acc = BigInt.asIntN(64, (acc as bigint) + (v as bigint));
          else if (f32) acc = Math.fround((acc as number) + (v as number));
          else acc = ((acc as number) + (v as number)) | 0;
          if (!exclusive) z[idx] = acc;
        }
      }
    }
  },
});
