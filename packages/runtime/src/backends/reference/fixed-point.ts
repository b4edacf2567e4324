// Integer math shared by every quantized kernel: TFLite's quantized-multiplier arithmetic and
// gemmlowp's Q-format fixed-point functions (exp, 1/(1+x), logistic, tanh), reproduced bit for
// bit. Every value here is an int32 held in a JS number; products that need 64 bits are split
// into 16-bit halves so no BigInt is ever used, and every intermediate stays an exact integer
// below 2^53.
//
// Notation: a "Qm" value is an int32 raw `r` standing for r / 2^(31-m) (m integer bits).

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const TWO_POW_31 = 2147483648;

/** A real multiplier as TFLite stores it: `multiplier` (Q0.31, in [2^30, 2^31) or 0) × 2^shift. */
export interface QuantizedMultiplier {
  multiplier: number;
  shift: number;
}

/**
 * Rounds half away from zero, like C's `std::round` (TFLite's `TfLiteRound`), unlike `Math.round`
 * which rounds half towards +∞.
 */
export function roundHalfAway(x: number): number {
  const a = Math.abs(x);
  let r = Math.floor(a);
  if (a - r >= 0.5) r += 1;
  return x < 0 ? -r : r;
}

/** Rounds half to even (C's `nearbyint` under the default rounding mode, numpy's `round`). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round takes .5 up; for an exact tie at an odd result step back to the even neighbour.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Splits a real multiplier into a Q0.31 significand and a power-of-two exponent, as TFLite's
 * `QuantizeMultiplier` does: frexp, round the significand to 31 bits (half away from zero), carry
 * a rounded-up 1.0 into the exponent, and flush multipliers below about 2^-31 to zero (shift 0).
 * Negative multipliers give negative significands. Zero gives {0, 0}.
 */
export function quantizeMultiplier(realMultiplier: number): QuantizedMultiplier {
  if (realMultiplier === 0 || !Number.isFinite(realMultiplier)) return { multiplier: 0, shift: 0 };
  const [q, e] = frexp(realMultiplier);
  let shift = e;
  let qFixed = roundHalfAway(q * TWO_POW_31);
  if (qFixed === TWO_POW_31) {
    qFixed /= 2;
    shift += 1;
  }
  if (shift < -31) return { multiplier: 0, shift: 0 };
  return { multiplier: qFixed, shift };
}

/**
 * `quantizeMultiplier` for multipliers in (0, 1): the shift is ≤ 0 (a right shift). TFLite's
 * `QuantizeMultiplierSmallerThanOneExp`; throws when the multiplier is outside (0, 1).
 */
export function quantizeMultiplierSmallerThanOneExp(realMultiplier: number): QuantizedMultiplier {
  if (!(realMultiplier > 0 && realMultiplier < 1)) {
    throw new RangeError(`quantizeMultiplierSmallerThanOneExp: multiplier ${realMultiplier} is not in (0, 1)`);
  }
  return quantizeMultiplier(realMultiplier);
}

/**
 * `quantizeMultiplier` for multipliers > 1: the shift is ≥ 0 (a left shift). TFLite's
 * `QuantizeMultiplierGreaterThanOne`; throws when the multiplier is not above 1.
 */
export function quantizeMultiplierGreaterThanOne(realMultiplier: number): QuantizedMultiplier {
  if (!(realMultiplier > 1)) {
    throw new RangeError(`quantizeMultiplierGreaterThanOne: multiplier ${realMultiplier} is not > 1`);
  }
  return quantizeMultiplier(realMultiplier);
}

/** C's frexp: x = q · 2^e with 0.5 ≤ |q| < 1 (x finite and non-zero). */
export function frexp(x: number): [number, number] {
  if (Math.abs(x) < 2 ** -1000) {
    // keep 2^-e finite for subnormals: pre-scale by 2^64
    const [q, e] = frexp(x * 2 ** 64);
    return [q, e - 64];
  }
  let e = Math.floor(Math.log2(Math.abs(x))) + 1;
  let q = x * 2 ** -e;
  // log2 can be off by one near powers of two; fix up.
  while (Math.abs(q) < 0.5) {
    q *= 2;
    e -= 1;
  }
  while (Math.abs(q) >= 1) {
    q /= 2;
    e += 1;
  }
  return [q, e];
}

