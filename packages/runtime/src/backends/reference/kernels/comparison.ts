// Shared implementation of the six comparison ops: broadcasting, bool output, and TFLite's
// quantized comparison (i8/u8 inputs rescaled to a common Q with 2^8 headroom before comparing).
import type { DType } from '../../../ir';
import type { KernelConfig, KernelContext } from '../../../kernel';
import { multiplyByQuantizedMultiplier, quantizeMultiplier } from '../fixed-point';
import { broadcastShapes, forEachRow } from './broadcast';
import { binaryMap, binaryMapBig, kernel, qp, supportsDtypes } from './elementwise-utils';

type Cmp = (a: number, b: number) => boolean;
type CmpBig = (a: bigint, b: bigint) => boolean;

interface QCmp { za: number; zb: number; m1: number; s1: number; m2: number; s2: number }
const LEFT_SHIFT = 8;

function runStrings(ctx: KernelContext, cmp: (a: string, b: string) => boolean): void {
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
  const out = ctx.output(0, broadcastShapes([a.shape, b.shape], ctx.node), 'bool');
  const x = a.data as string[], y = b.data as string[], z = out.data as Uint8Array;
  forEachRow(out.shape, [a.shape, b.shape], (o, len, off, st) => {
    for (let k = 0; k < len; k++) z[o + k] = cmp(x[off[0]! + k * st[0]!]!, y[off[1]! + k * st[1]!]!) ? 1 : 0;
  });
}

export function comparisonKernel(op: string, cmp: Cmp, cmpBig: CmpBig, opts: { strings?: boolean } = {}): KernelConfig {
  const dtypes: DType[] = ['f32', 'f64', 'i8', 'u8', 'i16', 'i32', 'i64', 'bool'];
  if (opts.strings) dtypes.push('string');
  return kernel(op, {
    supports: supportsDtypes(dtypes, true),
    prepare(ctx) {
      const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
      if ((a.dtype === 'i8' || a.dtype === 'u8') && a.quant?.scale.length && b.quant?.scale.length) {
        const qa = qp(a, ctx.node), qb = qp(b, ctx.node);
        const r1 = quantizeMultiplier(qa.scale), r2 = quantizeMultiplier(qb.scale);
        ctx.cache['q'] = { za: qa.zeroPoint, zb: qb.zeroPoint, m1: r1.multiplier, s1: r1.shift, m2: r2.multiplier, s2: r2.shift } satisfies QCmp;
      }
    },
    run(ctx) {
      const dtype = ctx.inputs[0]!.dtype;
      const q = ctx.cache['q'] as QCmp | undefined;
      if (dtype === 'string') runStrings(ctx, (a, b) => cmp(a < b ? -1 : a > b ? 1 : 0, 0));
      else if (dtype === 'i64') binaryMapBig(ctx, (a, b) => (cmpBig(a, b) ? 1 : 0), 'bool');
      else if (q) {
        binaryMap(ctx, (x, y) => {
          const a = multiplyByQuantizedMultiplier((x - q.za) * (1 << LEFT_SHIFT), q.m1, q.s1);
          const b = multiplyByQuantizedMultiplier((y - q.zb) * (1 << LEFT_SHIFT), q.m2, q.s2);
          return cmp(a, b) ? 1 : 0;
        }, 'bool');
      } else binaryMap(ctx, (a, b) => (cmp(a, b) ? 1 : 0), 'bool');
    },
  });
}
