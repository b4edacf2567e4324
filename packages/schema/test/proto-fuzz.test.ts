// Seeded mutation fuzzing of the TensorFlow-side parsers: every outcome must be a value or a
// ModelFormatError, never another exception, a hang or a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeModels, HAS_MODELS, modelPath } from '../../../testing/shared-models';
import { ModelFormatError } from '../src/errors';
import { readNpy, writeNpy } from '../src/npy';
import { decodeGraphDef, decodeSavedModel, decodeTensor, parseGraphDefText, readTensorBundle, writeTensorBundle } from '../src/tf/index';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random corruption: truncate, flip bits, overwrite bytes, splice in a huge varint, or duplicate a run. */
function mutate(src: Uint8Array, rand: () => number): Uint8Array {
  const pick = (n: number): number => Math.floor(rand() * n);
  const b = src.slice();
  switch (pick(5)) {
    case 0: return b.subarray(0, pick(b.length));
    case 1: { const k = 1 + pick(8); for (let i = 0; i < k; i++) b[pick(b.length)]! ^= 1 << pick(8); return b; }
    case 2: { const at = pick(b.length); for (let i = at; i < Math.min(b.length, at + 1 + pick(16)); i++) b[i] = pick(256); return b; }
    case 3: {
      const at = pick(b.length);
      const big = [0xff, 0xff, 0xff, 0xff, 0x0f];
      const out = new Uint8Array(b.length + big.length);
      out.set(b.subarray(0, at)); out.set(big, at); out.set(b.subarray(at), at + big.length);
      return out;
    }
    default: {
      const at = pick(b.length); const len = pick(64);
      const out = new Uint8Array(b.length + len);
      out.set(b.subarray(0, at)); out.set(b.subarray(at, at + len), at); out.set(b.subarray(at), at + Math.min(len, b.length - at));
      return out;
    }
  }
}

function expectOnlyModelFormatErrors(name: string, seeds: number, inputs: Uint8Array[], run: (bytes: Uint8Array) => void): void {
  it(`${name}: ${seeds} seeded mutations give values or ModelFormatError, each in < 1 s`, () => {
    let rejected = 0;
    for (let seed = 0; seed < seeds; seed++) {
      const rand = mulberry32(0x5eed + seed);
      const input = mutate(inputs[seed % inputs.length]!, rand);
      const t0 = performance.now();
      try {
        run(input);
      } catch (e) {
        if (!(e instanceof ModelFormatError)) throw new Error(`seed ${seed}: ${String(e)}`);
        rejected++;
      }
      expect(performance.now() - t0, `seed ${seed}`).toBeLessThan(1000);
    }
    expect(rejected).toBeGreaterThan(0);
  });
}

const repo = join(__dirname, '..', '..', '..');
const examples = join(repo, 'examples', 'models');

describe('fuzzing the TensorFlow readers', () => {
  const graphs = [
    new Uint8Array(readFileSync(join(examples, 'small_cnn.pb'))),
    new Uint8Array(readFileSync(join(examples, 'small_savedmodel', 'saved_model.pb'))),
  ];
  expectOnlyModelFormatErrors('decodeGraphDef + decodeTensor', 1200, graphs, (bytes) => {
    const g = decodeGraphDef(bytes);
    for (const n of g.node) if (n.attr.value?.tensor) decodeTensor(n.attr.value.tensor);
  });
  expectOnlyModelFormatErrors('decodeSavedModel', 300, [graphs[1]!], (bytes) => { decodeSavedModel(bytes); });

  const bundle = writeTensorBundle({
    W: { dtype: 'f32', shape: [4, 3], data: new Float32Array(12).fill(0.5) },
    names: { dtype: 'string', shape: [2], data: ['alpha', 'beta'] },
    step: { dtype: 'i64', shape: [], data: BigInt64Array.of(7n) },
  });
  const readAll = (index: Uint8Array, data: Uint8Array): void => {
    const b = readTensorBundle(index, [data]);
    for (const n of b.names) b.read(n);
  };
  expectOnlyModelFormatErrors('readTensorBundle (index)', 600, [bundle.index], (bytes) => readAll(bytes, bundle.data));
  expectOnlyModelFormatErrors('readTensorBundle (data, unchecked)', 300, [bundle.data], (bytes) => {
    const b = readTensorBundle(bundle.index, [bytes], { verifyChecksums: false });
    for (const n of b.names) b.read(n);
  });

  const npys = [
    writeNpy({ dtype: 'f4', shape: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) }),
    writeNpy({ dtype: 'i8', shape: [2], data: BigInt64Array.of(1n, 2n) }),
    writeNpy({ dtype: 'b1', shape: [3, 1, 1], data: Uint8Array.of(1, 0, 1) }),
  ];
  expectOnlyModelFormatErrors('readNpy', 600, npys, (bytes) => { readNpy(bytes); });

  const text = new TextEncoder().encode(
    'node { name: "c" op: "Const" attr { key: "value" value { tensor { dtype: DT_FLOAT tensor_shape { dim { size: 2 } } float_val: [1.5, 2] } } } }\n' +
    'node { name: "x" op: "Identity" input: "c" attr { key: "T" value { type: DT_FLOAT } } attr { key: "s" value { s: "\\001\\xff" } } }\n',
  );
  expectOnlyModelFormatErrors('parseGraphDefText', 500, [text], (bytes) => {
    const g = parseGraphDefText(new TextDecoder().decode(bytes));
    for (const n of g.node) if (n.attr.value?.tensor) decodeTensor(n.attr.value.tensor);
  });
});

describeModels('fuzzing a TensorFlow-written checkpoint (Snappy-compressed index blocks)', () => {
  const dir = 'savedmodel/serving/saved_model_half_plus_two_tf2_cpu/00000123/variables';
  const index = HAS_MODELS ? new Uint8Array(readFileSync(modelPath(`${dir}/variables.index`))) : new Uint8Array(0);
  const data = HAS_MODELS ? new Uint8Array(readFileSync(modelPath(`${dir}/variables.data-00000-of-00001`))) : new Uint8Array(0);
  expectOnlyModelFormatErrors('readTensorBundle (unchecked, so damage reaches the snappy decoder)', 400, [index], (bytes) => {
    const b = readTensorBundle(bytes, [data], { verifyChecksums: false });
    for (const n of b.names) b.read(n);
  });
});
