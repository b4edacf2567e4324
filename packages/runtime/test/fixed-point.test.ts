import { describe, expect, it } from 'vitest';
import {
  activationRangeQuantized,
  expOnNegativeValues,
  fixedLogistic,
  fixedTanh,
  frexp,
  getReciprocal,
  multiplyByQuantizedMultiplier,
  multiplyByQuantizedMultiplierInt64,
  oneOverOnePlusXForXIn01,
  quantizeMultiplier,
  roundHalfAway,
  roundHalfEven,
  roundingDivideByPOT,
  saturatingRoundingMultiplyByPOT,
  srdhm,
} from '../src/backends/reference/fixed-point';

const MIN = -2147483648;
const MAX = 2147483647;

// BigInt formulations written straight from the C definitions (nudge + truncating division).
function srdhmRef(a: number, b: number): number {
  if (a === MIN && b === MIN) return MAX;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((ab + nudge) / (1n << 31n)); // BigInt division truncates like C
}
function rdbpotRef(x: number, e: number): number {
  const mask = (1n << BigInt(e)) - 1n;
  const bx = BigInt(x);
  const rem = bx & mask;
  const threshold = (mask >> 1n) + (bx < 0n ? 1n : 0n);
  return Number((bx >> BigInt(e)) + (rem > threshold ? 1n : 0n));
}
function mbqm64Ref(x: bigint, m: number, shift: number): number {
  const reduced = m < 0x7fff0000 ? (m + 32768) >> 16 : 0x7fff;
  const total = BigInt(15 - shift);
  return Number(BigInt.asIntN(32, (x * BigInt(reduced) + (1n << (total - 1n))) >> total));
}

// Deterministic generator of int32 values biased towards the interesting edges.
function* int32s(n: number, seed = 1): Generator<number> {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) | 0;
  };
  const edges = [0, 1, -1, MIN, MAX, MIN + 1, MAX - 1, 1 << 30, -(1 << 30), (1 << 30) + 1, -(1 << 30) - 1, 65535, -65536, 32768];
  for (const e of edges) yield e;
  for (let i = 0; i < n; i++) {
    const r = next();
    const bits = (r >>> 27) + 1; // random magnitude 1..32 bits
    yield bits >= 32 ? r : r >> (32 - bits);
  }
}

describe('fixed-point primitives vs a BigInt formulation', () => {
  it('srdhm matches on edges and 200k pseudo-random pairs', () => {
    const as = [...int32s(450, 7)];
    const bs = [...int32s(450, 99)];
    let checked = 0;
    for (const a of as)
      for (const b of bs) {
        if (srdhm(a, b) !== srdhmRef(a, b)) expect([a, b, srdhm(a, b)]).toEqual([a, b, srdhmRef(a, b)]);
        checked++;
      }
    expect(checked).toBeGreaterThan(200_000);
    expect(srdhm(MIN, MIN)).toBe(MAX);
    expect(srdhm(1 << 30, 1 << 30)).toBe(1 << 29);
  });

  it('roundingDivideByPOT rounds half away from zero for every exponent', () => {
    for (const x of int32s(3000, 3))
      for (let e = 0; e <= 31; e++) expect(roundingDivideByPOT(x, e)).toBe(rdbpotRef(x, e));
    expect(roundingDivideByPOT(5, 1)).toBe(3);
    expect(roundingDivideByPOT(-5, 1)).toBe(-3);
    expect(roundingDivideByPOT(-6, 2)).toBe(-2);
  });

  it('saturatingRoundingMultiplyByPOT saturates left shifts', () => {
    expect(saturatingRoundingMultiplyByPOT(1 << 29, 2)).toBe(MAX);
    expect(saturatingRoundingMultiplyByPOT(-(1 << 29), 2)).toBe(MIN);
    expect(saturatingRoundingMultiplyByPOT(12345, 3)).toBe(98760);
    expect(saturatingRoundingMultiplyByPOT(-7, -1)).toBe(-4);
  });

  it('multiplyByQuantizedMultiplier composes srdhm and the rounding shift', () => {
    for (const x of int32s(2000, 11)) {
      for (const [m, s] of [[1 << 30, -1], [1518500250, -7], [2147483647, 0], [1073741824, 3], [1276901417, -20]] as const) {
        const expected = s > 0 ? srdhmRef(Math.imul(x, 1 << s), m) : rdbpotRef(srdhmRef(x, m), -s);
        expect(multiplyByQuantizedMultiplier(x, m, s)).toBe(expected);
      }
    }
    // 100 · 0.5 = 50; 7 · 0.75 = 5.25 → 5
    const half = quantizeMultiplier(0.5);
    expect(multiplyByQuantizedMultiplier(100, half.multiplier, half.shift)).toBe(50);
    const q = quantizeMultiplier(0.75);
    expect(multiplyByQuantizedMultiplier(7, q.multiplier, q.shift)).toBe(5);
  });

  it('multiplyByQuantizedMultiplierInt64 matches the 64-bit formulation', () => {
    const xs: bigint[] = [0n, 1n, -1n, (1n << 47n) - 1n, -(1n << 47n), 123456789012n, -98765432109n];
    for (const v of int32s(500, 5)) xs.push(BigInt(v) * 4099n, BigInt(v));
    for (const x of xs)
      for (const [m, s] of [[1 << 30, -1], [1518500250, -17], [2147450000, -31], [2147483647, 7], [1431655765, 0], [1073774592, -10]] as const) {
        const ref = mbqm64Ref(x, m, s);
        // only compare where the result is meaningful (fits int32 before truncation)
        if (Math.abs(Number(x) * m * 2 ** (s - 31)) < 2 ** 30) expect(multiplyByQuantizedMultiplierInt64(Number(x), m, s)).toBe(ref);
      }
  });
});

