// gemmlowp's fixed-point logistic and tanh on int16 raw values (FixedPoint<int16_t, N>), as
// TFLite's integer LSTM applies them to its Q3.12 gates (tensor_utils ApplySigmoid/ApplyTanh).
// Every step follows gemmlowp's int16 arithmetic: wrapping +/−, SaturatingRoundingDoublingHighMul
// for ×, constants rounded from their int32 definitions.
import { roundingDivideByPOT } from './nn-quant-utils';

const I16_MIN = -32768;
const I16_MAX = 32767;

const wrap = (x: number): number => (x << 16) >> 16;

function mul(a: number, b: number): number {
  if (a === b && a === I16_MIN) return I16_MAX;
  const ab = a * b;
  const nudge = ab >= 0 ? 1 << 14 : 1 - (1 << 14);
  return wrap(Math.trunc((ab + nudge) / 32768));
}

/** SaturatingRoundingMultiplyByPOT<e> for int16. */
function mulByPot(x: number, e: number): number {
  if (e === 0) return x;
  if (e < 0) return roundingDivideByPOT(x, -e);
  const threshold = (1 << (15 - e)) - 1;
  if (x > threshold) return I16_MAX;
  if (x < -threshold) return I16_MIN;
  return wrap(x << e);
}

/** An int32 gemmlowp constant rescaled to int16. */
const k16 = (v: number): number => roundingDivideByPOT(v, 16);

const EXP_CONST_TERM = k16(1895147668);
const ONE_THIRD = k16(715827883);
const C48_17 = k16(1515870810);
const CNEG32_17 = k16(-1010580540);
const BARREL: [number, number][] = [
  [-2, k16(1672461947)], [-1, k16(1302514674)], [0, k16(790015084)], [1, k16(290630308)],
  [2, k16(39332535)], [3, k16(720401)], [4, k16(242)],
];

/** exp(a) for a in [−1/4, 0), a in Q0.15. */
function expOnIntervalQuarter(a: number): number {
  const x = wrap(a + (1 << 12)); // + 1/8
  const x2 = mul(x, x);
  const x3 = mul(x2, x);
  const x4 = mul(x2, x2);
  const x4over4 = mulByPot(x4, -2);
  const poly = mulByPot(wrap(mul(wrap(x4over4 + x3), ONE_THIRD) + x2), -1);
  const r = EXP_CONST_TERM + mul(EXP_CONST_TERM, wrap(x + poly));
  return r > I16_MAX ? I16_MAX : r < I16_MIN ? I16_MIN : r; // AddSaturatingIf16Bit
}

/** exp(a) for a ≤ 0 given in Q(intBits).(15 − intBits); result in Q0.15. */
function expOnNegativeValues(a: number, intBits: number): number {
  const frac = 15 - intBits;
  const quarter = 1 << (frac - 2);
  const aModQuarterMinusQuarter = wrap((a & (quarter - 1)) - quarter);
  let result = expOnIntervalQuarter(mulByPot(aModQuarterMinusQuarter, intBits));
  const remainder = wrap(aModQuarterMinusQuarter - a);
  for (const [exponent, multiplier] of BARREL) {
    if (intBits > exponent) {
      const shift = frac + exponent;
      if (remainder & (1 << shift)) result = mul(result, multiplier);
    }
  }
  if (intBits > 5) {
    const clamp = k16(-(1 << (36 - intBits)));
    if (a < clamp) result = 0;
  }
  return a === 0 ? I16_MAX : result;
}

/** Newton–Raphson 1/(1+x) (or (1−x)/(1+x) with `minusOne`) for x in (0, 1), Q0.15 → Q0.15. */
function newtonDivide(a: number, minusOne: boolean): number {
  const sum = a + I16_MAX;
  const halfDen = wrap(Math.trunc((sum + (sum >= 0 ? 1 : -1)) / 2)); // RoundingHalfSum
  const oneF2 = 1 << 13;
  let x = wrap(C48_17 + mul(halfDen, CNEG32_17));
  for (let i = 0; i < 3; i++) {
    const hdx = mul(halfDen, x);
    const oneMinus = wrap(oneF2 - hdx);
    x = wrap(x + mulByPot(mul(x, oneMinus), 2));
  }
  return minusOne ? mulByPot(wrap(x - oneF2), 2) : mulByPot(x, 1); // Rescale<0>(ExactMulByPot<-1>(x))
}

/** gemmlowp::logistic on FixedPoint<int16_t, intBits>; result in Q0.15. */
export function logisticQ16(a: number, intBits: number): number {
  if (a === 0) return k16(1 << 30);
  const abs = a > 0 ? a : wrap(-a);
  const pos = newtonDivide(expOnNegativeValues(wrap(-abs), intBits), false);
  return a > 0 ? pos : wrap(I16_MAX - pos);
}

/** gemmlowp::tanh on FixedPoint<int16_t, intBits>; result in Q0.15. */
export function tanhQ16(a: number, intBits: number): number {
  if (a === 0) return 0;
  const n = a < 0 ? a : wrap(-a);
  // ExactMulByPot<1>: the same raw value read with one more integer bit.
  const t = newtonDivide(expOnNegativeValues(n, intBits + 1), true);
  return a < 0 ? wrap(-t) : t;
}
