import { describe, expect, it } from 'vitest';
import { ModelFormatError } from '../src/errors';
import { decodeTensor, encodeTensor, tfProto } from '../src/tf/index';
import type { TensorProto } from '../src/tf/index';

const proto = (p: Partial<TensorProto> & { dims?: number[] }): TensorProto => {
  const { dims = [], ...rest } = p;
  return tfProto.complete<TensorProto>('TensorProto', { tensorShape: { dim: dims.map((size) => ({ size })) }, ...rest });
};

describe('decodeTensor', () => {
  it('reads tensor_content as little-endian bytes', () => {
    const content = new Uint8Array(Float32Array.of(1.5, -2, 3, 4).buffer);
    const t = decodeTensor(proto({ dtype: 'DT_FLOAT', dims: [2, 2], tensorContent: content }));
    expect(t).toMatchObject({ dtype: 'f32', tfDtype: 'DT_FLOAT', shape: [2, 2] });
    expect(t.data).toEqual(Float32Array.of(1.5, -2, 3, 4));
  });

  it('reads every typed *_val field into the contract typed array', () => {
    const cases: [Partial<TensorProto>, unknown][] = [
      [{ dtype: 'DT_FLOAT', floatVal: [1, 2, 3] }, Float32Array.of(1, 2, 3)],
      [{ dtype: 'DT_DOUBLE', doubleVal: [1e-300, 2, 3] }, Float64Array.of(1e-300, 2, 3)],
      [{ dtype: 'DT_INT32', intVal: [-1, 0, 7] }, Int32Array.of(-1, 0, 7)],
      [{ dtype: 'DT_INT8', intVal: [-128, 0, 127] }, Int8Array.of(-128, 0, 127)],
      [{ dtype: 'DT_UINT8', intVal: [0, 128, 255] }, Uint8Array.of(0, 128, 255)],
      [{ dtype: 'DT_QUINT8', intVal: [1, 2, 3] }, Uint8Array.of(1, 2, 3)],
      [{ dtype: 'DT_INT16', intVal: [-3, 2, 1] }, Int16Array.of(-3, 2, 1)],
      [{ dtype: 'DT_UINT16', intVal: [65535, 2, 1] }, Uint16Array.of(65535, 2, 1)],
      [{ dtype: 'DT_HALF', halfVal: [0x3c00, 0xc000, 0x7c00] }, Uint16Array.of(0x3c00, 0xc000, 0x7c00)],
      [{ dtype: 'DT_BFLOAT16', halfVal: [0x3f80, 0, 1] }, Uint16Array.of(0x3f80, 0, 1)],
      [{ dtype: 'DT_INT64', int64Val: [-(2n ** 60n), 5, 9007199254740993n] }, BigInt64Array.of(-(2n ** 60n), 5n, 9007199254740993n)],
      [{ dtype: 'DT_UINT64', uint64Val: [2n ** 64n - 1n, 0, 1] }, BigUint64Array.of(2n ** 64n - 1n, 0n, 1n)],
      [{ dtype: 'DT_UINT32', uint32Val: [4294967295, 0, 1] }, Uint32Array.of(4294967295, 0, 1)],
      [{ dtype: 'DT_BOOL', boolVal: [true, false, true] }, Uint8Array.of(1, 0, 1)],
      [{ dtype: 'DT_COMPLEX64', scomplexVal: [1, 2, 3, 4, 5, 6] }, Float32Array.of(1, 2, 3, 4, 5, 6)],
      [{ dtype: 'DT_COMPLEX128', dcomplexVal: [1, 2, 3, 4, 5, 6] }, Float64Array.of(1, 2, 3, 4, 5, 6)],
    ];
    for (const [p, expected] of cases) expect(decodeTensor(proto({ ...p, dims: [3] })).data).toEqual(expected);
  });

  it('splats a single value (and repeats the last of a short list), and zero-fills an empty one', () => {
    expect(decodeTensor(proto({ dtype: 'DT_FLOAT', dims: [2, 2], floatVal: [0.25] })).data).toEqual(Float32Array.of(0.25, 0.25, 0.25, 0.25));
    expect(decodeTensor(proto({ dtype: 'DT_INT32', dims: [4], intVal: [1, 2] })).data).toEqual(Int32Array.of(1, 2, 2, 2));
    expect(decodeTensor(proto({ dtype: 'DT_INT64', dims: [2], int64Val: [3] })).data).toEqual(BigInt64Array.of(3n, 3n));
    expect(decodeTensor(proto({ dtype: 'DT_FLOAT', dims: [3] })).data).toEqual(new Float32Array(3));
    expect(decodeTensor(proto({ dtype: 'DT_STRING', dims: [2], stringVal: [new TextEncoder().encode('ab')] })).data).toEqual(['ab', 'ab']);
  });

  it('decodes strings as text and keeps their raw bytes', () => {
    const raw = Uint8Array.of(0xff, 0x00, 0x41);
    const t = decodeTensor(proto({ dtype: 'DT_STRING', dims: [2], stringVal: [new TextEncoder().encode('héllo'), raw] }));
    expect(t.data[0]).toBe('héllo');
    expect(t.bytes![1]).toEqual(raw);
  });

  it('rejects inconsistent tensors with typed errors', () => {
    const bad: Partial<TensorProto & { dims: number[] }>[] = [
      { dtype: 'DT_FLOAT', dims: [2], floatVal: [1, 2, 3] },
      { dtype: 'DT_FLOAT', dims: [2], tensorContent: new Uint8Array(7) },
      { dtype: 'DT_FLOAT', dims: [-1] },
      { dtype: 'DT_INVALID', dims: [1] },
      { dtype: 'DT_COMPLEX64', dims: [1], scomplexVal: [1] },
      { dtype: 'DT_FLOAT', dims: [65536, 65536] },
    ];
    for (const p of bad) expect(() => decodeTensor(proto(p))).toThrow(ModelFormatError);
  });
});

describe('encodeTensor', () => {
  it('round-trips through the wire format for every fixed-size type and strings', () => {
    const inputs = [
      { dtype: 'f32', shape: [2], data: Float32Array.of(1, 2) },
      { dtype: 'i64', shape: [1], data: BigInt64Array.of(-5n) },
      { dtype: 'bool', shape: [2], data: Uint8Array.of(1, 0) },
      { dtype: 'f16', shape: [2], data: Uint16Array.of(0x3c00, 0x3555) },
      { dtype: 'string', shape: [2], data: ['a', 'bc'] },
      { dtype: 'i32', shape: [], data: Int32Array.of(9) },
    ] as const;
    for (const input of inputs) {
      const wire = tfProto.encode('TensorProto', encodeTensor(input));
      const t = decodeTensor(tfProto.decode<TensorProto>('TensorProto', wire));
      expect(t.dtype).toBe(input.dtype);
      expect(t.shape).toEqual(input.shape);
      expect(t.data).toEqual(input.data);
    }
  });

  it('checks the element count against the shape', () => {
    expect(() => encodeTensor({ dtype: 'f32', shape: [3], data: Float32Array.of(1) })).toThrow(/needs 3 values/);
  });
});