/**
 * gemmlowp's `SaturatingRoundingDoublingHighMul`: the high 32 bits of 2·a·b, rounded to nearest
 * (ties towards +∞, which is what its "nudge then truncate" amounts to), saturating the single
 * overflow case a = b = INT32_MIN to INT32_MAX. Equivalent to ⌊(a·b + 2^30) / 2^31⌋; the 62-bit
 * product is formed exactly from 16-bit halves of `a`.
 */
export function srdhm(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const hi = (a >> 16) * b; // |hi| ≤ 2^46, exact
  const lo = (a & 0xffff) * b + 0x40000000; // |lo| < 2^48, exact
  // ⌊(hi·2^16 + lo) / 2^31⌋ = ⌊(hi + ⌊lo / 2^16⌋) / 2^15⌋
  return Math.floor((hi + Math.floor(lo / 65536)) / 32768);
}

/**
 * gemmlowp's `RoundingDivideByPOT`: x / 2^exponent rounded to nearest, ties away from zero
 * (exponent in [0, 31]).
 */
export function roundingDivideByPOT(x: number, exponent: number): number {
  const mask = ((1 << exponent) - 1) | 0;
  const remainder = x & mask;
  const threshold = (mask >> 1) + (x < 0 ? 1 : 0);
  return (x >> exponent) + (remainder > threshold ? 1 : 0);
}

/**
 * gemmlowp's `SaturatingRoundingMultiplyByPOT`: x · 2^exponent; left shifts saturate to the int32
 * range, right shifts round like `roundingDivideByPOT`.
 */
export function saturatingRoundingMultiplyByPOT(x: number, exponent: number): number {
  if (exponent === 0) return x;
  if (exponent < 0) return roundingDivideByPOT(x, -exponent);
  const threshold = (1 << (31 - exponent)) - 1;
  if (x > threshold) return INT32_MAX;
  if (x < -threshold) return INT32_MIN;
  return x << exponent;
}

/**
 * TFLite's `MultiplyByQuantizedMultiplier` for int32 x in its default (double-rounding) build:
 * shift left (wrapping int32 multiply) when shift > 0, SRDHM by the Q0.31 multiplier, then a
 * rounding right shift when shift < 0. Computes x · multiplier · 2^(shift-31).
 */
export function multiplyByQuantizedMultiplier(x: number, multiplier: number, shift: number): number {
  if (shift > 0) return srdhm(Math.imul(x, 1 << shift), multiplier);
  return roundingDivideByPOT(srdhm(x, multiplier), -shift);
}

/**
 * TFLite's `MultiplyByQuantizedMultiplierSmallerThanOneExp` (shift ≤ 0):
 * SRDHM then a rounding right shift by -shift.
 */
export function multiplyByQuantizedMultiplierSmallerThanOneExp(x: number, multiplier: number, shift: number): number {
  return roundingDivideByPOT(srdhm(x, multiplier), -shift);
}

/**
 * TFLite's `MultiplyByQuantizedMultiplierGreaterThanOne` (leftShift ≥ 0):
 * wrapping x·2^leftShift, then SRDHM.
 */
export function multiplyByQuantizedMultiplierGreaterThanOne(x: number, multiplier: number, leftShift: number): number {
  return srdhm(Math.imul(x, 1 << leftShift), multiplier);
}

/**
 * TFLite's `MultiplyByQuantizedMultiplier` for a 64-bit accumulator (int16x8 conv/FC and the
 * int16 add/sub paths): the multiplier is reduced to 15 bits (rounded, capped at 0x7FFF), then
 * ⌊(x · reduced + 2^(14-shift)) / 2^(15-shift)⌋, truncated to int32. `x` must be an integer with
 * |x| < 2^47 (held exactly in a number); `shift` in [-31, 7].
 */
