// Seeded random inputs, the same rule the goldens in ../shared/models (and TFLite's oracle script)
// use, so `liteml run`/`compare` without inputs reproduce a golden's inputs: mulberry32 seeded with
// `seed + i` for input i, filled in row-major order; floats lo + (hi-lo)·u (default [-1, 1]);
// integers lo + floor(u·(hi-lo+1)): the full range for int8/uint8/int16/uint16, {0,1} for bool,
// and [0, 3] for int32/uint32/int64 (usually indices or shapes).
import type { DType } from './ir';
import type { Tensor } from './kernel';
import { RuntimeError } from './errors';
import { f32ToBf16, f32ToF16 } from './half';

/** The mulberry32 PRNG: a function returning uniform numbers in [0, 1). */
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

const INT_RANGES: Partial<Record<DType, [number, number]>> = {
  i8: [-128, 127], u8: [0, 255], i16: [-32768, 32767], u16: [0, 65535], bool: [0, 1],
  i32: [0, 3], u32: [0, 3], i64: [0, 3], u64: [0, 3],
};

/**
 * A random tensor for an input of `dtype` and `shape` (dims < 0 become 1), seeded with `seed`.
 * `range` overrides the value range. Throws RuntimeError for dtypes without a rule (string…).
 */
export function randomTensor(
  input: { name: string; dtype: DType; shape: readonly number[] },
  seed: number,
  range?: readonly [number, number],
): Tensor {
  const shape = input.shape.map((d) => (d < 0 ? 1 : d));
  const n = shape.reduce((a, b) => a * b, 1);
  const next = mulberry32(seed);
  const { dtype } = input;
  if (dtype === 'f32' || dtype === 'f64' || dtype === 'f16' || dtype === 'bf16') {
    const [lo, hi] = range ?? [-1, 1];
    const values = Float64Array.from({ length: n }, () => lo + (hi - lo) * next());
    const data = dtype === 'f32' ? Float32Array.from(values)
      : dtype === 'f64' ? values
      : Uint16Array.from(values, dtype === 'f16' ? f32ToF16 : f32ToBf16);
    return { name: input.name, dtype, shape, data };
  }
  const r = range ?? INT_RANGES[dtype];
  if (!r) throw new RuntimeError('BAD_INPUT', `no random values for input '${input.name}' of type ${dtype}: pass it explicitly`, [input.name]);
  const [lo, hi] = r;
  const ints = Array.from({ length: n }, () => lo + Math.floor(next() * (hi - lo + 1)));
  let data: Tensor['data'];
  switch (dtype) {
    case 'i8': data = Int8Array.from(ints); break;
    case 'u8': case 'bool': data = Uint8Array.from(ints); break;
    case 'i16': data = Int16Array.from(ints); break;
    case 'u16': data = Uint16Array.from(ints); break;
    case 'i32': data = Int32Array.from(ints); break;
    case 'u32': data = Uint32Array.from(ints); break;
    case 'i64': data = BigInt64Array.from(ints, BigInt); break;
    case 'u64': data = BigUint64Array.from(ints, BigInt); break;
    default: throw new RuntimeError('BAD_INPUT', `no random values for input '${input.name}' of type ${dtype}`, [input.name]);
  }
  return { name: input.name, dtype, shape, data };
}
