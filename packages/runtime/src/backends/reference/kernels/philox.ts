// Philox 4x32-10 counter-based generator (Salmon et al., "Parallel random numbers: as easy as
// 1, 2, 3", SC'11) with TensorFlow's seeding: seed → key, seed2 → the high half of the counter.
// TFLite's RANDOM_UNIFORM / RANDOM_STANDARD_NORMAL draw from it four 32-bit words at a time.

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of two uint32 (the low bits are Math.imul). */
function mulHi(a: number, b: number): number {
  const ah = a >>> 16, al = a & 0xffff, bh = b >>> 16, bl = b & 0xffff;
  const mid1 = ah * bl, mid2 = al * bh;
  const carry = (((al * bl) >>> 16) + (mid1 & 0xffff) + (mid2 & 0xffff)) >>> 16;
  return (ah * bh + (mid1 >>> 16) + (mid2 >>> 16) + carry) >>> 0;
}

const u64 = (v: unknown): bigint => BigInt.asUintN(64, typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v ?? 0))));

export class Philox {
  private readonly key: Uint32Array;
  private readonly counter = new Uint32Array(4);

  /** TensorFlow's PhiloxRandom(seed, seed2). */
  constructor(seed: unknown, seed2: unknown) {
    const s = u64(seed), s2 = u64(seed2);
    this.key = Uint32Array.from([Number(s & 0xffffffffn), Number(s >> 32n)]);
    this.counter[2] = Number(s2 & 0xffffffffn);
    this.counter[3] = Number(s2 >> 32n);
  }

  /** The next block of four uint32 words (10 rounds), then the counter advances by one. */
  next(): Uint32Array {
    let [c0, c1, c2, c3] = this.counter as unknown as [number, number, number, number];
    let k0 = this.key[0]!, k1 = this.key[1]!;
    for (let round = 0; round < 10; round++) {
      const hi0 = mulHi(M0, c0), lo0 = Math.imul(M0, c0) >>> 0;
      const hi1 = mulHi(M1, c2), lo1 = Math.imul(M1, c2) >>> 0;
      c0 = (hi1 ^ c1 ^ k0) >>> 0;
      c1 = lo1;
      c2 = (hi0 ^ c3 ^ k1) >>> 0;
      c3 = lo0;
      k0 = (k0 + W0) >>> 0;
      k1 = (k1 + W1) >>> 0;
    }
    for (let i = 0; i < 4 && ++this.counter[i]! === 0; i++); // carry through the 128-bit counter
    return Uint32Array.from([c0, c1, c2, c3]);
  }
}

/** TensorFlow's Uint32ToFloat: the 23 low bits as the mantissa of a float in [1, 2), minus 1. */
export function uint32ToFloat(x: number): number {
  const bits = new Uint32Array([(127 << 23) | (x & 0x7fffff)]);
  return new Float32Array(bits.buffer)[0]! - 1;
}

/** A Philox seeded from the node's seed/seed2 (both 0: a fresh random seed, as TFLite does). */
export function philoxFor(attrs: Record<string, unknown>): Philox {
  const seed = attrs['seed'] ?? 0, seed2 = attrs['seed2'] ?? 0;
  if (u64(seed) === 0n && u64(seed2) === 0n) {
    const r = crypto.getRandomValues(new Uint32Array(4));
    return new Philox((BigInt(r[0]!) << 32n) | BigInt(r[1]!), (BigInt(r[2]!) << 32n) | BigInt(r[3]!));
  }
  return new Philox(seed, seed2);
}