export function multiplyByQuantizedMultiplierInt64(x: number, multiplier: number, shift: number): number {
  const reduced = multiplier < 0x7fff0000 ? (multiplier + 32768) >> 16 : 0x7fff;
  const totalShift = 15 - shift;
  // x = xh·2^24 + xl with 0 ≤ xl < 2^24, so x·reduced = (xh·reduced)·2^24 + xl·reduced, both exact.
  const xh = Math.floor(x / 16777216);
  const xl = x - xh * 16777216;
  const a = xh * reduced;
  const b = xl * reduced + 2 ** (totalShift - 1);
  let r: number;
  if (totalShift >= 24) r = Math.floor((a + Math.floor(b / 16777216)) / 2 ** (totalShift - 24));
  else r = a * 2 ** (24 - totalShift) + Math.floor(b / 2 ** totalShift);
  return r | 0;
}

/** Clamps `v` to [lo, hi]. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** The representable range of an integer dtype. */
export function intRange(dtype: string): [number, number] {
  switch (dtype) {
    case 'i8': return [-128, 127];
    case 'u8': return [0, 255];
    case 'i16': return [-32768, 32767];
    case 'u16': return [0, 65535];
    case 'i32': return [INT32_MIN, INT32_MAX];
    case 'u32': return [0, 4294967295];
    case 'i4': return [-8, 7];
    default: throw new RangeError(`no integer range for dtype '${dtype}'`);
  }
}

/**
 * TFLite's `CalculateActivationRangeQuantized`: the clamp range of a fused activation
 * ('NONE' | 'RELU' | 'RELU6' | 'RELU_N1_TO_1' | …) in the output's quantized domain. Real bounds
 * are quantized as zeroPoint + round(f / scale) with the division done in float32 and rounding
 * half away from zero; activations other than the three ReLUs only clamp to the dtype's range.
 */
export function activationRangeQuantized(
  activation: string | undefined,
  dtype: string,
  scale: number,
  zeroPoint: number,
): [number, number] {
  const [qmin, qmax] = intRange(dtype);
  const quantize = (f: number): number => zeroPoint + roundHalfAway(Math.fround(f / scale));
  switch (activation) {
    case 'RELU': return [Math.max(qmin, quantize(0)), qmax];
    case 'RELU6': return [Math.max(qmin, quantize(0)), Math.min(qmax, quantize(6))];
    case 'RELU_N1_TO_1': return [Math.max(qmin, quantize(-1)), Math.min(qmax, quantize(1))];
    default: return [qmin, qmax];
  }
}

/**
 * TFLite's `CalculateActivationRange` for float outputs: the clamp range of a fused activation.
 * (RELU_0_TO_1 is included for completeness.)
 */
export function activationRangeFloat(activation: string | undefined): [number, number] {
  switch (activation) {
    case 'RELU': return [0, Infinity];
    case 'RELU6': return [0, 6];
    case 'RELU_N1_TO_1': return [-1, 1];
    case 'RELU_0_TO_1': return [0, 1];
    default: return [-Infinity, Infinity];
  }
}

// ---------------------------------------------------------------------------------------------
// gemmlowp fixed-point functions. Raw int32 values; the Q format is in each name/doc.

/** Qm · Qn → Q(m+n): SRDHM of the raws. */
const mul = srdhm;

/** Adds two raws with int32 wrap-around (gemmlowp's int32 `+`). */
function add(a: number, b: number): number {
  return (a + b) | 0;
}

/** gemmlowp's `RoundingHalfSum`: (a + b) / 2 rounded to nearest, ties away from zero. */
export function roundingHalfSum(a: number, b: number): number {
  const sum = a + b;
  return Math.trunc((sum + (sum >= 0 ? 1 : -1)) / 2);
}

/** Q0 constant 1.0 (saturated: INT32_MAX). */
const Q0_ONE = INT32_MAX;

/**
 * gemmlowp's `exp_on_interval_between_negative_one_quarter_and_0_excl`: exp(a) for a Q0 value
 * a ∈ [-1/4, 0), by a 4th-order Taylor expansion around -1/8. Returns Q0.
 */
export function expOnIntervalBetweenNegativeOneQuarterAnd0Excl(a: number): number {
  const constantTerm = 1895147668; // exp(-1/8) in Q0
  const constant1Over3 = 715827883; // 1/3 in Q0
  const x = add(a, 1 << 28); // a + 1/8
  const x2 = mul(x, x);
  const x3 = mul(x2, x);
  const x4 = mul(x2, x2);
  const x4Over4 = roundingDivideByPOT(x4, 2);
  const poly = roundingDivideByPOT(add(mul(add(x4Over4, x3), constant1Over3), x2), 1);
  return add(constantTerm, mul(constantTerm, add(x, poly)));
}