describe('quantizeMultiplier', () => {
  it('splits into a Q0.31 significand and a shift', () => {
    expect(quantizeMultiplier(0)).toEqual({ multiplier: 0, shift: 0 });
    expect(quantizeMultiplier(0.5)).toEqual({ multiplier: 1 << 30, shift: 0 });
    expect(quantizeMultiplier(1)).toEqual({ multiplier: 1 << 30, shift: 1 });
    expect(quantizeMultiplier(0.25)).toEqual({ multiplier: 1 << 30, shift: -1 });
    expect(quantizeMultiplier(3)).toEqual({ multiplier: 3 << 29, shift: 2 });
    // a significand that rounds up to 1.0 carries into the exponent
    expect(quantizeMultiplier(1 - 2 ** -40)).toEqual({ multiplier: 1 << 30, shift: 1 });
    // tiny multipliers flush to zero
    expect(quantizeMultiplier(2 ** -40)).toEqual({ multiplier: 0, shift: 0 });
    for (const r of [0.0039215689, 0.123, 1.7e-5, 7.5, 1234.5]) {
      const { multiplier, shift } = quantizeMultiplier(r);
      expect(multiplier).toBeGreaterThanOrEqual(1 << 30);
      expect(multiplier).toBeLessThanOrEqual(MAX);
      expect(Math.abs(multiplier * 2 ** (shift - 31) - r) / r).toBeLessThan(2 ** -30);
    }
  });

  it('frexp agrees with the definition', () => {
    for (const x of [1, 0.5, 3, 1e-300, 5e-324, 1.7976931348623157e308, -6.5]) {
      const [q, e] = frexp(x);
      expect(Math.abs(q)).toBeGreaterThanOrEqual(0.5);
      expect(Math.abs(q)).toBeLessThan(1);
      expect(e > 0 ? q * 2 ** (e - 8) * 256 : q * 2 ** (e + 64) * 2 ** -64).toBe(x);
    }
  });
});

