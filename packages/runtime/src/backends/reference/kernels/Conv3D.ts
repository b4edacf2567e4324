// tfl.CONV_3D (float32, as in TFLite): input [N, D, H, W, Cin], filter [KD, KH, KW, Cin, Cout],
// bias? [Cout] → [N, OD, OH, OW, Cout], with SAME/VALID padding, strides and dilations per axis.
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  type ConvQuant, SUPPORTED_ACTIVATIONS, convEpilogue, convOutSize, convPadding, fail, numeric,
  prepareConvQuant, requireInput, stepAttr, strAttr,
} from './conv-utils';

function quant(ctx: KernelContext): ConvQuant {
  const input = requireInput(ctx, 0, 'input');
  const filter = requireInput(ctx, 1, 'filter');
  return prepareConvQuant(ctx, 'float', input, filter, ctx.inputs[2], filter.shape[4]!);
}

export const conv3d: KernelConfig = {
  op: 'tfl.CONV_3D',
  backend: 'reference',
  supports(node) {
    const input = node.inputs[0];
    const filter = node.inputs[1];
    if (!input || !filter) return 'input and filter are required';
    if (input.dtype !== 'f32' || filter.dtype !== 'f32') return `CONV_3D supports float32 only, got ${input.dtype}/${filter.dtype}`;
    const padding = node.attrs.padding ?? 'SAME';
    if (padding !== 'SAME' && padding !== 'VALID') return `unknown padding ${String(padding)}`;
    const act = node.attrs.fusedActivationFunction;
    if (act !== undefined && !SUPPORTED_ACTIVATIONS.includes(String(act))) return `unknown fused activation ${String(act)}`;
    return true;
  },
  prepare(ctx) {
    ctx.cache.quant = quant(ctx);
  },
  run(ctx) {
    const q = (ctx.cache.quant as ConvQuant | undefined) ?? (ctx.cache.quant = quant(ctx));
    const input = requireInput(ctx, 0, 'input');
    const filter = requireInput(ctx, 1, 'filter');
    if (input.shape.length !== 5 || filter.shape.length !== 5) fail(ctx.node, `expects 5-D input and filter, got [${input.shape}] and [${filter.shape}]`);
    const [n, inD, inH, inW, inC] = input.shape as [number, number, number, number, number];
    const [kD, kH, kW, fC, outC] = filter.shape as [number, number, number, number, number];
    if (fC !== inC) fail(ctx.node, `filter depth ${fC} != input depth ${inC}`);
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const s = [stepAttr(ctx.attrs, 'strideD'), stepAttr(ctx.attrs, 'strideH'), stepAttr(ctx.attrs, 'strideW')] as const;
    const dl = [stepAttr(ctx.attrs, 'dilationDFactor'), stepAttr(ctx.attrs, 'dilationHFactor'), stepAttr(ctx.attrs, 'dilationWFactor')] as const;
    const outD = convOutSize(padding, inD, kD, s[0], dl[0]);
    const outH = convOutSize(padding, inH, kH, s[1], dl[1]);
    const outW = convOutSize(padding, inW, kW, s[2], dl[2]);
    const padF = convPadding(s[0], dl[0], inD, kD, outD);
    const padT = convPadding(s[1], dl[1], inH, kH, outH);
    const padL = convPadding(s[2], dl[2], inW, kW, outW);
    const o = numeric(ctx.output(0, [n, outD, outH, outW, outC]));
    const x = numeric(input);
    const w = numeric(filter);
    let oi = 0;
    for (let b = 0; b < n; b++) {
      for (let oz = 0; oz < outD; oz++) {
        for (let oy = 0; oy < outH; oy++) {
          for (let ox = 0; ox < outW; ox++) {
            for (let oc = 0; oc < outC; oc++) {
              let acc = 0;
              for (let kz = 0; kz < kD; kz++) {
                const iz = oz * s[0] - padF + kz * dl[0];
                if (iz < 0 || iz >= inD) continue;
                for (let ky = 0; ky < kH; ky++) {
                  const iy = oy * s[1] - padT + ky * dl[1];
                  if (iy < 0 || iy >= inH) continue;
                  for (let kx = 0; kx < kW; kx++) {
                    const ix = ox * s[2] - padL + kx * dl[2];
                    if (ix < 0 || ix >= inW) continue;
                    const xi = (((b * inD + iz) * inH + iy) * inW + ix) * inC;
                    const wi = ((kz * kH + ky) * kW + kx) * inC * outC + oc;
                    for (let ic = 0; ic < inC; ic++) acc += (x[xi + ic] as number) * (w[wi + ic * outC] as number);
                  }
                }
              }
              o[oi++] = convEpilogue(q, acc, oc, b);
            }
          }
        }
      }
    }
  },
};
