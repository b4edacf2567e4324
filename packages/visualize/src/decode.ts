// Constant previews: the first values of a constant tensor decoded per dtype from its raw
// little-endian bytes, and min/max/mean over all of it (numeric dtypes).
import type { DType } from '@liteml/graph-ir';
import { fmtNum } from './format';

/** Elements decoded for the preview. */
export const PREVIEW_COUNT = 16;
/** Above this many elements, stats are computed over the first STATS_LIMIT only (said so). */
const STATS_LIMIT = 1 << 24;

/** IEEE 754 half → number. */
export function halfToFloat(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
/** bfloat16 bits → number. */
export function bf16ToFloat(b: number): number {
  U32[0] = (b & 0xffff) << 16;
  return F32[0]!;
}

type Reader = { size: number; get(dv: DataView, i: number): number | bigint };

const READERS: Partial<Record<DType, Reader>> = {
  f32: { size: 4, get: (dv, i) => dv.getFloat32(i * 4, true) },
  f64: { size: 8, get: (dv, i) => dv.getFloat64(i * 8, true) },
  f16: { size: 2, get: (dv, i) => halfToFloat(dv.getUint16(i * 2, true)) },
  bf16: { size: 2, get: (dv, i) => bf16ToFloat(dv.getUint16(i * 2, true)) },
  i8: { size: 1, get: (dv, i) => dv.getInt8(i) },
  u8: { size: 1, get: (dv, i) => dv.getUint8(i) },
  bool: { size: 1, get: (dv, i) => dv.getUint8(i) },
  i16: { size: 2, get: (dv, i) => dv.getInt16(i * 2, true) },
  u16: { size: 2, get: (dv, i) => dv.getUint16(i * 2, true) },
  i32: { size: 4, get: (dv, i) => dv.getInt32(i * 4, true) },
  u32: { size: 4, get: (dv, i) => dv.getUint32(i * 4, true) },
  i64: { size: 8, get: (dv, i) => dv.getBigInt64(i * 8, true) },
  u64: { size: 8, get: (dv, i) => dv.getBigUint64(i * 8, true) },
  // i4: two per byte, low nibble first, sign-extended
  i4: { size: 0.5, get: (dv, i) => ((dv.getUint8(i >> 1) >> ((i & 1) * 4)) << 28) >> 28 },
};

export interface ConstantPreview {
  /** '[0.12, -0.5, …]' — at most PREVIEW_COUNT values. */
  preview: string;
  /** 'min -1.2 · max 3.4 · mean 0.01' where numeric. */
  stats?: string;
}

function fmtVal(x: number | bigint, dtype: DType): string {
  if (typeof x === 'bigint') return x.toString();
  if (dtype === 'bool') return x ? 'true' : 'false';
  return fmtNum(x, 5);
}

function decodeStrings(data: Uint8Array): string[] | undefined {
  if (data.byteLength < 8) return undefined;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const n = dv.getInt32(0, true);
  if (n < 0 || 4 * (n + 2) > data.byteLength) return undefined;
  const dec = new TextDecoder();
  const out: string[] = [];
  for (let i = 0; i < Math.min(n, PREVIEW_COUNT); i++) {
    const a = dv.getInt32(4 + 4 * i, true);
    const b = dv.getInt32(8 + 4 * i, true);
    if (a < 0 || b < a || b > data.byteLength) return undefined;
    const s = dec.decode(data.subarray(a, Math.min(b, a + 64)));
    out.push(JSON.stringify(b - a > 64 ? `${s}…` : s));
  }
  if (n > PREVIEW_COUNT) out.push(`… (${n})`);
  return out;
}

/** Decodes the first values of a constant; undefined for dtypes without a fixed layout. */
export function previewConstant(dtype: DType, data: Uint8Array): ConstantPreview | undefined {
  if (data.byteLength === 0) return { preview: '[] (empty)' };
  if (dtype === 'string') {
    const s = decodeStrings(data);
    return s ? { preview: `[${s.join(', ')}]` } : { preview: `(malformed string tensor, ${data.byteLength} bytes)` };
  }
  const complex = dtype === 'complex64' || dtype === 'complex128';
  const r = complex ? READERS[dtype === 'complex64' ? 'f32' : 'f64']! : READERS[dtype];
  if (!r) return undefined;
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = Math.floor(data.byteLength / r.size);
  const shown: string[] = [];
  if (complex) {
    for (let i = 0; i + 1 < Math.min(count, PREVIEW_COUNT * 2); i += 2) {
      const re = r.get(dv, i) as number;
      const im = r.get(dv, i + 1) as number;
      shown.push(`${fmtNum(re, 5)}${im < 0 ? '-' : '+'}${fmtNum(Math.abs(im), 5)}i`);
    }
    const n = count / 2;
    return { preview: `[${shown.join(', ')}${n > PREVIEW_COUNT ? `, … (${fmtCount(n)})` : ''}]` };
  }
  for (let i = 0; i < Math.min(count, PREVIEW_COUNT); i++) shown.push(fmtVal(r.get(dv, i), dtype));
  const preview = `[${shown.join(', ')}${count > PREVIEW_COUNT ? `, … (${fmtCount(count)})` : ''}]`;
  if (dtype === 'bool' || count < 2) return { preview };
  const n = Math.min(count, STATS_LIMIT);
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = Number(r.get(dv, i));
    if (x < min) min = x;
    if (x > max) max = x;
    sum += x;
  }
  const of = n < count ? ` (first ${fmtCount(n)})` : '';
  return { preview, stats: `min ${fmtNum(min, 5)} · max ${fmtNum(max, 5)} · mean ${fmtNum(sum / n, 5)}${of}` };
}

function fmtCount(n: number): string {
  return n.toLocaleString('en-US');
}
