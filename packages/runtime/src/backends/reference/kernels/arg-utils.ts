// ARG_MAX / ARG_MIN: the index of the first extreme value along the axis given by input 1;
// the output (i32 or i64, the planned dtype) drops that axis.
import type { KernelConfig } from '../../../kernel';
import { RuntimeError } from '../../../errors';
import { numberAt } from '../../../dtypes';
import { kernel, supportsDtypes } from './elementwise-utils';

type Data = { [i: number]: number | bigint; length: number };

export function argKernel(op: string, isMax: boolean): KernelConfig {
  return kernel(op, {
    supports: supportsDtypes(['f32', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool']),
    run(ctx) {
      const a = ctx.inputs[0]!;
      const rank = a.shape.length;
      let axis = numberAt(ctx.inputs[1]!.data, 0);
      if (axis < 0) axis += rank;
      if (axis < 0 || axis >= rank) {
        throw new RuntimeError('SHAPE_MISMATCH', `${op} '${ctx.node.name}': axis ${numberAt(ctx.inputs[1]!.data, 0)} is out of range for rank ${rank}`, [ctx.node.name]);
      }
      const outShape = a.shape.filter((_, d) => d !== axis);
      const out = ctx.output(0, outShape);
      const n = a.shape[axis]!;
      let inner = 1;
      for (let d = axis + 1; d < rank; d++) inner *= a.shape[d]!;
      const outer = n && inner ? a.data.length / (n * inner) : 0;
      const x = a.data as unknown as Data, z = out.data as unknown as Data;
      const big = out.dtype === 'i64' || out.dtype === 'u64';
      for (let o = 0; o < outer; o++) {
        for (let i = 0; i < inner; i++) {
          const base = o * n * inner + i;
          let best = x[base]!, bestIdx = 0;
          for (let k = 1; k < n; k++) {
            const v = x[base + k * inner]!;
            if (isMax ? v > best : v < best) { best = v; bestIdx = k; }
          }
          z[o * inner + i] = big ? BigInt(bestIdx) : bestIdx;
        }
      }
    },
  });
}
