import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { ModelFormatError, readTflite, writeTflite } from '../src/index';
import { prng } from './tflite-helpers';

// Small real models covering the schema's corners: sparsity, BuiltinOptions2 + several subgraphs,
// blockwise QuantizationDetails, control flow + signatures, custom options, per-channel
// quantization, weights stored after the flatbuffer, nested WHILE.
const CORPUS = [
  'litert/tflite/testdata/sparse_tensor.bin',
  'aiquant/models/simple_composite.tflite',
  'litert/litert/test/testdata/blockwise_quantized.tflite',
  'litert/tflite/testdata/multi_subgraphs_while.bin',
  'litert/tflite/java/src/testdata/with_custom_op.lite',
  'seanet/conv/conv20.tflite',
  'litert/litert/test/testdata/simple_group_norm_op.tflite',
  'litert/tflite/testdata/nested_while.bin',
];
const PER_MODEL = 1300; // 8 × 1300 = 10,400 mutated inputs
const CODES = new Set(['TRUNCATED', 'BAD_MAGIC', 'BAD_OFFSET', 'BAD_LENGTH', 'TOO_DEEP', 'TOO_LARGE', 'BAD_VALUE']);

type Mutation = (b: Uint8Array, r: () => number) => Uint8Array;
const int = (r: () => number, n: number): number => Math.floor(r() * n);
const u32At = (b: Uint8Array, pos: number, v: number): void => {
  if (pos + 4 <= b.length) new DataView(b.buffer, b.byteOffset).setUint32(pos, v >>> 0, true);
};

const MUTATIONS: Record<string, Mutation> = {
  truncate: (b, r) => b.slice(0, int(r, b.length)),
  bitFlips: (b, r) => {
    const c = b.slice();
    for (let k = 1 + int(r, 8); k > 0; k--) c[int(r, c.length)]! ^= 1 << int(r, 8);
    return c;
  },
  overwriteBytes: (b, r) => {
    const c = b.slice();
    const at = int(r, c.length);
    for (let i = at; i < Math.min(c.length, at + 1 + int(r, 16)); i++) c[i] = int(r, 256);
    return c;
  },
  hugeWord: (b, r) => {
    const c = b.slice();
    const values = [0xffffffff, 0x7fffffff, 0x80000000, 0xfffffffc, c.length, c.length - 1, c.length + 4, int(r, 2 ** 32)];
    u32At(c, 4 * int(r, c.length >> 2), values[int(r, values.length)]!);
    return c;
  },
  lyingLength: (b, r) => {
    // Grow a 32-bit word (vector/string lengths, offsets) by a small or large amount.
    const c = b.slice();
    const at = 4 * int(r, c.length >> 2);
    const old = new DataView(c.buffer).getUint32(at, true);
    u32At(c, at, old + 1 + int(r, 2 ** (1 + int(r, 30))));
    return c;
  },
  redirectOffset: (b, r) => {
    // Point a word anywhere in (or just past) the file: cycles, overlaps, vtables inside data.
    const c = b.slice();
    u32At(c, 4 * int(r, c.length >> 2), int(r, c.length + 16) - (r() < 0.5 ? 0 : int(r, 64)));
    return c;
  },
  vtableWord: (b, r) => {
    const c = b.slice();
    const at = 2 * int(r, c.length >> 1);
    const v = r() < 0.3 ? 0xffff : int(r, 0x10000);
    if (at + 2 <= c.length) new DataView(c.buffer).setUint16(at, v, true);
    return c;
  },
  splice: (b, r) => {
    const c = b.slice();
    const n = 1 + int(r, 64);
    const from = int(r, Math.max(1, c.length - n));
    c.copyWithin(int(r, c.length), from, from + n);
    return c;
  },
  rootOffset: (b, r) => {
    const c = b.slice();
    u32At(c, 0, int(r, 2 ** (2 + int(r, 30))));
    return c;
  },
};
const NAMES = Object.keys(MUTATIONS);

describeModels('fuzzed TFLite files give ModelFormatError or a model, quickly', () => {
  const totals = { inputs: 0, rejected: 0, accepted: 0 };

  test.each(CORPUS)('%s', (path) => {
    const original = new Uint8Array(readFileSync(modelPath(path)));
    readTflite(original); // the seed itself is valid
    const r = prng(0x5eed + original.length);
    let slowest = 0;
    const byCode: Record<string, number> = {};
    for (let i = 0; i < PER_MODEL; i++) {
      const name = NAMES[int(r, NAMES.length)]!;
      const input = MUTATIONS[name]!(original, r);
      const t0 = performance.now();
      try {
        const model = readTflite(input);
        // Whatever reads must also write and read back.
        readTflite(writeTflite(model));
        totals.accepted++;
      } catch (err) {
        if (!(err instanceof ModelFormatError)) {
          throw new Error(`${path}: mutation #${i} (${name}) threw ${String(err)}`, { cause: err });
        }
        expect(CODES.has(err.code), err.code).toBe(true);
        byCode[err.code] = (byCode[err.code] ?? 0) + 1;
        totals.rejected++;
      }
      slowest = Math.max(slowest, performance.now() - t0);
      totals.inputs++;
    }
    expect(slowest).toBeLessThan(1000);
    // The mutations really do break files, in several distinct ways.
    expect(Object.keys(byCode).length).toBeGreaterThanOrEqual(3);
  });

  test('covers at least 10,000 inputs, both rejected and accepted ones', () => {
    expect(totals.inputs).toBeGreaterThanOrEqual(10_000);
    expect(totals.rejected).toBeGreaterThan(1000);
    expect(totals.accepted).toBeGreaterThan(100);
  });
});
