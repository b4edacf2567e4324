/**
 * Seeded random inputs. Same rule as the goldens in ../shared/models (and TFLite's oracle script):
 * mulberry32 seeded with `seed + i` for input i, filled in row-major order; floats lo+(hi-lo)*u
 * (default [-1, 1]); integers lo+floor(u*(hi-lo+1)), full range for int8/uint8/int16, {0,1} for
 * bool, [0, 3] for int32/int64 (usually indices or shapes).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RandomDType = 'f32' | 'f16' | 'f64' | 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32' | 'i64' | 'bool';

const INT_RANGES: Partial<Record<RandomDType, [number, number]>> = {
  i8: [-128, 127],
  u8: [0, 255],
  i16: [-32768, 32767],
  u16: [0, 65535],
  i32: [0, 3],
  u32: [0, 3],
  i64: [0, 3],
  bool: [0, 1],
};

/** Values for one tensor of `count` elements (floats as numbers; integers as integral numbers). */
export function randomValues(dtype: RandomDType, count: number, seed: number, range?: [number, number]): number[] {
  const next = mulberry32(seed);
  const out = new Array<number>(count);
  if (dtype === 'f32' || dtype === 'f16' || dtype === 'f64') {
    const [lo, hi] = range ?? [-1, 1];
    for (let i = 0; i < count; i++) out[i] = lo + (hi - lo) * next();
    return out;
  }
  const [lo, hi] = range ?? INT_RANGES[dtype] ?? [0, 3];
  for (let i = 0; i < count; i++) out[i] = lo + Math.floor(next() * (hi - lo + 1));
  return out;
}
