import { describe, expect, it } from 'vitest';
import {
  IRError, broadcastShapes, bytesOf, dtypeByteSize, dtypeFromTf, dtypeFromTflite, dtypeToTf, dtypeToTflite, DTYPES,
  encodeStrings, formatShape, isStaticShape, shapeSize, shapesCompatible, staticShapeOf, typedArrayOf,
} from '../src/index';

describe('dtypes', () => {
  it('gives byte sizes, with i4 packed and variable-size types 0', () => {
    expect(dtypeByteSize('f32')).toBe(4);
    expect(dtypeByteSize('bf16')).toBe(2);
    expect(dtypeByteSize('complex128')).toBe(16);
    expect(dtypeByteSize('i4')).toBe(0.5);
    expect(dtypeByteSize('string')).toBe(0);
    expect(() => dtypeByteSize('f8' as never)).toThrow(IRError);
  });

  it('views aligned constant bytes without copying and copies unaligned ones', () => {
    const buf = new ArrayBuffer(20);
    new Float32Array(buf, 4, 2).set([1.5, -2]);
    const aligned = new Uint8Array(buf, 4, 8);
    const view = typedArrayOf({ dtype: 'f32', data: aligned }) as Float32Array;
    expect(Array.from(view)).toEqual([1.5, -2]);
    expect(view.buffer).toBe(buf);
    const bytes = new Uint8Array(buf);
    const unaligned = new Uint8Array(buf, 1, 8);
    unaligned.set(aligned.slice());
    const copy = typedArrayOf({ dtype: 'f32', data: unaligned }) as Float32Array;
    expect(Array.from(copy)).toEqual([1.5, -2]);
    expect(copy.buffer).not.toBe(buf);
    expect(bytes.length).toBe(20);
  });

  it('maps every dtype to its typed array', () => {
    const i64 = typedArrayOf({ dtype: 'i64', data: bytesOf(BigInt64Array.from([-3n, 1n << 40n])) });
    expect(i64).toBeInstanceOf(BigInt64Array);
    expect(Array.from(i64 as BigInt64Array)).toEqual([-3n, 1n << 40n]);
    expect(typedArrayOf({ dtype: 'f16', data: new Uint8Array(4) })).toBeInstanceOf(Uint16Array);
    expect(typedArrayOf({ dtype: 'bool', data: new Uint8Array([0, 1]) })).toBeInstanceOf(Uint8Array);
    expect(Array.from(typedArrayOf({ dtype: 'i4', data: new Uint8Array([0x7f, 0x8f]) }) as Int8Array)).toEqual([-1, 7, -1, -8]);
    expect(() => typedArrayOf({ dtype: 'i32', data: new Uint8Array(3), name: 'w' })).toThrow(/'w'.*multiple of 4/);
  });

  it('round-trips TFLite string tensors', () => {
    const data = encodeStrings(['', 'héllo', 'x']);
    expect(typedArrayOf({ dtype: 'string', data })).toEqual(['', 'héllo', 'x']);
    expect(() => typedArrayOf({ dtype: 'string', data: new Uint8Array([5, 0, 0, 0]) })).toThrow(IRError);
  });

  it('converts to and from TFLite TensorType and TF DataType', () => {
    for (const d of DTYPES) expect(dtypeFromTflite(dtypeToTflite(d))).toBe(d);
    expect(dtypeFromTflite(0)).toBe('f32');
    expect(dtypeFromTflite(9)).toBe('i8');
    expect(dtypeFromTflite(17)).toBe('i4');
    expect(() => dtypeFromTflite(21, 't')).toThrow(/TFLite tensor type 21 of 't'/);
    for (const d of DTYPES) expect(dtypeFromTf(dtypeToTf(d))).toBe(d);
    expect(dtypeFromTf(1)).toBe('f32');
    expect(dtypeFromTf(101)).toBe('f32'); // DT_FLOAT_REF
    expect(dtypeFromTf(11)).toBe('i8'); // DT_QINT8
    expect(dtypeFromTf(19)).toBe('f16');
    expect(() => dtypeFromTf(99)).toThrow(IRError);
  });
});

describe('shapes', () => {
  it('counts elements of static shapes only', () => {
    expect(shapeSize([2, 3, 4])).toBe(24);
    expect(shapeSize([])).toBe(1);
    expect(shapeSize([2, 0])).toBe(0);
    expect(shapeSize([2, -1])).toBe(-1);
    expect(shapeSize(['batch', 3])).toBe(-1);
    expect(shapeSize(undefined)).toBe(-1);
    expect(isStaticShape([1, 2])).toBe(true);
    expect(isStaticShape([1, 'n'])).toBe(false);
    expect(isStaticShape(undefined)).toBe(false);
  });

  it('broadcasts known, unknown and symbolic dims', () => {
    expect(broadcastShapes([2, 1, 3], [4, 1])).toEqual([2, 4, 3]);
    expect(broadcastShapes(['batch', 1], [1, 5])).toEqual(['batch', 5]);
    expect(broadcastShapes(['batch', 5], ['batch', 5])).toEqual(['batch', 5]);
    expect(broadcastShapes([-1, 3], [4, 3])).toEqual([4, 3]);
    expect(broadcastShapes(['a'], ['b'])).toEqual([-1]);
    expect(broadcastShapes([3], [2, 1], [1])).toEqual([2, 3]);
    expect(broadcastShapes([3], undefined)).toBeUndefined();
    expect(() => broadcastShapes([2, 3], [4, 3])).toThrow(expect.objectContaining({ code: 'SHAPE_MISMATCH' }));
  });

  it('compares and formats shapes', () => {
    expect(shapesCompatible([1, -1, 'n'], [1, 5, 7])).toBe(true);
    expect(shapesCompatible([1, 2], [1, 3])).toBe(false);
    expect(shapesCompatible([1], [1, 1])).toBe(false);
    expect(formatShape([1, -1, 'batch'])).toBe('[1,?,batch]');
    expect(formatShape(undefined)).toBe('[*]');
    expect(staticShapeOf({ shape: [1, 10, 3], shapeSignature: [-1, 10, 3] })).toEqual([-1, 10, 3]);
    expect(staticShapeOf({ shape: [4] })).toEqual([4]);
  });
});