describe('rounding helpers', () => {
  it('roundHalfAway is C round, roundHalfEven is nearbyint', () => {
    expect([2.5, -2.5, 0.49999999999999994, 1.5, -0.5].map(roundHalfAway)).toEqual([3, -3, 0, 2, -1]);
    expect([2.5, -2.5, 3.5, -3.5, 0.5, 1.4, -1.6].map(roundHalfEven)).toEqual([2, -2, 4, -4, 0, 1, -2]);
  });

  it('activationRangeQuantized quantizes ReLU bounds', () => {
    expect(activationRangeQuantized('NONE', 'i8', 0.1, 3)).toEqual([-128, 127]);
    expect(activationRangeQuantized('RELU', 'i8', 0.1, 3)).toEqual([3, 127]);
    expect(activationRangeQuantized('RELU6', 'u8', 0.05, 10)).toEqual([10, 130]);
    expect(activationRangeQuantized('RELU_N1_TO_1', 'i16', 1 / 32768, 0)).toEqual([-32768, 32767]);
  });
});

describe('gemmlowp fixed-point functions', () => {
  it('expOnNegativeValues approximates exp to ~1e-7 on Q5.26 inputs', () => {
    const ib = 5;
    for (let v = 0; v >= -31.9; v -= 0.37) {
      const raw = Math.round(v * 2 ** (31 - ib));
      const got = expOnNegativeValues(raw, ib) / 2 ** 31;
      expect(Math.abs(got - Math.exp(raw / 2 ** (31 - ib)))).toBeLessThan(2e-7);
    }
    expect(expOnNegativeValues(0, 5)).toBe(MAX);
  });

  it('oneOverOnePlusX, logistic and tanh approximate their real functions', () => {
    for (let x = 0; x <= 1; x += 1 / 64) {
      const raw = Math.min(MAX, Math.round(x * 2 ** 31));
      expect(Math.abs(oneOverOnePlusXForXIn01(raw) / 2 ** 31 - 1 / (1 + raw / 2 ** 31))).toBeLessThan(1e-7);
    }
    for (let x = -7.9; x < 8; x += 0.31) {
      const raw = Math.round(x * 2 ** 27); // Q4
      const r = raw / 2 ** 27;
      expect(Math.abs(fixedLogistic(raw, 4) / 2 ** 31 - 1 / (1 + Math.exp(-r)))).toBeLessThan(1e-7);
      expect(Math.abs(fixedTanh(raw, 4) / 2 ** 31 - Math.tanh(r))).toBeLessThan(1e-7);
    }
    expect(fixedLogistic(0, 4)).toBe(1 << 30);
    expect(fixedTanh(0, 4)).toBe(0);
  });

  it('getReciprocal returns 1/x as a Q0 significand and a shift', () => {
    for (const v of [1.5, 3.25, 17.75, 200.125]) {
      const raw = v * 2 ** 19; // Q12
      const { reciprocal, numBitsOverUnit } = getReciprocal(raw, 12);
      expect(Math.abs(reciprocal / 2 ** (31 + numBitsOverUnit) - 1 / v)).toBeLessThan(1e-7);
    }
  });
});

describe('fixed-point log and int16 tables', () => {
  it('logXForXGreaterThanOrEqualTo1 approximates ln on Q12 inputs', async () => {
    const { logXForXGreaterThanOrEqualTo1 } = await import('../src/backends/reference/fixed-point');
    for (const v of [1, 1.001, 1.5, 2, Math.E, 10, 100.25, 1000, 4095]) {
      const raw = Math.round(v * 2 ** 19); // Q12
      const got = logXForXGreaterThanOrEqualTo1(raw, 12, 5) / 2 ** 26; // Q5
      expect(Math.abs(got - Math.log(raw / 2 ** 19)), `ln ${v}`).toBeLessThan(1e-6);
    }
  });

  it('genInt16Lut + int16TableLookup interpolate exp on [−10, 0]', async () => {
    const { genInt16Lut, int16TableLookup } = await import('../src/backends/reference/fixed-point');
    const lut = genInt16Lut(Math.exp, -10, 0, -1, 1);
    expect(lut.length).toBe(513);
    for (let v = -32768; v <= 32767; v += 97) {
      const real = Math.exp(((v + 32768) / 65535) * 10 - 10);
      expect(Math.abs(int16TableLookup(v, lut) / 32768 - real)).toBeLessThan(2e-4);
    }
  });
});