/** Multipliers exp(-2^k) in Q0 for k = -2 … 4, used by the barrel shifter of `expOnNegativeValues`. */
const EXP_BARREL: readonly [number, number][] = [
  [-2, 1672461947], [-1, 1302514674], [0, 790015084], [1, 290630308], [2, 39332535], [3, 720401], [4, 242],
];

/**
 * gemmlowp's `exp_on_negative_values`: exp(a) for a ≤ 0 given in Q`integerBits`, returned in Q0.
 * The input is split into a remainder in [-1/4, 0) (Taylor expansion) and a multiple of 1/4 whose
 * bits select precomputed factors exp(-2^k); values below -32 give 0, a = 0 gives 1.
 */
export function expOnNegativeValues(a: number, integerBits: number): number {
  const fractionalBits = 31 - integerBits;
  const oneQuarter = 1 << (fractionalBits - 2);
  const mask = oneQuarter - 1;
  const aModQuarterMinusOneQuarter = ((a & mask) - oneQuarter) | 0;
  let result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
    saturatingRoundingMultiplyByPOT(aModQuarterMinusOneQuarter, integerBits),
  );
  const remainder = (aModQuarterMinusOneQuarter - a) | 0;
  for (const [exponent, multiplier] of EXP_BARREL) {
    if (integerBits > exponent) {
      const shiftAmount = fractionalBits + exponent;
      if (remainder & (1 << shiftAmount)) result = mul(result, multiplier);
    }
  }
  if (integerBits > 5) {
    const clampRaw = -(1 << (36 - integerBits)); // -32 in Q`integerBits`
    if (a < clampRaw) result = 0;
  }
  if (a === 0) result = Q0_ONE;
  return result;
}

/** Newton–Raphson for 1/(1 + a) in Q2 given halfDenominator = (1 + a)/2 in Q0 (3 iterations). */
function newtonReciprocalQ2(halfDenominator: number): number {
  const c48Over17 = 1515870810; // Q2
  const cNeg32Over17 = -1010580540; // Q2
  const Q2_ONE = 1 << 29;
  let x = add(c48Over17, mul(halfDenominator, cNeg32Over17));
  for (let i = 0; i < 3; i++) {
    const halfDenominatorTimesX = mul(halfDenominator, x);
    const oneMinus = add(Q2_ONE, -halfDenominatorTimesX | 0);
    x = add(x, saturatingRoundingMultiplyByPOT(mul(x, oneMinus), 2));
  }
  return x;
}

/** gemmlowp's `one_over_one_plus_x_for_x_in_0_1`: 1/(1 + a) for a Q0 value a ∈ [0, 1], in Q0. */
export function oneOverOnePlusXForXIn01(a: number): number {
  const x = newtonReciprocalQ2(roundingHalfSum(a, Q0_ONE));
  // x is 1/(1+a) in Q2 = 2·(1/(1+a)) in Q1 … rescaled to Q0 by a saturating left shift of 1.
  return saturatingRoundingMultiplyByPOT(x, 1);
}

/** gemmlowp's `one_minus_x_over_one_plus_x_for_x_in_0_1`: (1 - a)/(1 + a) for a Q0 value a ∈ [0, 1], in Q0. */
export function oneMinusXOverOnePlusXForXIn01(a: number): number {
  const x = newtonReciprocalQ2(roundingHalfSum(a, Q0_ONE));
  return saturatingRoundingMultiplyByPOT(add(x, -(1 << 29)), 2);
}

/** gemmlowp's `logistic`: 1/(1 + e^-a) for a in Q`integerBits`, returned in Q0. */
export function fixedLogistic(a: number, integerBits: number): number {
  if (a === 0) return 1 << 30;
  const absA = a > 0 ? a : -a | 0;
  const positive = oneOverOnePlusXForXIn01(expOnNegativeValues(-absA | 0, integerBits));
  return a > 0 ? positive : add(Q0_ONE, -positive | 0);
}

