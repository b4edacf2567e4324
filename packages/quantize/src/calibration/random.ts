// Random inputs for a model (explicit `calibration: 'random'`; smoke tests only).
import type { Model } from '@liteml/graph-ir';
import type { CalibrationSample } from '../types';
import { staticShape } from '../util/graph';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` samples: floats uniform in [-1, 1], integers in [0, 3], int8/uint8 over their range. */
export function randomSamples(model: Model, count = 4, seed = 1234): CalibrationSample[] {
  const inputs = model.graphs[0]!.inputs;
  const out: CalibrationSample[] = [];
  for (let s = 0; s < count; s++) {
    const r = mulberry32(seed + s * 7919);
    out.push(inputs.map((v) => {
      const shape = staticShape(v);
      const n = shape.reduce((a, b) => a * b, 1);
      switch (v.dtype) {
        case 'f32': return { data: Float32Array.from({ length: n }, () => 2 * r() - 1), shape };
        case 'i8': return { data: Int8Array.from({ length: n }, () => Math.floor(r() * 256) - 128), shape };
        case 'u8': return { data: Uint8Array.from({ length: n }, () => Math.floor(r() * 256)), shape };
        case 'i16': return { data: Int16Array.from({ length: n }, () => Math.floor(r() * 65536) - 32768), shape };
        case 'bool': return { data: Uint8Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0)), shape };
        case 'i64': return { data: BigInt64Array.from({ length: n }, () => BigInt(Math.floor(r() * 4))), shape };
        default: return { data: Int32Array.from({ length: n }, () => Math.floor(r() * 4)), shape };
      }
    }));
  }
  return out;
}
