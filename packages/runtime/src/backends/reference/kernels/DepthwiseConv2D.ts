// tfl.DEPTHWISE_CONV_2D: input [N, H, W, Cin], filter [1, KH, KW, Cin · depthMultiplier], bias →
// [N, OH, OW, Cout]; output channel ic · depthMultiplier + m reads input channel ic.
// float32; int8 (per-channel); uint8; int16 × int8; hybrid float × int8 (asymmetric per batch).
import { type ConvSlots, convEpilogue, convInputOffset, convKernel, convOperands, fail, intAttr, numeric } from './conv-utils';
import { conv2dGeometry, conv2dInputs } from './conv2d-geometry';

const SLOTS: ConvSlots = { input: 0, filter: 1, filterName: 'filter', bias: 2, channelAxis: 3, hybridMode: 'asymmetric' };

export const depthwiseConv2d = convKernel('tfl.DEPTHWISE_CONV_2D', SLOTS, (ctx, q) => {
  const [input, filter] = conv2dInputs(ctx);
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  const [, kH, kW, outC] = filter.shape as [number, number, number, number];
  // TFLite derives the multiplier from the shapes (the attribute is advisory in newer models).
  const dm = inC > 0 ? outC / inC : intAttr(ctx.attrs, 'depthMultiplier', 1);
  if (!Number.isInteger(dm) || dm < 1) fail(ctx.node, `filter has ${outC} channels, not a multiple of the ${inC} input channels`);
  const { sH, sW, dH, dW, outH, outW, padT, padL } = conv2dGeometry(ctx.attrs, inH, inW, kH, kW);
  const o = numeric(ctx.output(0, [n, outH, outW, outC]));
  const { x, w, wOff } = convOperands(q, input, filter, n, inH * inW * inC);
  let oi = 0;
  for (let b = 0; b < n; b++) {
    const xOff = convInputOffset(q, b);
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
});
