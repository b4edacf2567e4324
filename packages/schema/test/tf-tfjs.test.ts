import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { ModelFormatError } from '../src/errors';
import { decodeTensor, readTfjsModel } from '../src/tf/index';

describeModels('tfjs graph models of the shared corpus', () => {
  const entries = manifestEntries().filter((e) => e.format === 'tfjs-graph-model');

  it('the corpus has both graph models', () => expect(entries).toHaveLength(2));

  for (const e of entries) {
    it(`reads ${e.path}: Placeholder·w gives the documented result`, () => {
      const m = readTfjsModel(readFileSync(modelPath(e.path), 'utf8'), [readFileSync(modelPath('tfjs/graph_model/weights.bin'))]);
      expect(m.format).toBe('graph-model');
      expect(m.graph.node.map((n) => n.op)).toEqual(['Const', 'Placeholder', 'MatMul']);
      expect(m.graph.versions!.producer).toBe(175);
      expect(m.graph.node[2]!.attr.transpose_a!.b).toBe(false);
      expect(m.signature!.inputs['Placeholder:0']!.tensorShape!.dim.map((d) => d.size)).toEqual([2, 2]);
      const w = decodeTensor(m.graph.node[0]!.attr.value!.tensor!); // the weight was filled into the Const node
      expect(w.data).toEqual(m.weights.w!.data);
      const [a, b, c, d] = w.data as Float32Array;
      // [[1, 1], [1, 1]] · w = column sums, twice
      expect(a! + c!).toBeCloseTo(0.7567615509033203, 6);
      expect(b! + d!).toBeCloseTo(-0.18349379301071167, 6);
    });
  }

  it('rejects the tfjs layers model with an actionable error', () => {
    let err: unknown;
    try { readTfjsModel(readFileSync(modelPath('tfjs/layers_model/model.json'), 'utf8'), []); } catch (e) { err = e; }
    expect((err as ModelFormatError).code).toBe('UNKNOWN_FORMAT');
    expect((err as Error).message).toMatch(/layers model/);
  });
});

describe('readTfjsModel weights', () => {
  const f16 = (x: number): number => (x === 1 ? 0x3c00 : x === -2 ? 0xc000 : x === 0.5 ? 0x3800 : 0);
  const u32 = (n: number): number[] => [n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24];
  const bytes = [
    ...[10, 20, 255], // q8: uint8 affine
    ...new Uint8Array(Uint16Array.of(0, 1000, 65535).buffer), // q16: uint16 affine
    ...new Uint8Array(Uint16Array.of(f16(1), f16(-2), f16(0.5)).buffer), // h: float16
    ...u32(2), ...Buffer.from('hi'), ...u32(3), ...Buffer.from('dé').subarray(0, 3), // s: strings
    ...new Uint8Array(Int32Array.of(-7, 8).buffer), // i
    ...[1, 0], // b
  ];
  const all = Uint8Array.from(bytes);
  const modelJson = {
    format: 'graph-model',
    modelTopology: {
      node: [
        { name: 'q8', op: 'Const', attr: { value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '3' }] } } }, dtype: { type: 'DT_FLOAT' } } },
        { name: 's', op: 'Const', attr: { value: { tensor: { dtype: 'DT_STRING', tensorShape: { dim: [{ size: '2' }] } } } } },
      ],
      versions: { producer: 1 },
    },
    weightsManifest: [
      { paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: [
        { name: 'q8', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
        { name: 'q16', shape: [3], dtype: 'float32', quantization: { dtype: 'uint16', scale: 0.001, min: 0 } },
        { name: 'h', shape: [3], dtype: 'float32', quantization: { dtype: 'float16' } },
      ] },
      { paths: ['group2-shard1of1.bin'], weights: [
        { name: 's', shape: [2], dtype: 'string' },
        { name: 'i', shape: [2], dtype: 'int32' },
        { name: 'b', shape: [2], dtype: 'bool' },
      ] },
    ],
  };
  const split = 4; // group 1 spans two shard files
  const g1 = 3 + 6 + 6;
  const shards = { 'group1-shard1of2.bin': all.slice(0, split), 'group1-shard2of2.bin': all.slice(split, g1), 'group2-shard1of1.bin': all.slice(g1) };

  it('dequantizes uint8/uint16 (q·scale + min) and float16, and reads string, int32 and bool weights', () => {
    const m = readTfjsModel(modelJson, shards);
    expect(m.weights.q8!.data).toEqual(Float32Array.of(4, 9, 126.5));
    expect(m.weights.q8!.quantization).toMatchObject({ dtype: 'uint8', scale: 0.5, min: -1 });
    expect(m.weights.q8!.quantizedData).toEqual(Uint8Array.of(10, 20, 255));
    expect(Array.from(m.weights.q16!.data as Float32Array)).toEqual([0, Math.fround(1), Math.fround(65.535)]);
    expect(m.weights.h!.data).toEqual(Float32Array.of(1, -2, 0.5));
    expect(m.weights.s!.data).toEqual(['hi', 'dé']);
    expect(m.weights.i!.data).toEqual(Int32Array.of(-7, 8));
    expect(m.weights.b).toMatchObject({ dtype: 'bool', data: Uint8Array.of(1, 0) });
    expect(decodeTensor(m.graph.node[0]!.attr.value!.tensor!).data).toEqual(Float32Array.of(4, 9, 126.5));
    expect(decodeTensor(m.graph.node[1]!.attr.value!.tensor!).data).toEqual(['hi', 'dé']);
  });

  it('keeps quantized values when asked, and accepts shards as an ordered list', () => {
    const m = readTfjsModel(JSON.stringify(modelJson), [shards['group1-shard1of2.bin'], shards['group1-shard2of2.bin'], shards['group2-shard1of1.bin']], { dequantize: false });
    expect(m.weights.q8).toMatchObject({ dtype: 'u8', data: Uint8Array.of(10, 20, 255) });
    expect(m.weights.q16!.data).toEqual(Uint16Array.of(0, 1000, 65535));
    expect(m.weights.h).toMatchObject({ dtype: 'f16', data: Uint16Array.of(0x3c00, 0xc000, 0x3800) });
  });

  it('reports missing or short shards and bad JSON', () => {
    expect(() => readTfjsModel(modelJson, { 'group1-shard1of2.bin': shards['group1-shard1of2.bin'] })).toThrow(/shard 'group1-shard2of2.bin' was not provided/);
    expect(() => readTfjsModel(modelJson, { ...shards, 'group2-shard1of1.bin': all.slice(g1, g1 + 5) })).toThrow(ModelFormatError);
    expect(() => readTfjsModel('{not json', [])).toThrow(/not valid JSON/);
    expect(() => readTfjsModel({ format: 'graph-model' }, [])).toThrow(/no modelTopology/);
  });
});
