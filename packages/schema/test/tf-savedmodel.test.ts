import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { ModelFormatError } from '../src/errors';
import {
  decodeMetaGraphDef, decodeSavedModel, encodeSavedModel, readSavedModel, readSavedModelDir, readTensorBundle, writeTensorBundle,
} from '../src/tf/index';
import type { BundleEntryProto, MetaGraphDef, TfTensorInput } from '../src/tf/index';
import { crc32c, maskCrc, tfProto } from '../src/tf/index';
import { encodeSliceKey } from '../src/tf/slice-key';
import { writeSstable } from '../src/tf/sstable';

function histogram(mg: MetaGraphDef): Record<string, number> {
  const h: Record<string, number> = {};
  const add = (op: string): void => { h[op] = (h[op] ?? 0) + 1; };
  for (const n of mg.graphDef?.node ?? []) add(n.op);
  for (const f of mg.graphDef?.library?.function ?? []) for (const n of f.nodeDef) add(`fn:${n.op}`);
  return h;
}

const scalar = (t: { data: unknown }): number => (t.data as Float32Array)[0]!;

describeModels('SavedModels of the shared corpus', () => {
  const entries = manifestEntries().filter((e) => e.format === 'savedmodel');

  it('the corpus has the SavedModels this suite expects', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
  });

  for (const e of entries) {
    it(`reads ${dirname(e.path)}: ops, signatures and every variable`, async () => {
      const sm = await readSavedModelDir(dirname(modelPath(e.path)));
      const mg = sm.metaGraphs[0]!;
      expect(histogram(mg)).toEqual(e.ops);
      expect(mg.metaInfoDef?.tags).toEqual(e.tags);
      expect(Object.keys(mg.signatureDef).sort()).toEqual([...(e.signatures as string[])].sort());
      if (e.variables) {
        const v = sm.variables!;
        expect(v.names.length).toBeGreaterThan(0);
        for (const name of v.names) {
          const t = v.read(name);
          expect(t.data.length).toBeGreaterThanOrEqual(t.shape.reduce((a, b) => a * b, 1));
        }
      } else {
        expect(sm.variables).toBeUndefined();
      }
    });
  }

  it('half_plus_two (TF1) has variables a = 0.5 and b = 2.0 and the documented signatures', async () => {
    const sm = await readSavedModelDir(modelPath('savedmodel/serving/saved_model_half_plus_two_cpu/00000123'));
    expect(scalar(sm.variables!.read('a'))).toBe(0.5);
    expect(scalar(sm.variables!.read('b'))).toBe(2);
    const sig = sm.metaGraphs[0]!.signatureDef.regress_x_to_y!;
    expect(sig.methodName).toBe('tensorflow/serving/regress');
    expect(sm.assets).toEqual(['assets/foo.txt']);
  });

  it('half_plus_two (TF2) has an object graph, a function library and checkpointed a = 0.5, b = 2.0', async () => {
    const sm = await readSavedModelDir(modelPath('savedmodel/serving/saved_model_half_plus_two_tf2_cpu/00000123/saved_model.pb'));
    const mg = sm.metaGraphs[0]!;
    expect(mg.objectGraphDef!.nodes.length).toBeGreaterThan(3);
    expect(Object.keys(mg.objectGraphDef!.concreteFunctions).length).toBeGreaterThan(0);
    expect(mg.graphDef!.library!.function.length).toBeGreaterThan(0);
    expect(scalar(sm.variables!.read('a/.ATTRIBUTES/VARIABLE_VALUE'))).toBe(0.5);
    expect(scalar(sm.variables!.read('b/.ATTRIBUTES/VARIABLE_VALUE'))).toBe(2);
    const variableNodes = mg.objectGraphDef!.nodes.filter((n) => n.variable).map((n) => n.variable!.dtype);
    expect(variableNodes).toContain('DT_FLOAT');
    expect(sm.checkpointObjectGraph!.nodes.length).toBeGreaterThan(3);
  });

  it('reads int64 variables as BigInt64Array (tfjs_node/int64_multiply)', async () => {
    const sm = await readSavedModelDir(modelPath('savedmodel/tfjs_node/int64_multiply'));
    const t = sm.variables!.read('v1/.ATTRIBUTES/VARIABLE_VALUE');
    expect(t.dtype).toBe('i64');
    expect(t.data).toBeInstanceOf(BigInt64Array);
  });

  it('reads the TF1 checkpoint next to the regression MetaGraph: 5·W + b ≈ 2.1193', () => {
    const dir = modelPath('graphdef/tf2onnx/regression/checkpoint');
    const meta = decodeMetaGraphDef(readFileSync(join(dir, 'model.meta')));
    expect(meta.saverDef!.version).toBe('V2');
    expect(meta.graphDef!.node.some((n) => n.op === 'VariableV2')).toBe(true);
    const b = readTensorBundle(readFileSync(join(dir, 'model.index')), [readFileSync(join(dir, 'model.data-00000-of-00001'))]);
    expect(5 * scalar(b.read('W')) + scalar(b.read('b'))).toBeCloseTo(2.1193342, 4);
  });

  it('re-writes an uncompressed TensorFlow checkpoint byte-identically', () => {
    const dir = modelPath('graphdef/tf2onnx/regression/saved_model/variables');
    const index = new Uint8Array(readFileSync(join(dir, 'variables.index')));
    const data = new Uint8Array(readFileSync(join(dir, 'variables.data-00000-of-00001')));
    const b = readTensorBundle(index, [data]);
    const tensors: Record<string, TfTensorInput> = {};
    for (const n of b.names) { const t = b.read(n); tensors[n] = { dtype: t.dtype, shape: t.shape, data: t.bytes ?? t.data }; }
    const out = writeTensorBundle(tensors);
    expect(Buffer.compare(Buffer.from(out.index), Buffer.from(index))).toBe(0);
    expect(Buffer.compare(Buffer.from(out.data), Buffer.from(data))).toBe(0);
  });

  it('reads a SavedModel given as saved_model.pbtxt', async () => {
    const dir = modelPath('savedmodel/serving/saved_model_half_plus_two_cpu/00000123');
    const fromPb = await readSavedModelDir(dir);
    const files = new Map<string, Uint8Array>([
      ['saved_model.pbtxt', new TextEncoder().encode(tfProto.printText('SavedModel', fromPb.savedModel))],
      ['variables/variables.index', readFileSync(join(dir, 'variables/variables.index'))],
      ['variables/variables.data-00000-of-00001', readFileSync(join(dir, 'variables/variables.data-00000-of-00001'))],
    ]);
    const fromText = readSavedModel(files);
    expect(fromText.metaGraphs[0]!.graphDef!.node.length).toBe(fromPb.metaGraphs[0]!.graphDef!.node.length);
    // same content (text output sorts map entries, so compare the texts rather than the bytes)
    expect(tfProto.printText('SavedModel', fromText.savedModel)).toBe(new TextDecoder().decode(files.get('saved_model.pbtxt')));
    expect(scalar(fromText.variables!.read('a'))).toBe(0.5);
  });

  it('round-trips saved_model.pb through encodeSavedModel', () => {
    const bytes = readFileSync(modelPath('savedmodel/serving/saved_model_half_plus_two_tf2_cpu/00000123/saved_model.pb'));
    const sm = decodeSavedModel(bytes);
    expect(decodeSavedModel(encodeSavedModel(sm))).toEqual(sm);
  });

  it('detects a corrupted data shard by its checksum', () => {
    const dir = modelPath('savedmodel/serving/saved_model_half_plus_two_cpu/00000123/variables');
    const data = new Uint8Array(readFileSync(join(dir, 'variables.data-00000-of-00001')));
    data[0] ^= 0x40;
    const b = readTensorBundle(readFileSync(join(dir, 'variables.index')), [data]);
    const bad = b.names.filter((n) => { try { b.read(n); return false; } catch (e) { return (e as ModelFormatError).code === 'BAD_CHECKSUM'; } });
    expect(bad).toHaveLength(1);
    expect(readTensorBundle(readFileSync(join(dir, 'variables.index')), [data], { verifyChecksums: false }).read(bad[0]!).dtype).toBe('f32');
  });
});

