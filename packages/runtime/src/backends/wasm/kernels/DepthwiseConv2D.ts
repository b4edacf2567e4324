// tfl.DEPTHWISE_CONV_2D on wasm, float32: weights [1, KH, KW, OC] used in place (copied once to
// wasm memory with a zero-filled bias); depth multiplier 1 vectorized over channels, any other
// multiplier scalar.
import type { KernelConfig } from '../../../kernel';
import {
  WASM_BACKEND, all, beginCall, checkActivation, checkF32, clampRange, convOutSize, convPadding, f32, fail,
  input, intAttr, persistentPack, stepAttr, strAttr,
} from '../kernel-utils';
import type { Heap } from '../heap';

export const depthwiseConv2d: KernelConfig = {
  op: 'tfl.DEPTHWISE_CONV_2D',
  backend: WASM_BACKEND,
  supports: (node) => all(
    () => checkF32(node, [0, 1, 2]),
    () => checkActivation(node),
    () => {
      const padding = node.attrs['padding'] ?? 'SAME';
      return padding === 'SAME' || padding === 'VALID' ? true : `unknown padding ${String(padding)}`;
    },
  ),
  run(ctx) {
    const x = input(ctx, 0, 'input');
    const w = input(ctx, 1, 'filter');
    const bias = ctx.inputs[2];
    if (x.shape.length !== 4 || w.shape.length !== 4) fail(ctx.node, `expects 4-D input and filter, got [${x.shape}] and [${w.shape}]`);
    const [n, inH, inW, inC] = x.shape as [number, number, number, number];
    const [, kH, kW, outC] = w.shape as [number, number, number, number];
    const dm = inC > 0 ? outC / inC : intAttr(ctx.attrs, 'depthMultiplier', 1);
    if (!Number.isInteger(dm) || dm < 1) fail(ctx.node, `filter has ${outC} channels, not a multiple of the ${inC} input channels`);
    if (bias && bias.data.length !== outC) fail(ctx.node, `bias has ${bias.data.length} values for ${outC} output channels`);
    const padding = strAttr(ctx.attrs, 'padding', 'SAME');
    const sH = stepAttr(ctx.attrs, 'strideH'), sW = stepAttr(ctx.attrs, 'strideW');
    const dH = stepAttr(ctx.attrs, 'dilationHFactor'), dW = stepAttr(ctx.attrs, 'dilationWFactor');
    const outH = convOutSize(padding, inH, kH, sH, dH);
    const outW = convOutSize(padding, inW, kW, sW, dW);
    const padT = convPadding(sH, dH, inH, kH, outH);
    const padL = convPadding(sW, dW, inW, kW, outW);
    const out = ctx.output(0, [n, outH, outW, outC]);
    if (out.data.length === 0) return;
    const [lo, hi] = clampRange(ctx);
    const h = beginCall();
    const wCount = kH * kW * outC;
    const bytes = (wCount + outC) * 4;
    const make = (hh: Heap, dst: number) => {
      const v = hh.views().f32;
      v.set(f32(w).subarray(0, wCount), dst >>> 2);
      if (bias) v.set(f32(bias), (dst >>> 2) + wCount);
      else v.fill(0, (dst >>> 2) + wCount, (dst >>> 2) + wCount + outC);
    };
    let wp = persistentPack(ctx, 1, w, bias, bytes, make);
    if (wp === undefined) {
      wp = h.scratch(bytes);
      make(h, wp);
    }
    const xp = h.putF32(f32(x));
    const op = h.scratch(out.data.length * 4);
    h.inst.exports.dwconv2d_f32(xp, n, inH, inW, inC, wp, wp + wCount * 4, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW, op, lo, hi);
    h.getF32(op, f32(out));
  },
};
