// tfl.LOG_SOFTMAX over the last axis. f32: x − max − log(Σ e^(x − max)) in float32.
// i8/u8 with TFLite's fixed-point algorithm (output scale 16/256, zero point 127 / 255): scaled
// differences in Q5.26, Σ exp in Q12, its log by the fixed-point log for x ≥ 1, outputs
// (diff − log Σ) rescaled to Q4 steps; entries too small to represent give the type's minimum.
import { expOnNegativeValues, intRange, logXForXGreaterThanOrEqualTo1, multiplyByQuantizedMultiplier, quantizeMultiplierSmallerThanOneExp, roundingDivideByPOT } from '../fixed-point';
import { kernel, nums, qp } from './elementwise-utils';
import { prepareSoftmaxScaling, SCALED_DIFF_INTEGER_BITS } from './softmax-utils';

interface LogSoftmaxParams { multiplier: number; leftShift: number; diffMin: number; reverseMultiplier: number; reverseShift: number }

const ACCUM_INTEGER_BITS = 12;
const OUTPUT_INTEGER_BITS = 4;

export const logSoftmax = kernel('tfl.LOG_SOFTMAX', {
  supports(node) {
    const a = node.inputs[0]?.dtype;
    return a === 'f32' || a === 'i8' || a === 'u8' ? true : `log softmax of ${a} is not supported (f32, i8, u8)`;
  },
  prepare(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') return;
    const base = prepareSoftmaxScaling(1, qp(a, ctx.node).scale);
    const reverse = quantizeMultiplierSmallerThanOneExp(2 ** (31 - base.leftShift) / base.multiplier);
    ctx.cache['q'] = { ...base, reverseMultiplier: reverse.multiplier, reverseShift: reverse.shift } satisfies LogSoftmaxParams;
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    const out = ctx.output(0, a.shape);
    const x = nums(a), z = nums(out);
    const depth = a.shape.length ? a.shape[a.shape.length - 1]! : 1;
    const rows = depth ? x.length / depth : 0;
    if (a.dtype === 'f32') {
      for (let r = 0, o = 0; r < rows; r++, o += depth) {
        let max = -Infinity;
        for (let c = 0; c < depth; c++) if (x[o + c]! > max) max = x[o + c]!;
        let sum = 0;
        for (let c = 0; c < depth; c++) sum = Math.fround(sum + Math.fround(Math.exp(Math.fround(x[o + c]! - max))));
        const logSum = Math.fround(Math.log(sum));
        for (let c = 0; c < depth; c++) z[o + c] = Math.fround(x[o + c]! - max) - logSum;
      }
      return;
    }
    const p = ctx.cache['q'] as LogSoftmaxParams;
    const [lo, hi] = intRange(a.dtype);
    for (let r = 0, o = 0; r < rows; r++, o += depth) {
      let max = lo;
      for (let c = 0; c < depth; c++) if (x[o + c]! > max) max = x[o + c]!;
      let sum = 0; // Q12
      for (let c = 0; c < depth; c++) {
        const diff = x[o + c]! - max;
        if (diff >= p.diffMin) {
          const e = expOnNegativeValues(multiplyByQuantizedMultiplier(diff, p.multiplier, p.leftShift), SCALED_DIFF_INTEGER_BITS);
          sum = (sum + roundingDivideByPOT(e, ACCUM_INTEGER_BITS)) | 0;
        }
      }
      const logSum = logXForXGreaterThanOrEqualTo1(sum, ACCUM_INTEGER_BITS, SCALED_DIFF_INTEGER_BITS); // Q5
      const shiftedLogSum = (logSum - 2147483648) | 0;
      const adjustedDiffMin = Math.max(p.diffMin - 1, multiplyByQuantizedMultiplier(shiftedLogSum, p.reverseMultiplier, p.reverseShift));
      for (let c = 0; c < depth; c++) {
        const diff = x[o + c]! - max;
        if (diff > adjustedDiffMin) {
          const d = multiplyByQuantizedMultiplier(diff, p.multiplier, p.leftShift);
          const v = roundingDivideByPOT((d - logSum) | 0, 31 - SCALED_DIFF_INTEGER_BITS - OUTPUT_INTEGER_BITS) + hi;
          z[o + c] = v < lo ? lo : v > hi ? hi : v;
        } else {
          z[o + c] = lo;
        }
      }
    }
  },
});
