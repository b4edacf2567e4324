// Shared by AVERAGE_POOL_2D and MAX_POOL_2D on wasm (float32, NHWC, windows clipped to the input).
import type { KernelConfig, KernelContext } from '../../../kernel';
import {
  WASM_BACKEND, all, beginCall, checkActivation, checkF32, clampRange, convOutSize, convPadding, f32, fail,
  input, intAttr, stepAttr, strAttr,
} from '../kernel-utils';

export function poolKernel(op: string, isMax: boolean): KernelConfig {
  return {
    op,
    backend: WASM_BACKEND,
    supports: (node) => all(
      () => checkF32(node, [0]),
      () => checkActivation(node),
      () => {
        const padding = node.attrs['padding'] ?? 'SAME';
        return padding === 'SAME' || padding === 'VALID' ? true : `unknown padding ${String(padding)}`;
      },
    ),
    run: (ctx) => runPool(ctx, isMax),
  };
}

function runPool(ctx: KernelContext, isMax: boolean): void {
  const x = input(ctx, 0, 'input');
  if (x.shape.length !== 4) fail(ctx.node, `expects a 4-D input, got [${x.shape}]`);
  const [n, inH, inW, c] = x.shape as [number, number, number, number];
  const padding = strAttr(ctx.attrs, 'padding', 'SAME');
  const sH = stepAttr(ctx.attrs, 'strideH'), sW = stepAttr(ctx.attrs, 'strideW');
  const fH = intAttr(ctx.attrs, 'filterHeight', 1), fW = intAttr(ctx.attrs, 'filterWidth', 1);
  const outH = convOutSize(padding, inH, fH, sH, 1);
  const outW = convOutSize(padding, inW, fW, sW, 1);
  const padT = convPadding(sH, 1, inH, fH, outH);
  const padL = convPadding(sW, 1, inW, fW, outW);
  const out = ctx.output(0, [n, outH, outW, c]);
  if (out.data.length === 0) return;
  const [lo, hi] = clampRange(ctx);
  const h = beginCall();
  const xp = h.putF32(f32(x));
  const op = h.scratch(out.data.length * 4);
  h.inst.exports.pool2d_f32(isMax ? 1 : 0, xp, n, inH, inW, c, fH, fW, sH, sW, padT, padL, outH, outW, op, lo, hi);
  h.getF32(op, f32(out));
}
