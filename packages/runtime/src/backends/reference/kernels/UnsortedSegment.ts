// tfl.UNSORTED_SEGMENT_SUM / _PROD / _MAX / _MIN: reduces rows of data into num_segments buckets
// by segment id (ids may be unsorted; negative ids are dropped). Empty buckets hold the
// reduction's identity (0, 1, the dtype's lowest / highest value), as in TF.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { dataOf, fail, ints, scalar, sizeOf, supportsDtypes } from '../core-util';

type Reduce = (a: number, b: number) => number;

function identity(kind: string, dtype: string): number {
  if (kind === 'SUM') return 0;
  if (kind === 'PROD') return 1;
  const f = dtype === 'f32';
  if (kind === 'MAX') return f ? -Infinity : -2147483648;
  return f ? Infinity : 2147483647;
}

function segmentKernel(kind: 'SUM' | 'PROD' | 'MAX' | 'MIN', reduce: Reduce): KernelConfig {
  return {
    op: `tfl.UNSORTED_SEGMENT_${kind}`,
    backend: 'reference',
    supports: supportsDtypes(['f32', 'i32']),
    run(ctx: KernelContext) {
      const data = ctx.inputs[0]!;
      const ids = ints(ctx.inputs[1], 'segment_ids');
      const n = scalar(ctx.inputs[2], 'num_segments');
      const idShape = ctx.inputs[1]!.shape;
      if (idShape.some((d, i) => d !== data.shape[i])) fail(ctx.node, `segment_ids [${idShape.join(', ')}] must prefix data [${data.shape.join(', ')}]`);
      const inner = sizeOf(data.shape.slice(idShape.length));
      const out = ctx.output(0, [n, ...data.shape.slice(idShape.length)]);
      const od = dataOf(out) as unknown as number[], src = dataOf(data) as unknown as number[];
      const init = identity(kind, data.dtype);
      for (let i = 0; i < od.length; i++) od[i] = init;
      ids.forEach((s, r) => {
        if (s < 0) return;
        if (s >= n) fail(ctx.node, `segment id ${s} is out of range [0, ${n})`);
        for (let j = 0; j < inner; j++) od[s * inner + j] = reduce(od[s * inner + j]!, src[r * inner + j]!);
      });
    },
  };
}

export const unsortedSegmentSum = segmentKernel('SUM', (a, b) => a + b);
export const unsortedSegmentProd = segmentKernel('PROD', (a, b) => a * b);
export const unsortedSegmentMax = segmentKernel('MAX', (a, b) => Math.max(a, b));
export const unsortedSegmentMin = segmentKernel('MIN', (a, b) => Math.min(a, b));