describe('TensorBundle writer', () => {
  it('round-trips every element type, strings and many tensors across blocks', () => {
    const tensors: Record<string, TfTensorInput> = {
      f32: { dtype: 'f32', shape: [2, 3], data: Float32Array.of(1, -2, 3.5, 0, Infinity, -0) },
      f64: { dtype: 'f64', shape: [2], data: Float64Array.of(Math.PI, -1e300) },
      i64: { dtype: 'i64', shape: [2], data: BigInt64Array.of(-(2n ** 62n), 7n) },
      u8: { dtype: 'u8', shape: [3], data: Uint8Array.of(0, 128, 255) },
      bool: { dtype: 'bool', shape: [2], data: Uint8Array.of(1, 0) },
      f16: { dtype: 'f16', shape: [1], data: Uint16Array.of(0x3c00) },
      str: { dtype: 'string', shape: [3], data: ['', 'héllo', 'x'.repeat(300)] },
      scalar: { dtype: 'i32', shape: [], data: Int32Array.of(42) },
    };
    for (let i = 0; i < 4000; i++) tensors[`model/layer_${String(i).padStart(4, '0')}/${'kernel'.repeat(8)}`] = { dtype: 'f32', shape: [100], data: new Float32Array(100).fill(i) };
    const { index, data } = writeTensorBundle(tensors);
    expect(index.length).toBeGreaterThan(262144); // more than one data block
    const b = readTensorBundle(index, [data]);
    expect(b.names).toEqual(Object.keys(tensors).sort());
    expect(b.header.numShards).toBe(1);
    for (const [name, t] of Object.entries(tensors)) {
      const r = b.read(name);
      expect(r.dtype).toBe(t.dtype);
      expect(r.shape).toEqual(t.shape);
      expect(r.data).toEqual(t.data);
    }
  });

  it('rejects missing shards, unknown names and a damaged index with typed errors', () => {
    const { index, data } = writeTensorBundle({ w: { dtype: 'f32', shape: [1], data: Float32Array.of(1) } });
    expect(() => readTensorBundle(index, []).read('w')).toThrow(/data shard 0 of 1 is missing/);
    expect(() => readTensorBundle(index, [data]).read('nope')).toThrow(ModelFormatError);
    const bad = index.slice();
    bad[2] ^= 1;
    expect(() => readTensorBundle(bad, [data])).toThrow(/crc32c/);
    expect(() => readTensorBundle(index.subarray(0, 40), [data])).toThrow(/shorter than a table footer/);
  });

  it('assembles a partitioned variable from its slices (ordered-code slice keys)', () => {
    // W [4, 3] saved as two partitions along axis 0, as tf.compat.v1 partitioned variables are
    const full = Float32Array.from({ length: 12 }, (_, i) => i);
    const parts = [full.subarray(0, 6), full.subarray(6, 12)];
    const data = new Uint8Array(48);
    data.set(new Uint8Array(full.buffer));
    const shape = (dims: number[]): BundleEntryProto['shape'] => ({ dim: dims.map((size) => ({ size, name: '' })), unknownRank: false });
    const sliceProto = (start: number) => ({ extent: [{ start, length: 2 }, { start: 0 }] });
    const entry = (key: Uint8Array, e: Partial<BundleEntryProto>) => ({ key, value: tfProto.encode('BundleEntryProto', e) });
    const index = writeSstable([
      { key: new Uint8Array(0), value: tfProto.encode('BundleHeaderProto', { numShards: 1 }) },
      entry(new TextEncoder().encode('W'), { dtype: 'DT_FLOAT', shape: shape([4, 3]), slices: [sliceProto(0), sliceProto(2)] }),
      ...parts.map((p, i) => entry(encodeSliceKey('W', [{ start: 2 * i, length: 2 }, { start: 0 }]), {
        dtype: 'DT_FLOAT', shape: shape([2, 3]), offset: 24 * i, size: 24, crc32c: maskCrc(crc32c(new Uint8Array(p.buffer, p.byteOffset, 24))),
      })),
    ]);
    const b = readTensorBundle(index, [data]);
    expect(b.names).toEqual(['W']);
    const w = b.read('W');
    expect(w.shape).toEqual([4, 3]);
    expect(w.data).toEqual(full);
  });

  it('encodes slice keys as TensorFlow orders them (signed ordered code)', () => {
    // start 0 → 0x80, length -1 (whole dimension) → 0x7f, 64 → c0 40, -65 → 3f bf
    expect(Array.from(encodeSliceKey('a', [{ start: 0 }]))).toEqual([0, 0x61, 0, 1, 1, 1, 0x80, 0x7f]);
    expect(Array.from(encodeSliceKey('', [{ start: 64, length: 5 }]))).toEqual([0, 0, 1, 1, 1, 0xc0, 0x40, 0x85]);
    expect(Array.from(encodeSliceKey('\u0000', [{ start: -65, length: 1 }])).slice(1, 5)).toEqual([0, 0xff, 0, 1]);
    expect(Array.from(encodeSliceKey('', [{ start: -65, length: 1 }])).slice(-3)).toEqual([0x3f, 0xbf, 0x81]);
  });

  it('readSavedModel reports a missing saved_model.pb', () => {
    expect(() => readSavedModel({})).toThrow(/saved_model.pb or saved_model.pbtxt/);
  });
});

describe('our example SavedModel (examples/models/small_savedmodel)', () => {
  it('has a serving_default signature and variables W [4,3], b [3]', async () => {
    const sm = await readSavedModelDir(join(__dirname, '..', '..', '..', 'examples', 'models', 'small_savedmodel'));
    const mg = sm.metaGraphs[0]!;
    expect(mg.metaInfoDef!.tags).toEqual(['serve']);
    const sig = mg.signatureDef.serving_default!;
    expect(sig.inputs.x!.name).toBe('x:0');
    expect(sig.outputs.y!.name).toBe('y:0');
    expect(sm.variables!.names).toEqual(['W', 'b']);
    expect(sm.variables!.read('W').shape).toEqual([4, 3]);
    expect(sm.variables!.read('b').shape).toEqual([3]);
    expect(mg.graphDef!.node.map((n) => n.op)).toContain('RestoreV2');
  });
});
