// tfl.SOFTMAX over the last axis with `beta`. f32: exp((x − max)·β) normalised in float32.
// i8/u8 (output i8/u8/i16) with TFLite's fixed-point algorithm: exp of the scaled differences in
// gemmlowp Q5.26 → Q0, summed in Q12, multiplied by the fixed-point reciprocal of the sum, and
// written with output scale 1/2^bits and zero point at the type's minimum. i16 → i16 with
// TFLite's interpolated tables of e^x on [−10, 0] and 1/(1+x) on [0, 1].
import { expOnNegativeValues, genInt16Lut, getReciprocal, int16TableLookup, intRange, multiplyByQuantizedMultiplier, quantizeMultiplier, roundingDivideByPOT, srdhm } from '../fixed-point';
import { kernel, nums, qp } from './elementwise-utils';
import { prepareSoftmaxScaling, SCALED_DIFF_INTEGER_BITS } from './softmax-utils';

const ACCUM_INTEGER_BITS = 12;

export const softmax = kernel('tfl.SOFTMAX', {
  supports(node) {
    const a = node.inputs[0]?.dtype, b = node.outputs[0]?.dtype;
    if (a === 'f32' && b === 'f32') return true;
    if ((a === 'i8' || a === 'u8') && (b === 'i8' || b === 'u8' || b === 'i16')) return true;
    if (a === 'i16' && b === 'i16') return true;
    return `softmax ${a} → ${b} is not supported`;
  },
  prepare(ctx) {
    const a = ctx.inputs[0]!;
    if (a.dtype === 'f32') return;
    if (a.dtype === 'i16') {
      const beta = Math.fround(Number(ctx.attrs['beta'] ?? 1));
      ctx.cache['q16'] = {
        ...quantizeMultiplier(Math.fround(qp(a, ctx.node).scale * beta) / (10 / 65535)),
        expLut: genInt16Lut(Math.exp, -10, 0, -1, 1),
        recipLut: genInt16Lut((v) => 1 / (1 + v), 0, 1, -1, 1),
      };
      return;
    }
    const { multiplier, leftShift, diffMin } = prepareSoftmaxScaling(Math.fround(Number(ctx.attrs['beta'] ?? 1)), qp(a, ctx.node).scale);
    // exp of every possible difference from the row max (0 … −255), in Q0; −1 marks "ignored"
    const exps = new Int32Array(256);
    for (let d = 0; d < 256; d++) {
      exps[d] = -d >= diffMin ? expOnNegativeValues(multiplyByQuantizedMultiplier(-d, multiplier, leftShift), SCALED_DIFF_INTEGER_BITS) : -1;
    }
    ctx.cache['exps'] = exps;
  },
  run(ctx) {
    const a = ctx.inputs[0]!;
    const out = ctx.output(0, a.shape);
    const x = nums(a), z = nums(out);
    const depth = a.shape.length ? a.shape[a.shape.length - 1]! : 1;
    const rows = depth ? x.length / depth : 0;
    if (a.dtype === 'f32') {
      softmaxF32(x as Float32Array, z as Float32Array, rows, depth, Math.fround(Number(ctx.attrs['beta'] ?? 1)));
      return;
    }
    if (a.dtype === 'i16') {
      softmaxInt16(ctx.cache['q16'] as Int16SoftmaxParams, x, z, rows, depth);
      return;
    }
    const exps = ctx.cache['exps'] as Int32Array;
    const [lo, hi] = intRange(out.dtype);
    const outBits = out.dtype === 'i16' ? 16 : 8;
    for (let r = 0, o = 0; r < rows; r++, o += depth) {
      let max = -Infinity;
      for (let c = 0; c < depth; c++) if (x[o + c]! > max) max = x[o + c]!;
      let sum = 0; // Q12
      for (let c = 0; c < depth; c++) {
        const e = exps[max - x[o + c]!]!;
        if (e >= 0) sum = (sum + roundingDivideByPOT(e, ACCUM_INTEGER_BITS)) | 0;
      }
      const { reciprocal, numBitsOverUnit } = getReciprocal(sum, ACCUM_INTEGER_BITS);
      const shift = numBitsOverUnit + 31 - outBits;
      for (let c = 0; c < depth; c++) {
        const e = exps[max - x[o + c]!]!;
        if (e >= 0) {
          const v = roundingDivideByPOT(srdhm(reciprocal, e), shift) + lo;
          z[o + c] = v < lo ? lo : v > hi ? hi : v;
        } else {
          z[o + c] = lo;
        }
      }
    }
  },
});

/** Float32 softmax of each `depth`-long row: exp((x − max)·β) / Σ, every step rounded to float32. */
function softmaxF32(x: Float32Array, z: Float32Array, rows: number, depth: number, beta: number): void {
  for (let r = 0, o = 0; r < rows; r++, o += depth) {
    const end = o + depth;
    let max = -Infinity;
    for (let i = o; i < end; i++) if (x[i]! > max) max = x[i]!;
    let sum = 0;
    for (let i = o; i < end; i++) {
      const d = Math.fround(Math.fround(x[i]! - max) * beta);
      const e = d < -104 ? 0 : Math.fround(Math.exp(d)); // e^d rounds to +0 in float32 below −104
      z[i] = e;
      sum = Math.fround(sum + e);
    }
    const inv = Math.fround(1 / sum);
    for (let i = o; i < end; i++) z[i] = z[i]! * inv;
  }
}

interface Int16SoftmaxParams { multiplier: number; shift: number; expLut: Int16Array; recipLut: Int16Array }

function softmaxInt16(p: Int16SoftmaxParams, x: ArrayLike<number>, z: { [i: number]: number }, rows: number, depth: number): void {
  const exps = new Int16Array(depth);
  for (let r = 0, o = 0; r < rows; r++, o += depth) {
    let max = -32768;
    for (let c = 0; c < depth; c++) if (x[o + c]! > max) max = x[o + c]!;
    let sum = 0; // Q16.15
    for (let c = 0; c < depth; c++) {
      // [−65535, 0] ↦ [−10, 0], recentred on [−32768, 32767]
      const scaled = multiplyByQuantizedMultiplier(x[o + c]! - max, p.multiplier, p.shift) + 32767;
      exps[c] = int16TableLookup(scaled < -32768 ? -32768 : scaled > 32767 ? 32767 : scaled, p.expLut);
      sum += exps[c]!;
    }
    const headroomPlusOne = Math.clz32(sum);
    const shiftedSum = Math.floor((sum * 2 ** (headroomPlusOne - 1) + (1 << 13)) / 16384);
    const symShiftedSum = shiftedSum - ((1 << 15) + (1 << 16));
    const reciprocal = int16TableLookup(symShiftedSum < -32768 ? -32768 : symShiftedSum > 32767 ? 32767 : symShiftedSum, p.recipLut);
    const rightShift = 31 - headroomPlusOne;
    const round = 2 ** (rightShift - 1);
    for (let c = 0; c < depth; c++) {
      const v = Math.floor((exps[c]! * reciprocal + round) / 2 ** rightShift);
      z[o + c] = v < 0 ? 0 : v > 32767 ? 32767 : v;
    }
  }
}