/** gemmlowp's `tanh`: tanh(a) for a in Q`integerBits`, returned in Q0. */
export function fixedTanh(a: number, integerBits: number): number {
  if (a === 0) return 0;
  const n = a < 0 ? a : -a | 0; // -|a|
  // tanh(-|a|)·(-1) = (1 - e^(-2|a|)) / (1 + e^(-2|a|)); -2|a| is the same raw in Q(integerBits+1).
  const t = oneMinusXOverOnePlusXForXIn01(expOnNegativeValues(n, integerBits + 1));
  return a < 0 ? -t | 0 : t;
}

/** Number of leading zero bits of x as an unsigned 32-bit value. */
export function countLeadingZeros(x: number): number {
  return Math.clz32(x);
}

/**
 * TFLite's `GetReciprocal`: 1/x for a positive value x in Q`integerDigits`, as a Q0 significand
 * plus the number of bits by which x exceeded 1.0 (`numBitsOverUnit`).
 */
export function getReciprocal(x: number, integerDigits: number): { reciprocal: number; numBitsOverUnit: number } {
  const headroomPlusOne = Math.clz32(x);
  const numBitsOverUnit = integerDigits - headroomPlusOne;
  const shiftedSumMinusOne = ((x << headroomPlusOne) - TWO_POW_31) | 0;
  return { reciprocal: oneOverOnePlusXForXIn01(shiftedSumMinusOne), numBitsOverUnit };
}

/**
 * TFLite's `CalculateInputRadius`: the largest |input − zeroPoint| (in input quantized units)
 * that does not saturate after rescaling by 2^inputLeftShift into Q`inputIntegerBits`.
 */
export function calculateInputRadius(inputIntegerBits: number, inputLeftShift: number, totalSignedBits = 31): number {
  const maxInputRescaled =
    (((1 << inputIntegerBits) - 1) * 2 ** (totalSignedBits - inputIntegerBits)) / 2 ** inputLeftShift;
  return Math.floor(maxInputRescaled);
}

/**
 * TFLite's `GetInvSqrtQuantizedMultiplierExp`: 1/√input for a positive int32 as a Q0.31 multiplier
 * and a shift (multiplied by `reverseShift`, −1 turning TFLite's right shift into a left shift).
 * The input is normalised into [2^27, 2^29) by pairs of bits, then five Newton–Raphson steps run
 * in Q3; inputs ≤ 1 give {INT32_MAX, 0}.
 */
export function invSqrtQuantizedMultiplierExp(input: number, reverseShift: number): QuantizedMultiplier {
  if (input <= 1) return { multiplier: INT32_MAX, shift: 0 };
  let shift = 11;
  while (input >= 1 << 29) {
    input = Math.trunc(input / 4);
    shift++;
  }
  const maxLeftShiftBits = Math.clz32(input) - 1;
  const leftShiftBitPairs = Math.floor(maxLeftShiftBits / 2) - 1;
  shift -= leftShiftBitPairs;
  input <<= 2 * leftShiftBitPairs;
  const fixedInput = input >> 1; // Q3
  const halfInput = roundingDivideByPOT(fixedInput, 1);
  const halfThree = (1 << 28) + (1 << 27); // 1.5 in Q3
  let x = 1 << 28; // 1.0 in Q3
  for (let i = 0; i < 5; i++) {
    const x3 = saturatingRoundingMultiplyByPOT(mul(mul(x, x), x), 6); // Q9 → Q3
    x = saturatingRoundingMultiplyByPOT((mul(halfThree, x) - mul(halfInput, x3)) | 0, 3); // Q6 → Q3
  }
  x = mul(x, 1518500250); // × √2/2 (Q0)
  if (shift < 0) {
    x <<= -shift;
    shift = 0;
  }
  return { multiplier: x, shift: shift * reverseShift };
}

/** int32 addition saturating to the int32 range. */
export function saturatingAdd(a: number, b: number): number {
  const s = a + b;
  return s > INT32_MAX ? INT32_MAX : s < INT32_MIN ? INT32_MIN : s;
}

/**
 * TFLite's `log_x_for_x_greater_than_or_equal_to_1`: ln(x) for x ≥ 1 given in Q`inputIntegerBits`,
 * returned in Q`outputIntegerBits`. x is normalised to r·2^k with r ∈ [√½, 1) (two candidate
 * normalisations, the better one kept), k·ln 2 is accumulated with one extra integer bit, and
 * ln r comes from a rational approximation around ⁴√½ using `oneOverOnePlusXForXIn01`.
 */
