// tfl.TRANSPOSE_CONV: inputs (outputShape i32[4], weights [Cout, KH, KW, Cin], input
// [N, H, W, Cin], bias? [Cout]) → [N, OH, OW, Cout] given by outputShape. Each input pixel is
// scattered through the filter into a zeroed accumulator; bias, requantization and the fused
// activation come after. float32, int8 (per-channel), uint8, int16 × int8, hybrid float × int8.
import type { Node } from '../../../ir';
import { toNumbers } from '../../../dtypes';
import {
  type ConvSlots, checkConvNode, convEpilogue, convInputOffset, convKernel, convOperands, convOutSize, convPadding, fail, numeric,
  requireInput, stepAttr, strAttr,
} from './conv-utils';

const SLOTS: ConvSlots = { input: 2, filter: 1, filterName: 'weights', bias: 3, channelAxis: 0, hybridMode: 'option' };

function supports(node: Node): true | string {
  const ok = checkConvNode(node, 2, 1);
  if (ok !== true) return ok;
  const os = node.inputs[0];
  if (!os || (os.dtype !== 'i32' && os.dtype !== 'i64')) return 'outputShape must be an int32 tensor';
  return true;
}

export const transposeConv = convKernel('tfl.TRANSPOSE_CONV', SLOTS, (ctx, q) => {
  const outShape = toNumbers(requireInput(ctx, 0, 'outputShape'));
  const filter = requireInput(ctx, 1, 'weights');
  const input = requireInput(ctx, 2, 'input');
  if (input.shape.length !== 4 || filter.shape.length !== 4 || outShape.length !== 4) {
    fail(ctx.node, `expects 4-D input, weights and output shape, got [${input.shape}], [${filter.shape}], [${outShape}]`);
  }
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
  const [on, outH, outW, oc2] = outShape as [number, number, number, number];
  if (outShape.some((d) => d === 0)) {
    ctx.output(0, outShape); // TFLite: an empty requested output is simply produced empty
    return;
  }
  if (fC !== inC) fail(ctx.node, `weights depth ${fC} != input depth ${inC}`);
  if (on !== n || oc2 !== outC) fail(ctx.node, `output shape [${outShape}] does not match batch ${n} / ${outC} output channels`);
  const padding = strAttr(ctx.attrs, 'padding', 'SAME');
  const sH = stepAttr(ctx.attrs, 'strideH');
  const sW = stepAttr(ctx.attrs, 'strideW');
  // TFLite pads as if the output were the input of a forward conv.
  const padT = convPadding(sH, 1, outH, kH, convOutSize(padding, outH, kH, sH, 1));
  const padL = convPadding(sW, 1, outW, kW, convOutSize(padding, outW, kW, sW, 1));
  const o = numeric(ctx.output(0, [n, outH, outW, outC]));

  const { x, w, wOff } = convOperands(q, input, filter, n, inH * inW * inC);
  const accSize = outH * outW * outC;
  let acc = ctx.cache.acc as Float64Array | undefined;
  if (!acc || acc.length !== accSize) acc = ctx.cache.acc = new Float64Array(accSize);
  for (let b = 0; b < n; b++) {
    const xOff = convInputOffset(q, b);
    acc.fill(0);
    const xb = b * inH * inW * inC;
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++) {
        const xi = xb + (iy * inW + ix) * inC;
        for (let ky = 0; ky < kH; ky++) {
          const oy = iy * sH + ky - padT;
          if (oy < 0 || oy >= outH) continue;
          for (let kx = 0; kx < kW; kx++) {
            const ox = ix * sW + kx - padL;
            if (ox < 0 || ox >= outW) continue;
            const ai = (oy * outW + ox) * outC;
            for (let oc = 0; oc < outC; oc++) {
              const wi = ((oc * kH + ky) * kW + kx) * inC;
              let s = 0;
              for (let ic = 0; ic < inC; ic++) s += ((x[xi + ic] as number) + xOff) * ((w[wi + ic] as number) + wOff);
              acc[ai + oc] += s;
            }
          }
        }
      }
    }
    const ob = b * accSize;
    for (let i = 0; i < accSize; i++) o[ob + i] = convEpilogue(q, acc[i]!, i % outC, b);
  }
}, supports);
