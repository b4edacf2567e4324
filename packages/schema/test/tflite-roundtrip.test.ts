import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { describeModels, manifestEntries, modelPath, type ManifestEntry } from '../../../testing/shared-models';
import { ModelFormatError, isTflite, readTflite, tflite, writeTflite } from '../src/index';
import { comparable, expectSameModel, opHistogram, tinyModel } from './tflite-helpers';

/**
 * Manifest entries marked `expect: "error"` that are structurally valid flatbuffers: the problem is
 * in the graph, so graph-ir or the runtime must reject them, not the file reader.
 */
export const SEMANTIC_ERRORS: Record<string, string> = {
  'litert/litert/test/testdata/topo_sort_fork_violation.tflite':
    'operators are not in topological order (graph-ir toposort/verify must reject or reorder)',
  'litert/tflite/testdata/segment_sum_invalid_buffer.bin':
    'SEGMENT_SUM segment-ids tensor has no constant data (runtime prepare must reject)',
  'litert/tflite/testdata/add_shared_tensors.bin':
    'tensor 1 is both graph input and output (runtime must reject at allocation)',
  'litert/tflite/testdata/empty_model.bin':
    'one subgraph without tensors or operators: nothing to run (runtime must reject)',
};

const load = (e: ManifestEntry): Uint8Array => new Uint8Array(readFileSync(modelPath(e.path)));
const tfliteEntries = (): ManifestEntry[] => manifestEntries().filter((e) => e.format === 'tflite');

describeModels('readTflite → writeTflite → readTflite on every valid shared model', () => {
  const entries = tfliteEntries().filter((e) => e.expect !== 'error');

  test('the manifest has the expected TFLite models', () => {
    expect(entries.length).toBeGreaterThanOrEqual(390);
  });

  test.each(entries.map((e) => [e.path, e] as const))('%s', (_path, e) => {
    const bytes = load(e);
    expect(isTflite(bytes)).toBe(true);
    const model = readTflite(bytes);

    // What the file says, cross-checked with the manifest (written from real TFLite).
    if (e.subgraphs !== undefined) expect(model.subgraphs.length).toBe(e.subgraphs);
    if (e.ops) expect(opHistogram(model)).toEqual(e.ops);
    const main = model.subgraphs[0]!;
    if (e.inputs) {
      expect(main.inputs.map((i) => main.tensors[i]!.name)).toEqual(e.inputs.map((t) => t.name));
      expect(main.inputs.map((i) => tflite.TensorType[main.tensors[i]!.type]!.toLowerCase())).toEqual(e.inputs.map((t) => t.dtype));
    }
    if (e.outputs) expect(main.outputs.map((i) => main.tensors[i]!.name)).toEqual(e.outputs.map((t) => t.name));

    // Buffer data and custom options are views into the input, never copies.
    for (const b of model.buffers) if (b.data.length) expect(b.data.buffer).toBe(bytes.buffer);
    for (const sg of model.subgraphs) {
      for (const op of sg.operators) if (op.customOptions.length) expect(op.customOptions.buffer).toBe(bytes.buffer);
    }

    const written = writeTflite(model);
    expect(isTflite(written)).toBe(true);
    const again = readTflite(written);
    expectSameModel(again, model);
    // Writing is deterministic: the second generation is byte-identical to the first.
    expect(Buffer.compare(writeTflite(again), written)).toBe(0);
  });
});

describeModels('shared models that must be rejected', () => {
  const entries = tfliteEntries().filter((e) => e.expect === 'error');

  test('every semantic-error fixture is still in the manifest', () => {
    const paths = new Set(entries.map((e) => e.path));
    for (const p of Object.keys(SEMANTIC_ERRORS)) expect(paths.has(p), p).toBe(true);
  });

  test.each(entries.map((e) => [e.path, e] as const))('%s', (path, e) => {
    const bytes = load(e);
    if (SEMANTIC_ERRORS[path]) {
      // Structurally valid: it reads and writes back unchanged; the graph layer rejects it.
      const model = readTflite(bytes);
      expect(comparable(readTflite(writeTflite(model)))).toEqual(comparable(model));
      return;
    }
    let err: unknown;
    try {
      readTflite(bytes);
    } catch (x) {
      err = x;
    }
    expect(err, `${path} (${String(e.expect_why)}) was read without error`).toBeInstanceOf(ModelFormatError);
    expect((err as ModelFormatError).message.length).toBeGreaterThan(10);
  });
});

describeModels('data stored after the flatbuffer (Buffer.offset/size)', () => {
  const external = 'litert/litert/test/testdata/simple_group_norm_op.tflite';

  test('a real file with appended weights reads zero-copy and round-trips both ways', () => {
    const bytes = new Uint8Array(readFileSync(modelPath(external)));
    const model = readTflite(bytes);
    const ext = model.buffers.filter((b) => b.offset > 1n);
    expect(ext.length).toBeGreaterThan(0);
    for (const b of ext) {
      expect(b.data.buffer).toBe(bytes.buffer);
      expect(b.data.byteOffset - bytes.byteOffset).toBe(Number(b.offset));
      expect(b.data.length).toBe(Number(b.size));
    }
    // 'auto' keeps the layout of the source file …
    const appended = writeTflite(model);
    const back = readTflite(appended);
    expect(back.buffers.filter((b) => b.offset > 1n).length).toBe(ext.length);
    expectSameModel(back, model);
    // … and 'inline' moves everything into the flatbuffer.
    const inline = readTflite(writeTflite(model, { weights: 'inline' }));
    expect(inline.buffers.every((b) => b.offset === 0n)).toBe(true);
    model.buffers.forEach((b, i) => expect(Buffer.compare(inline.buffers[i]!.data, b.data)).toBe(0));
  });

  test.each(['tflm/hello_world_float.tflite', 'support/mobilenet_v1_0.25_224_quant.tflite'])(
    "weights: 'append' moves every buffer after the flatbuffer, 16-byte aligned (%s)",
    (path) => {
      const entry = tfliteEntries().find((e) => e.path === path);
      expect(entry, `${path} in manifest`).toBeDefined();
      const model = readTflite(new Uint8Array(readFileSync(modelPath(path))));
      const out = writeTflite(model, { weights: 'append' });
      const back = readTflite(out);
      for (const [i, b] of back.buffers.entries()) {
        if (model.buffers[i]!.data.length === 0) continue;
        expect(b.offset).toBeGreaterThan(1n);
        expect(Number(b.offset) % 16).toBe(0);
        expect(b.data.byteOffset - out.byteOffset).toBe(Number(b.offset));
      }
      expectSameModel(back, model, false);
    },
  );
});

describe('inline buffer alignment', () => {
  test('buffer data written inline starts on a 16-byte boundary', () => {
    const data = Uint8Array.from({ length: 37 }, (_, i) => i);
    const model = tinyModel([new Uint8Array(0), data, data.subarray(3)]);
    const out = writeTflite(model);
    const back = readTflite(out);
    for (const b of back.buffers.slice(1)) expect((b.data.byteOffset - out.byteOffset) % 16).toBe(0);
    expect(Array.from(back.buffers[2]!.data)).toEqual(Array.from(data.subarray(3)));
  });
});
