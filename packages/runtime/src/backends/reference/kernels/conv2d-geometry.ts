// What CONV_2D and DEPTHWISE_CONV_2D (reference and wasm backends) read before their loops: the
// 4-D input and filter, and the geometry from the stride, dilation and padding attributes.
import type { AttrValue } from '../../../ir';
import type { KernelContext, Tensor } from '../../../kernel';
import { convOutSize, convPadding, fail, requireInput, stepAttr, strAttr } from './conv-utils';

/** Inputs 0 (input [N, H, W, C]) and 1 (filter), both required to be 4-D. */
export function conv2dInputs(ctx: KernelContext): [Tensor, Tensor] {
  const input = requireInput(ctx, 0, 'input');
  const filter = requireInput(ctx, 1, 'filter');
  if (input.shape.length !== 4 || filter.shape.length !== 4) fail(ctx.node, `expects 4-D input and filter, got [${input.shape}] and [${filter.shape}]`);
  return [input, filter];
}

export interface Conv2DGeometry {
  sH: number;
  sW: number;
  dH: number;
  dW: number;
  outH: number;
  outW: number;
  /** Leading (top / left) padding. */
  padT: number;
  padL: number;
}

/** Strides, dilations, output size and padding of a 2-D conv of a kH×kW filter over an inH×inW input. */
export function conv2dGeometry(attrs: Record<string, AttrValue>, inH: number, inW: number, kH: number, kW: number): Conv2DGeometry {
  const padding = strAttr(attrs, 'padding', 'SAME');
  const sH = stepAttr(attrs, 'strideH');
  const sW = stepAttr(attrs, 'strideW');
  const dH = stepAttr(attrs, 'dilationHFactor');
  const dW = stepAttr(attrs, 'dilationWFactor');
  const outH = convOutSize(padding, inH, kH, sH, dH);
  const outW = convOutSize(padding, inW, kW, sW, dW);
  return { sH, sW, dH, dW, outH, outW, padT: convPadding(sH, dH, inH, kH, outH), padL: convPadding(sW, dW, inW, kW, outW) };
}
