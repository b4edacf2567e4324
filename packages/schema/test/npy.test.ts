import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeModels, MODELS_DIR } from '../../../testing/shared-models';
import { ModelFormatError } from '../src/errors';
import { readNpy, readNpz, writeNpy } from '../src/npy';
import type { NpyArray } from '../src/npy';

function findNpy(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) findNpy(p, out);
    else if (e.name.endsWith('.npy')) out.push(p);
  }
  return out;
}

/** A header as NumPy writes it (v1.0/2.0/3.0), for hand-built files. */
function npyFile(header: string, data: Uint8Array, major = 1): Uint8Array {
  const prefix = major === 1 ? 10 : 12;
  const total = Math.ceil((prefix + header.length + 1) / 64) * 64;
  const h = header + ' '.repeat(total - prefix - header.length - 1) + '\n';
  const out = new Uint8Array(total + data.length);
  out.set([0x93, ...Buffer.from('NUMPY'), major, 0]);
  const dv = new DataView(out.buffer);
  if (major === 1) dv.setUint16(8, h.length, true); else dv.setUint32(8, h.length, true);
  out.set(Buffer.from(h, 'latin1'), prefix);
  out.set(data, total);
  return out;
}

describeModels('.npy goldens of the shared corpus', () => {
  const all = findNpy(MODELS_DIR).sort();
  // every 3rd file: a few hundred, spread over all groups and dtypes
  const sample = all.filter((_, i) => i % 3 === 0);

  it('finds the goldens', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(sample.length).toBeGreaterThan(300);
  });

  it('reads and re-writes every sampled golden byte-identically', () => {
    const dtypes = new Set<string>();
    for (const file of sample) {
      const bytes = new Uint8Array(readFileSync(file));
      const arr = readNpy(bytes);
      dtypes.add(arr.dtype);
      expect(arr.data.length, relative(MODELS_DIR, file)).toBe(arr.shape.reduce((a, b) => a * b, 1));
      const again = writeNpy(arr);
      expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes)), relative(MODELS_DIR, file)).toBe(0);
    }
    expect([...dtypes].sort()).toEqual(expect.arrayContaining(['f4', 'i1', 'u1', 'i2']));
  });

  it('reads known values: hello_world input x = 0', () => {
    const a = readNpy(readFileSync(join(MODELS_DIR, 'tflm/hello_world_float.golden_x0/input_0.npy')));
    expect(a).toEqual({ dtype: 'f4', shape: [1, 1], data: Float32Array.of(0) });
  });
});

describe('readNpy / writeNpy', () => {
  const arrays: NpyArray[] = [
    { dtype: 'f4', shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) },
    { dtype: 'f2', shape: [2], data: Uint16Array.of(0x3c00, 0x7e00) },
    { dtype: 'f8', shape: [1], data: Float64Array.of(Math.E) },
    { dtype: 'i1', shape: [3], data: Int8Array.of(-128, 0, 127) },
    { dtype: 'u1', shape: [], data: Uint8Array.of(200) },
    { dtype: 'i2', shape: [1, 1, 2], data: Int16Array.of(-32768, 32767) },
    { dtype: 'u2', shape: [2], data: Uint16Array.of(0, 65535) },
    { dtype: 'i4', shape: [0, 3], data: new Int32Array(0) },
    { dtype: 'u4', shape: [1], data: Uint32Array.of(4294967295) },
    { dtype: 'i8', shape: [2], data: BigInt64Array.of(-(2n ** 63n), 2n ** 63n - 1n) },
    { dtype: 'u8', shape: [1], data: BigUint64Array.of(2n ** 64n - 1n) },
    { dtype: 'b1', shape: [4], data: Uint8Array.of(1, 0, 0, 1) },
  ];

  it.each(arrays.map((a) => [a.dtype, a] as const))('round-trips %s', (_, a) => {
    const bytes = writeNpy(a);
    expect(bytes.length % 64).toBe(a.data.byteLength % 64);
    expect(readNpy(bytes)).toEqual(a);
  });

  it('writes the header NumPy expects', () => {
    const bytes = writeNpy({ dtype: 'f4', shape: [3], data: new Float32Array(3) });
    expect(bytes.length).toBe(128 + 12);
    expect(Buffer.from(bytes.subarray(0, 128)).toString('latin1')).toMatch(/^\x93NUMPY\x01\x00v\x00\{'descr': '<f4', 'fortran_order': False, 'shape': \(3,\), \} +\n$/);
  });

  it('reads format 2.0 and 3.0 headers, big headers and Fortran order', () => {
    const data = new Uint8Array(Int32Array.of(1, 2, 3, 4, 5, 6).buffer);
    const v2 = npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }", data, 2);
    expect(readNpy(v2).data).toEqual(Int32Array.of(1, 2, 3, 4, 5, 6));
    const v3 = npyFile("{'descr': '<i4', 'fortran_order': False, 'shape': (6,), }", data, 3);
    expect(readNpy(v3).shape).toEqual([6]);
    // column-major [[1, 3, 5], [2, 4, 6]] stored as 1..6
    const f = readNpy(npyFile("{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", data));
    expect(f.data).toEqual(Int32Array.of(1, 3, 5, 2, 4, 6));
    const many = Array.from({ length: 30000 }, () => 1);
    const huge = writeNpy({ dtype: 'u1', shape: many, data: Uint8Array.of(9) });
    expect(huge[6]).toBe(2);
    expect(readNpy(huge).shape).toHaveLength(30000);
  });

  it.each([
    ['not npy', Buffer.from('hello world, not numpy')],
    ['bad version', npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4), 4)],
    ['big-endian', npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4))],
    ['object dtype', npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8))],
    ['structured dtype', npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", new Uint8Array(4))],
    ['short data', npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", new Uint8Array(12))],
    ['negative dim', npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new Uint8Array(4))],
    ['header past end', Uint8Array.of(0x93, 78, 85, 77, 80, 89, 1, 0, 0xff, 0xff, 0x7b)],
  ])('rejects %s with BAD_NPY', (_, bytes) => {
    let err: unknown;
    try { readNpy(new Uint8Array(bytes)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ModelFormatError);
    expect((err as ModelFormatError).code).toBe('BAD_NPY');
  });

  it('writeNpy checks dtype, data type and element count', () => {
    expect(() => writeNpy({ dtype: 'f4', shape: [2], data: Float32Array.of(1) })).toThrow(/has 2 elements/);
    expect(() => writeNpy({ dtype: 'f4', shape: [1], data: Int32Array.of(1) })).toThrow(/needs a Float32Array/);
    expect(() => writeNpy({ dtype: 'c8' as never, shape: [1], data: Float32Array.of(1) })).toThrow(ModelFormatError);
  });
});

