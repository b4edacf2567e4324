// tfl.PAD / tfl.PADV2: pads with zero (the output's zero point when quantized) or, for PADV2,
// the scalar constant_values input.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { dataOf, fail, forEachIndex, ints, MOVABLE_DTYPES, stridesOf, supportsDtypes } from '../core-util';

/** Reads the [rank, 2] paddings tensor. */
export function paddingsOf(ctx: KernelContext, rank: number): [number, number][] {
  const p = ints(ctx.inputs[1], 'paddings');
  if (p.length !== rank * 2) fail(ctx.node, `paddings must be [${rank}, 2], got ${p.length} values`);
  return Array.from({ length: rank }, (_, d) => [p[2 * d]!, p[2 * d + 1]!] as [number, number]);
}

function runPad(ctx: KernelContext): void {
  const input = ctx.inputs[0]!;
  const pads = paddingsOf(ctx, input.shape.length);
  if (pads.some(([a, b]) => a < 0 || b < 0)) fail(ctx.node, 'negative paddings are not supported');
  const shape = input.shape.map((d, i) => d + pads[i]![0] + pads[i]![1]);
  const out = ctx.output(0, shape);
  const od = dataOf(out), src = dataOf(input);
  let fill: unknown = out.data instanceof BigInt64Array ? 0n : Array.isArray(out.data) ? '' : 0;
  const cv = ctx.inputs[2];
  if (cv && cv.data.length > 0) fill = cv.data[0];
  else if (out.quant && out.quant.zeroPoint.length && out.dtype !== 'f32') fill = out.quant.zeroPoint[0];
  const is = stridesOf(input.shape);
  forEachIndex(shape, (i, c) => {
    let off = 0;
    for (let d = 0; d < c.length; d++) {
      const x = c[d]! - pads[d]![0];
      if (x < 0 || x >= input.shape[d]!) { od[i] = fill; return; }
      off += x * is[d]!;
    }
    od[i] = src[off];
  });
}

export const pad: KernelConfig = { op: 'tfl.PAD', backend: 'reference', supports: supportsDtypes(MOVABLE_DTYPES), run: runPad };
export const padV2: KernelConfig = { op: 'tfl.PADV2', backend: 'reference', supports: supportsDtypes(MOVABLE_DTYPES), run: runPad };