export function logXForXGreaterThanOrEqualTo1(x: number, inputIntegerBits: number, outputIntegerBits: number): number {
  const accumBits = outputIntegerBits + 1;
  const log2 = 1488522236, sqrtSqrtHalf = 1805811301, sqrtHalf = 1518500250, oneQuarter = 536870912;
  const alphaN = 117049297, alphaD = 127690142, alphaI = 1057819769, alphaF = 638450708;
  const shiftedQuarter = saturatingRoundingMultiplyByPOT(oneQuarter, -accumBits);

  const zA = x;
  const zAHeadroomPlus1 = Math.clz32(zA);
  const rATmp = saturatingRoundingMultiplyByPOT(zA, zAHeadroomPlus1 - 1);
  const rARaw = saturatingRoundingMultiplyByPOT(mul(rATmp, sqrtHalf), 1);
  const zAPow2Adj = saturatingAdd(saturatingRoundingMultiplyByPOT(inputIntegerBits - zAHeadroomPlus1, 31 - accumBits), shiftedQuarter);

  const zB = mul(zA, sqrtHalf);
  const zBHeadroom = Math.clz32(zB) - 1;
  const rBRaw = saturatingRoundingMultiplyByPOT(zA, zBHeadroom);
  const zBPow2Adj = saturatingAdd(saturatingRoundingMultiplyByPOT(inputIntegerBits - zBHeadroom, 31 - accumBits), -shiftedQuarter);

  const r = Math.min(rARaw, rBRaw);
  const zPow2Adj = Math.max(zAPow2Adj, zBPow2Adj);

  const p = roundingHalfSum(r, sqrtSqrtHalf);
  let q = (r - sqrtSqrtHalf) | 0;
  q = (q + q) | 0;
  const commonSq = mul(q, q);
  const num = add(mul(q, r), mul(mul(q, commonSq), alphaN));
  const denomMinusOne = add(mul(p, add(add(alphaI, q), mul(alphaD, commonSq))), mul(alphaF, q));
  const recipDenom = oneOverOnePlusXForXIn01(denomMinusOne);
  const numScaled = saturatingRoundingMultiplyByPOT(num, -accumBits);
  return saturatingRoundingMultiplyByPOT(add(mul(zPow2Adj, log2), mul(numScaled, recipDenom)), accumBits - outputIntegerBits);
}

/**
 * TFLite's int16 lookup-table builder (`gen_lut`): `func` sampled at 512 steps over
 * [inputMin, inputMax] in double precision, scaled by 2^16/(outputMax − outputMin), each entry
 * biased by half the midpoint interpolation error, plus a 513th entry for the last slope.
 */
export function genInt16Lut(func: (x: number) => number, inputMin: number, inputMax: number, outputMin: number, outputMax: number): Int16Array {
  const steps = 512;
  const lut = new Int16Array(steps + 1);
  const step = (inputMax - inputMin) / steps;
  const half = step / 2;
  const scale = 65536 / (outputMax - outputMin);
  const sat = (v: number) => (v < -32768 ? -32768 : v > 32767 ? 32767 : v);
  for (let i = 0; i < steps; i++) {
    const val = func(inputMin + i * step);
    const mid = func(inputMin + i * step + half);
    const next = func(inputMin + (i + 1) * step);
    const sample = roundHalfAway(val * scale);
    const midInterp = roundHalfAway((next * scale + roundHalfAway(val * scale)) / 2);
    const midVal = roundHalfAway(mid * scale);
    const bias = roundHalfAway((midInterp - midVal) / 2);
    lut[i] = sat(sample - bias);
  }
  lut[steps] = sat(roundHalfAway(func(inputMax) * scale));
  return lut;
}

/** TFLite's `generic_int16_table_lookup`: linear interpolation in a 513-entry int16 table. */
export function int16TableLookup(value: number, lut: Int16Array): number {
  const index = 256 + (value >> 7);
  const offset = value & 0x7f;
  const base = lut[index]!;
  const slope = lut[index + 1]! - base;
  return ((base + ((slope * offset + 64) >> 7)) << 16) >> 16;
}
