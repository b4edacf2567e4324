import { describe, expect, it } from 'vitest';
import { bf16ToFloat, halfToFloat, previewConstant } from '../src/decode';

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

describe('constant previews', () => {
  it('decodes f32 and computes stats', () => {
    const p = previewConstant('f32', bytes(new Float32Array([1.5, -2, 0.25, 4])))!;
    expect(p.preview).toBe('[1.5, -2, 0.25, 4]');
    expect(p.stats).toBe('min -2 · max 4 · mean 0.9375');
  });

  it('decodes f16 and bf16 bit patterns', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x0001)).toBeCloseTo(5.960464477539063e-8, 20);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(bf16ToFloat(0x3fc0)).toBe(1.5);
    expect(previewConstant('f16', bytes(new Uint16Array([0x3c00, 0x3800, 0xbc00])))!.preview).toBe('[1, 0.5, -1]');
    expect(previewConstant('bf16', bytes(new Uint16Array([0x4040, 0xbf80])))!.preview).toBe('[3, -1]');
  });

  it('decodes integers of every width, little-endian', () => {
    expect(previewConstant('i8', bytes(new Int8Array([-128, 127, 0])))!.preview).toBe('[-128, 127, 0]');
    expect(previewConstant('u16', bytes(new Uint16Array([65535, 1])))!.preview).toBe('[65535, 1]');
    expect(previewConstant('i32', bytes(new Int32Array([-7, 1 << 30])))!.preview).toBe('[-7, 1073741824]');
    expect(previewConstant('i64', bytes(new BigInt64Array([-(2n ** 62n), 5n])))!.preview).toBe('[-4611686018427387904, 5]');
    expect(previewConstant('u64', bytes(new BigUint64Array([2n ** 64n - 1n])))!.preview).toBe('[18446744073709551615]');
  });

  it('unpacks i4 low nibble first with sign extension', () => {
    // 0x8F: low nibble 0xF = -1, high nibble 0x8 = -8; 0x70: 0, 7
    expect(previewConstant('i4', new Uint8Array([0x8f, 0x70]))!.preview).toBe('[-1, -8, 0, 7]');
  });

  it('decodes bools, complex and strings', () => {
    expect(previewConstant('bool', new Uint8Array([1, 0, 1]))!.preview).toBe('[true, false, true]');
    expect(previewConstant('complex64', bytes(new Float32Array([1, -2, 0.5, 3])))!.preview).toBe('[1-2i, 0.5+3i]');
    // TFLite string tensor: count, offsets, bytes
    const s = new Uint8Array([2, 0, 0, 0, 16, 0, 0, 0, 18, 0, 0, 0, 21, 0, 0, 0, 104, 105, 121, 111, 117]);
    expect(previewConstant('string', s)!.preview).toBe('["hi", "you"]');
  });

  it('shows only the first 16 values and the total count', () => {
    const p = previewConstant('i32', bytes(Int32Array.from({ length: 100 }, (_, i) => i)))!;
    expect(p.preview).toBe('[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, … (100)]');
    expect(p.stats).toBe('min 0 · max 99 · mean 49.5');
  });

  it('handles empty constants and dtypes without a layout', () => {
    expect(previewConstant('f32', new Uint8Array(0))!.preview).toBe('[] (empty)');
    expect(previewConstant('resource', new Uint8Array(4))).toBeUndefined();
  });
});
