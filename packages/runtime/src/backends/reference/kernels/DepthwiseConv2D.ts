// tfl.DEPTHWISE_CONV_2D: input [N, H, W, Cin], filter [1, KH, KW, Cin · depthMultiplier], bias →
// [N, OH, OW, Cout]; output channel ic · depthMultiplier + m reads input channel ic.
// float32; int8 (per-channel); uint8; int16 × int8; hybrid float × int8 (asymmetric per batch).
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  type ConvQuant, checkConvNode, convEpilogue, convOutSize, convPadding, fail, intAttr, numeric,
  prepareConvQuant, quantizeHybridInput, requireInput, requireMode, stepAttr, strAttr,
} from './conv-utils';

function quant(ctx: KernelContext): ConvQuant {
  const input = requireInput(ctx, 0, 'input');
  const filter = requireInput(ctx, 1, 'filter');
  const mode = requireMode(ctx.node, input.dtype, filter.dtype);
  return prepareConvQuant(ctx, mode, input, filter, ctx.inputs[2], filter.shape[3]!, 'asymmetric');
}

export const depthwiseConv2d: KernelConfig = {
  op: 'tfl.DEPTHWISE_CONV_2D',
  backend: 'reference',
  supports(node) {
    return checkConvNode(node, 0, 1);
  },
  prepare(ctx) {
    ctx.cache.quant = quant(ctx);
  },
  run(ctx) {
    const q = (ctx.cache.quant as ConvQuant | undefined) ?? (ctx.cache.quant = quant(ctx));
    const input = requireInput(ctx, 0, 'input');
    const filter = requireInput(ctx, 1, 'filter');
    if (input.shape.length !== 4 || filter.shape.length !== 4) fail(ctx.node, `expects 4-D input and filter, got [${input.shape}] and [${filter.shape}]`);
    const [n, inH, inW, inC] = input.shape as [number, number, number, number];
    const [, kH, kW, outC] = filter.shape as [number, number, number, number];
    // TFLite derives the multiplier from the shapes (the attribute is advisory in newer models).
    const dm = inC > 0 ? outC / inC : intAttr(ctx.attrs, 'depthMultiplier', 1);
    if (!Number.isInteger(dm) || dm < 1) fail(ctx.node, `filter has ${outC} channels, not a multiple of the ${inC} input channels`);
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const sH = stepAttr(ctx.attrs, 'strideH');
    const sW = stepAttr(ctx.attrs, 'strideW');
    const dH = stepAttr(ctx.attrs, 'dilationHFactor');
    const dW = stepAttr(ctx.attrs, 'dilationWFactor');
    const outH = convOutSize(padding, inH, kH, sH, dH);
    const outW = convOutSize(padding, inW, kW, sW, dW);
    const padT = convPadding(sH, dH, inH, kH, outH);
    const padL = convPadding(sW, dW, inW, kW, outW);
    const o = numeric(ctx.output(0, [n, outH, outW, outC]));

    let x = numeric(input);
    let xOff = q.inputOffset;
    if (q.mode === 'hybrid') {
      quantizeHybridInput(q, x as Float32Array, n, inH * inW * inC);
      x = q.qInput!;
    }
    const w = numeric(filter);
    const wOff = q.filterOffset;
    let oi = 0;
    for (let b = 0; b < n; b++) {
      if (q.mode === 'hybrid') xOff = -q.zeroPoints![b]!;
      const xb = b * inH * inW * inC;
      for (let oy = 0; oy < outH; oy++) {
        const iy0 = oy * sH - padT;
        for (let ox = 0; ox < outW; ox++) {
          const ix0 = ox * sW - padL;
          for (let oc = 0; oc < outC; oc++) {
            const ic = Math.floor(oc / dm);
            let acc = 0;
            for (let ky = 0; ky < kH; ky++) {
              const iy = iy0 + ky * dH;
              if (iy < 0 || iy >= inH) continue;
              for (let kx = 0; kx < kW; kx++) {
                const ix = ix0 + kx * dW;
                if (ix < 0 || ix >= inW) continue;
                acc += ((w[(ky * kW + kx) * outC + oc] as number) + wOff) * ((x[xb + (iy * inW + ix) * inC + ic] as number) + xOff);
              }
            }
            o[oi++] = convEpilogue(q, acc, oc, b);
          }
        }
      }
    }
  },
};
