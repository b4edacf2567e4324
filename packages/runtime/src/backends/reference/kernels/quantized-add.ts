// TFLite's quantized ADD/SUB arithmetic (int8/uint8 with left shift 20, int16 with 15): both
// inputs are brought to a common scale 2·max(s1, s2) with 2^leftShift headroom, summed in int32,
// then rescaled to the output. int16 SUB runs as an ADD with the second multiplier negated, as
// TFLite and TFLM do; int16 with power-of-two scales (pot_scale_int16) uses the shift-only path.
import type { KernelContext } from '../../../kernel';
import { activationRangeQuantized, clamp, intRange, multiplyByQuantizedMultiplier, quantizeMultiplier, roundingDivideByPOT } from '../fixed-point';
import { fusedActivation, isQuantizedDtype, qp } from './elementwise-utils';

export interface QuantizedAddParams {
  kind: 'general' | 'pot';
  in1Offset: number; in2Offset: number; outOffset: number; leftShift: number;
  m1: number; s1: number; m2: number; s2: number; mo: number; so: number;
  lo: number; hi: number;
  subtract: boolean;
  /** Lowest raw value of each input's dtype (the rescale tables start there). */
  min1: number; min2: number; max1: number; max2: number;
}

/** log2 of `x` when it is (within 1e-3) a power of two, else undefined (TFLite's CheckedLog2). */
function checkedLog2(x: number): number | undefined {
  const l = Math.fround(Math.fround(Math.log(x)) * Math.fround(1 / Math.log(2)));
  const r = Math.round(l);
  return Math.abs(l - r) < 1e-3 ? r : undefined;
}

export function prepareQuantizedAddSub(ctx: KernelContext, subtract: boolean): QuantizedAddParams {
  const node = ctx.node;
  const a = ctx.inputs[0]!, b = ctx.inputs[1]!;
  const out = node.outputs[0]!;
  const q1 = qp(a, node), q2 = qp(b, node), qo = qp(out, node);
  const [lo, hi] = activationRangeQuantized(fusedActivation(ctx), isQuantizedDtype(out.dtype) ? out.dtype : b.dtype, qo.scale, qo.zeroPoint);
  const outDtype = isQuantizedDtype(out.dtype) ? out.dtype : b.dtype;
  const int16 = outDtype === 'i16';
  if (int16 && ctx.attrs['potScaleInt16'] !== false && a.shape.join() === b.shape.join()) {
    const l1 = checkedLog2(q1.scale), l2 = checkedLog2(q2.scale), lo2 = checkedLog2(qo.scale);
    if (l1 !== undefined && l2 !== undefined && lo2 !== undefined) {
      return { kind: 'pot', in1Offset: 0, in2Offset: 0, outOffset: 0, leftShift: 0, m1: 0, s1: l1 - lo2, m2: 0, s2: l2 - lo2, mo: 0, so: 0, lo, hi, subtract, min1: 0, min2: 0, max1: 0, max2: 0 };
    }
  }
  const leftShift = int16 ? 15 : 20;
  const twiceMax = 2 * Math.max(q1.scale, q2.scale);
  const r1 = quantizeMultiplier(q1.scale / twiceMax);
  const r2 = quantizeMultiplier(q2.scale / twiceMax);
  const ro = quantizeMultiplier(twiceMax / (2 ** leftShift * qo.scale));
  // int16 SUB is an ADD with the second input's multiplier negated (int8/uint8 subtract instead).
  const negate = subtract && int16;
  return {
    kind: 'general', in1Offset: -q1.zeroPoint, in2Offset: -q2.zeroPoint, outOffset: qo.zeroPoint, leftShift,
    m1: r1.multiplier, s1: r1.shift, m2: negate ? -r2.multiplier : r2.multiplier, s2: r2.shift, mo: ro.multiplier, so: ro.shift,
    lo, hi, subtract: subtract && !int16,
    min1: intRange(a.dtype)[0], max1: intRange(a.dtype)[1], min2: intRange(b.dtype)[0], max2: intRange(b.dtype)[1],
  };
}

/** The per-element function of a prepared quantized ADD/SUB (raw input values → raw output). */
export function quantizedAddSubFn(p: QuantizedAddParams): (x: number, y: number) => number {
  const { lo, hi } = p;
  if (p.kind === 'pot') {
    // Shift-only int16 path: the input with the larger scale is right-shifted onto the other's.
    return (x, y) => {
      const sx = p.s1 < 0 ? roundingDivideByPOT(x, -p.s1) : x;
      const sy = p.s2 < 0 ? roundingDivideByPOT(y, -p.s2) : y;
      const r = clamp(p.subtract ? sx - sy : sx + sy, -32768, 32767);
      return clamp(r, lo, hi);
    };
  }
  // The rescaled value of each possible raw input is tabulated once (inputs are 8/16-bit).
  const shift = 2 ** p.leftShift;
  const ta = rescaleTable(p.min1, p.max1, p.in1Offset, shift, p.m1, p.s1);
  const tb = rescaleTable(p.min2, p.max2, p.in2Offset, shift, p.m2, p.s2);
  const { min1, min2 } = p;
  return (x, y) => {
    const a = ta[x - min1]!, b = tb[y - min2]!;
    const raw = multiplyByQuantizedMultiplier(p.subtract ? (a - b) | 0 : (a + b) | 0, p.mo, p.so) + p.outOffset;
    return raw < lo ? lo : raw > hi ? hi : raw;
  };
}

/** multiplyByQuantizedMultiplier((q + offset)·2^leftShift) for every raw q in [min, max]. */
function rescaleTable(min: number, max: number, offset: number, shift: number, m: number, s: number): Int32Array {
  const t = new Int32Array(max - min + 1);
  for (let q = min; q <= max; q++) t[q - min] = multiplyByQuantizedMultiplier(((q + offset) * shift) | 0, m, s);
  return t;
}
