// tfl.L2_NORMALIZATION over the last axis: x / max(sqrt(Σx²), 1e-6) for float32; uint8 / int8
// with TFLite's fixed-point inverse square root and its fixed output scale 1/128.
import type { KernelConfig } from '../../../kernel';
import { fail, numeric, requireInput } from './conv-utils';
import { invSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier, multiplyByQuantizedMultiplierSmallerThanOneExp } from './nn-quant-utils';

export const l2Normalization: KernelConfig = {
  op: 'tfl.L2_NORMALIZATION',
  backend: 'reference',
  supports(node) {
    const input = node.inputs[0];
    if (!input) return 'input is required';
    if (!['f32', 'u8', 'i8'].includes(input.dtype)) return `input dtype ${input.dtype} is not supported (f32, u8, i8)`;
    const act = node.attrs.fusedActivationFunction ?? 'NONE';
    if (act !== 'NONE') return `fused activation ${String(act)} is not supported (TFLite allows NONE only)`;
    if (input.dtype !== 'f32' && !input.quant) return 'quantized input needs quantization parameters';
    return true;
  },
  run(ctx) {
    const input = requireInput(ctx, 0, 'input');
    if (input.shape.length === 0) fail(ctx.node, 'input must have at least one dim');
    const depth = input.shape[input.shape.length - 1]!;
    const outer = depth === 0 ? 0 : input.data.length / depth;
    const x = numeric(input);
    const o = numeric(ctx.output(0, input.shape));
    if (input.dtype === 'f32') {
      for (let r = 0; r < outer; r++) {
        let sq = 0;
        for (let c = 0; c < depth; c++) {
          const v = x[r * depth + c] as number;
          sq = Math.fround(sq + Math.fround(v * v));
        }
        const norm = Math.max(Math.fround(Math.sqrt(sq)), 1e-6);
        for (let c = 0; c < depth; c++) o[r * depth + c] = (x[r * depth + c] as number) / norm;
      }
      return;
    }
    const zp = input.quant!.zeroPoint[0] ?? 0;
    for (let r = 0; r < outer; r++) {
      let acc = 0;
      for (let c = 0; c < depth; c++) {
        const d = (x[r * depth + c] as number) - zp;
        acc += d * d;
      }
      const [mult, shift] = invSqrtQuantizedMultiplierExp(acc | 0, -1);
      for (let c = 0; c < depth; c++) {
        const d = (x[r * depth + c] as number) - zp;
        let v: number;
        if (input.dtype === 'u8') {
          v = 128 + multiplyByQuantizedMultiplierSmallerThanOneExp(128 * d, mult, shift);
          v = v < 0 ? 0 : v > 255 ? 255 : v;
        } else {
          v = multiplyByQuantizedMultiplier(d, mult, shift + 7);
          v = v < -128 ? -128 : v > 127 ? 127 : v;
        }
        o[r * depth + c] = v;
      }
    }
  },
};
