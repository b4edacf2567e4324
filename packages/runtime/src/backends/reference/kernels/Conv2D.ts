// tfl.CONV_2D: input [N, H, W, Cin], filter [Cout, KH, KW, Cin / groups], bias [Cout] →
// [N, OH, OW, Cout]. float32; int8 (per-channel weights); uint8 (per-tensor, asymmetric);
// int16 activations × int8 weights (int64 accumulators, int32/int64 bias); hybrid float × int8.
import { type ConvSlots, convEpilogue, convInputOffset, convKernel, convOperands, fail, numeric } from './conv-utils';
import { conv2dGeometry, conv2dInputs } from './conv2d-geometry';

const SLOTS: ConvSlots = { input: 0, filter: 1, filterName: 'filter', bias: 2, channelAxis: 0, hybridMode: 'conv' };

export const conv2d = convKernel('tfl.CONV_2D', SLOTS, (ctx, q) => {
  const [input, filter] = conv2dInputs(ctx);
  const [n, inH, inW, inC] = input.shape as [number, number, number, number];
  const [outC, kH, kW, fC] = filter.shape as [number, number, number, number];
  if (fC <= 0 || inC % fC !== 0) fail(ctx.node, `input depth ${inC} is not a multiple of the filter depth ${fC}`);
  const groups = inC / fC;
  if (outC % groups !== 0) fail(ctx.node, `${outC} output channels cannot be split into ${groups} groups`);
  const outPerGroup = outC / groups;
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
});
