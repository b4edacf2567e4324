// tfl.LOCAL_RESPONSE_NORMALIZATION (float32, as in TFLite) over the last axis:
// out = x · (bias + alpha · Σ_{|c'−c| ≤ radius} x_{c'}²)^(−beta). The window is inclusive on both
// sides, as in TensorFlow and TFLite's default (optimized) kernel.
import type { KernelConfig } from '../../../kernel';
import { fail, floatAttr, intAttr, numeric, requireInput } from './conv-utils';

export const localResponseNormalization: KernelConfig = {
  op: 'tfl.LOCAL_RESPONSE_NORMALIZATION',
  backend: 'reference',
  supports(node) {
    const input = node.inputs[0];
    if (!input) return 'input is required';
    if (input.dtype !== 'f32') return `LOCAL_RESPONSE_NORMALIZATION supports float32 only, got ${input.dtype}`;
    return true;
  },
  run(ctx) {
    const input = requireInput(ctx, 0, 'input');
    if (input.shape.length !== 4) fail(ctx.node, `expects a 4-D input, got [${input.shape}]`);
    const radius = intAttr(ctx.attrs, 'radius', 0);
    const bias = floatAttr(ctx.attrs, 'bias', 0);
    const alpha = floatAttr(ctx.attrs, 'alpha', 0);
    const beta = floatAttr(ctx.attrs, 'beta', 0);
    const depth = input.shape[3]!;
    const outer = depth === 0 ? 0 : input.data.length / depth;
    const x = numeric(input);
    const o = numeric(ctx.output(0, input.shape));
    for (let r = 0; r < outer; r++) {
      const base = r * depth;
      for (let c = 0; c < depth; c++) {
        const lo = Math.max(0, c - radius);
        const hi = Math.min(depth - 1, c + radius);
        let acc = 0;
        for (let k = lo; k <= hi; k++) {
          const v = x[base + k] as number;
          acc += v * v;
        }
        o[base + c] = (x[base + c] as number) * Math.pow(bias + alpha * acc, -beta);
      }
    }
  },
};
