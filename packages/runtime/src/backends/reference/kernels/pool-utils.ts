// Shared window walk of AVERAGE_POOL_2D / MAX_POOL_2D / L2_POOL_2D (TFLite's reference pooling:
// windows are clipped to the input, padded positions are never counted).
import type { Node } from '../../../ir';
import type { KernelContext, TypedArray } from '../../../kernel';
import { activationRangeFloat, activationRangeQuantized } from './nn-quant-utils';
import { SUPPORTED_ACTIVATIONS, activationAttr, convOutSize, convPadding, fail, intAttr, numeric, requireInput, stepAttr, strAttr } from './conv-utils';

/** Reduces the values of one window (given as input indices) to one output value. */
export type PoolReducer = (x: TypedArray, start: number, inC: number, idx: Int32Array, count: number) => number;

export function checkPoolNode(node: Node, dtypes: readonly string[]): true | string {
  const input = node.inputs[0];
  const out = node.outputs[0];
  if (!input || !out) return 'input is required';
  if (!dtypes.includes(input.dtype)) return `input dtype ${input.dtype} is not supported (supported: ${dtypes.join(', ')})`;
  if (out.dtype !== input.dtype) return `output dtype ${out.dtype} must equal input dtype ${input.dtype}`;
  const padding = node.attrs.padding ?? 'SAME';
  if (padding !== 'SAME' && padding !== 'VALID') return `unknown padding ${String(padding)}`;
  const act = node.attrs.fusedActivationFunction;
  if (act !== undefined && !SUPPORTED_ACTIVATIONS.slice(0, 4).includes(String(act))) return `fused activation ${String(act)} is not supported for pooling`;
  if (input.dtype !== 'f32') {
    const iq = input.quant;
    const oq = out.quant;
    if (!iq || !oq) return 'quantized pooling needs input and output quantization parameters';
    if (iq.scale[0] !== oq.scale[0] || iq.zeroPoint[0] !== oq.zeroPoint[0]) return 'quantized pooling needs equal input and output scale / zero point';
  }
  return true;
}

/**
 * Runs a 2-D pool over NHWC input: for every output position and channel, collects the in-bounds
 * window offsets and calls `reduce`, then clamps to the fused activation range.
 */
export function runPool(ctx: KernelContext, reduce: PoolReducer): void {
  const input = requireInput(ctx, 0, 'input');
  if (input.shape.length !== 4) fail(ctx.node, `expects a 4-D input, got [${input.shape}]`);
  const [n, inH, inW, c] = input.shape as [number, number, number, number];
  const padding = strAttr(ctx.attrs, 'padding', 'SAME');
  const sH = stepAttr(ctx.attrs, 'strideH');
  const sW = stepAttr(ctx.attrs, 'strideW');
  const fH = intAttr(ctx.attrs, 'filterHeight', 1);
  const fW = intAttr(ctx.attrs, 'filterWidth', 1);
  const outH = convOutSize(padding, inH, fH, sH, 1);
  const outW = convOutSize(padding, inW, fW, sW, 1);
  const padT = convPadding(sH, 1, inH, fH, outH);
  const padL = convPadding(sW, 1, inW, fW, outW);
  const out = ctx.output(0, [n, outH, outW, c]);
  const o = numeric(out);
  const x = numeric(input);
  const act = activationAttr(ctx.attrs);
  const oq = ctx.node.outputs[0]?.quant ?? input.quant;
  const [lo, hi] = input.dtype === 'f32' ? activationRangeFloat(act)
    : activationRangeQuantized(act, input.dtype, oq!.scale[0]!, oq!.zeroPoint[0] ?? 0);
  const idx = new Int32Array(Math.max(1, fH * fW));
  let oi = 0;
  for (let b = 0; b < n; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const y0 = oy * sH - padT;
      const fy0 = Math.max(0, -y0);
      const fy1 = Math.min(fH, inH - y0);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = ox * sW - padL;
        const fx0 = Math.max(0, -x0);
        const fx1 = Math.min(fW, inW - x0);
        let count = 0;
        for (let fy = fy0; fy < fy1; fy++) {
          for (let fx = fx0; fx < fx1; fx++) idx[count++] = (((b * inH + y0 + fy) * inW) + x0 + fx) * c;
        }
        for (let ch = 0; ch < c; ch++) {
          const v = reduce(x, ch, c, idx, count);
          o[oi++] = v < lo ? lo : v > hi ? hi : v;
        }
      }
    }
  }
}
