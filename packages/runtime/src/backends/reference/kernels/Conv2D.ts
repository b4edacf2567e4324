// tfl.CONV_2D: input [N, H, W, Cin], filter [Cout, KH, KW, Cin / groups], bias [Cout] →
// [N, OH, OW, Cout]. float32; int8 (per-channel weights); uint8 (per-tensor, asymmetric);
// int16 activations × int8 weights (int64 accumulators, int32/int64 bias); hybrid float × int8.
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  type ConvQuant, checkConvNode, convEpilogue, convOutSize, convPadding, fail, numeric,
  prepareConvQuant, quantizeHybridInput, requireInput, requireMode, stepAttr, strAttr,
} from './conv-utils';

function quant(ctx: KernelContext): ConvQuant {
  const input = requireInput(ctx, 0, 'input');
  const filter = requireInput(ctx, 1, 'filter');
  const mode = requireMode(ctx.node, input.dtype, filter.dtype);
  return prepareConvQuant(ctx, mode, input, filter, ctx.inputs[2], filter.shape[0]!, 'conv');
}

export const conv2d: KernelConfig = {
  op: 'tfl.CONV_2D',
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
    const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
    if (fC <= 0 || inC % fC !== 0) fail(ctx.node, `input depth ${inC} is not a multiple of the filter depth ${fC}`);
    const groups = inC / fC;
    if (outC % groups !== 0) fail(ctx.node, `${outC} output channels cannot be split into ${groups} groups`);
    const outPerGroup = outC / groups;
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const sH = stepAttr(ctx.attrs, 'strideH');
    const sW = stepAttr(ctx.attrs, 'strideW');
    const dH = stepAttr(ctx.attrs, 'dilationHFactor');
    const dW = stepAttr(ctx.attrs, 'dilationWFactor');
    const outH = convOutSize(padding, inH, kH, sH, dH);
    const outW = convOutSize(padding, inW, kW, sW, dW);
    const padT = convPadding(sH, dH, inH, kH, outH);
    const padL = convPadding(sW, dW, inW, kW, outW);
    const out = ctx.output(0, [n, outH, outW, outC]);
    const o = numeric(out);

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
            const g = Math.floor(oc / outPerGroup);
            const ic0 = g * fC;
            let acc = 0;
            for (let ky = 0; ky < kH; ky++) {
              const iy = iy0 + ky * dH;
              if (iy < 0 || iy >= inH) continue;
              for (let kx = 0; kx < kW; kx++) {
                const ix = ix0 + kx * dW;
                if (ix < 0 || ix >= inW) continue;
                const xi = xb + (iy * inW + ix) * inC + ic0;
                const wi = ((oc * kH + ky) * kW + kx) * fC;
                for (let ic = 0; ic < fC; ic++) acc += ((w[wi + ic] as number) + wOff) * ((x[xi + ic] as number) + xOff);
              }
            }
            o[oi++] = convEpilogue(q, acc, oc, b);
          }
        }
      }
    }
  },
};