describe('readNpz', () => {
  // Written by NumPy 2.4: np.savez_compressed(f, weights=arange(6, '<f4').reshape(2, 3), ids=[1, -2] (int64), flag=True)
  const compressed = Buffer.from('UEsDBC0AAAAIAAAAIQBP6QAq//////////8LABQAd2VpZ2h0cy5ucHkBABAAmAAAAAAAAABVAAAAAAAAAJvsF+obEMnIUMZQrZ6SWpxcpG6loG6TZqKuo6Cell9UUpSYF59flJIKEndLzClOBYoXZyQWpAL5GkY6CsaaOgq1CmQDLgYwaLAHEg5ABMQNQLzAAQBQSwMELQAAAAgAAAAhAJr79SP//////////wcAFABpZHMubnB5AQAQAJAAAAAAAAAASwAAAAAAAACb7BfqGxDJyFDGUK2eklqcXKRupaBuk2mhrqOgnpZfVFKUmBefX5SSChJ3S8wpTgWKF2ckFqQC+RpGOpo6CrUKFAAuRgYI+PcfAgBQSwMELQAAAAgAAAAhAIIt+NP//////////wgAFABmbGFnLm5weQEAEACBAAAAAAAAAEMAAAAAAAAAm+wX6hsQychQxlCtnpJanFykbqWgXpNkqK6joJ6WX1RSlJgXn1+UkgoSd0vMKU4FihdnJBakAvkamjoKtQoUAS5GAFBLAQItAy0AAAAIAAAAIQBP6QAqVQAAAJgAAAALAAAAAAAAAAAAAACAAQAAAAB3ZWlnaHRzLm5weVBLAQItAy0AAAAIAAAAIQCa+/UjSwAAAJAAAAAHAAAAAAAAAAAAAACAAZIAAABpZHMubnB5UEsBAi0DLQAAAAgAAAAhAIIt+NNDAAAAgQAAAAgAAAAAAAAAAAAAAIABFgEAAGZsYWcubnB5UEsFBgAAAAADAAMApAAAAJMBAAAAAA==', 'base64');
  // np.savez(f, x=[[1, 2], [3, 4]] as int16): stored, not deflated
  const stored = Buffer.from('UEsDBC0AAAAAAAAAIQAAytxt//////////8FABQAeC5ucHkBABAAiAAAAAAAAACIAAAAAAAAAJNOVU1QWQEAdgB7J2Rlc2NyJzogJzxpMicsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgyLCAyKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAKAQACAAMABABQSwECLQMtAAAAAAAAACEAAMrcbYgAAACIAAAABQAAAAAAAAAAAAAAgAEAAAAAeC5ucHlQSwUGAAAAAAEAAQAzAAAAvwAAAAAA', 'base64');

  it('reads np.savez_compressed output (deflate)', async () => {
    const z = await readNpz(new Uint8Array(compressed));
    expect(Object.keys(z).sort()).toEqual(['flag', 'ids', 'weights']);
    expect(z.weights).toEqual({ dtype: 'f4', shape: [2, 3], data: Float32Array.of(0, 1, 2, 3, 4, 5) });
    expect(z.ids).toEqual({ dtype: 'i8', shape: [2], data: BigInt64Array.of(1n, -2n) });
    expect(z.flag).toEqual({ dtype: 'b1', shape: [], data: Uint8Array.of(1) });
  });

  it('reads np.savez output (stored)', async () => {
    expect((await readNpz(new Uint8Array(stored))).x).toEqual({ dtype: 'i2', shape: [2, 2], data: Int16Array.of(1, 2, 3, 4) });
  });

  it('rejects damaged archives with BAD_NPY', async () => {
    const flipped = new Uint8Array(stored);
    flipped[120] ^= 1; // inside the stored x.npy: CRC mismatch
    await expect(readNpz(flipped)).rejects.toThrow(/CRC-32/);
    await expect(readNpz(new Uint8Array(compressed).subarray(0, 200))).rejects.toThrow(ModelFormatError);
    const broken = new Uint8Array(compressed);
    broken[80] ^= 0xff; // inside the first deflate stream
    await expect(readNpz(broken)).rejects.toThrow(ModelFormatError);
  });
});
