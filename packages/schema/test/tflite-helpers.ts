// Shared helpers of the tflite tests.
import { expect } from 'vitest';
import { builtinOpName, tflite, type TfliteModel } from '../src/index';

/** The model without its bulk bytes, as plain data `toEqual` can compare quickly. */
export function comparable(m: TfliteModel, placement = true): unknown {
  return JSON.parse(
    JSON.stringify(
      {
        ...m,
        buffers: m.buffers.map((b) => (placement ? { bytes: b.data.length, external: b.offset > 1n, size: b.offset > 1n ? b.size : 0n } : { bytes: b.data.length })),
        subgraphs: m.subgraphs.map((sg) => ({
          ...sg,
          operators: sg.operators.map((op) => ({
            ...op,
            customOptions: Array.from(op.customOptions),
            largeCustomOptionsOffset: placement && op.largeCustomOptionsOffset > 1n,
            largeCustomOptionsSize: placement && op.largeCustomOptionsOffset > 1n ? op.largeCustomOptionsSize : 0n,
          })),
        })),
      },
      (_k, v) => (typeof v === 'bigint' ? `${v}n` : v),
    ),
  );
}

/** Asserts two models are equal, buffer bytes included (with `placement`: also which data sit after the flatbuffer). */
export function expectSameModel(actual: TfliteModel, expected: TfliteModel, placement = true): void {
  expect(actual.buffers.length).toBe(expected.buffers.length);
  actual.buffers.forEach((b, i) => {
    const want = expected.buffers[i]!.data;
    if (b.data.length !== want.length || Buffer.compare(b.data, want) !== 0) {
      throw new Error(`buffer ${i} differs (${b.data.length} vs ${want.length} bytes)`);
    }
  });
  expect(comparable(actual, placement)).toEqual(comparable(expected, placement));
}

/** Op histogram as the manifest writes it: builtin name, or `CUSTOM:<code>`. */
export function opHistogram(m: TfliteModel): Record<string, number> {
  const h: Record<string, number> = {};
  for (const sg of m.subgraphs) {
    for (const op of sg.operators) {
      const code = m.operatorCodes[op.opcodeIndex]!;
      const name = builtinOpName(code) === 'CUSTOM' ? `CUSTOM:${code.customCode}` : builtinOpName(code);
      h[name] = (h[name] ?? 0) + 1;
    }
  }
  return h;
}

/** mulberry32: small seeded PRNG, returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A one-op model (ADD of a constant) with the given buffers; tensor 1 uses buffer 1. */
export function tinyModel(buffers: Uint8Array[]): TfliteModel {
  const t = (name: string, buffer: number) =>
    new tflite.TensorT([1, 4], tflite.TensorType.FLOAT32, buffer, name, null, false, null, [], true);
  const op = new tflite.OperatorT(0, [0, 1], [2], tflite.BuiltinOptions.AddOptions, new tflite.AddOptionsT(tflite.ActivationFunctionType.RELU6));
  return {
    version: 3,
    operatorCodes: [new tflite.OperatorCodeT(0, null, 1, tflite.BuiltinOperator.ADD)],
    subgraphs: [{ ...new tflite.SubGraphT([t('x', 0), t('c', 1), t('y', 0)], [0], [2], [], 'main'), operators: [{ ...op, customOptions: new Uint8Array(0) }] }],
    description: 'tiny',
    buffers: buffers.map((data) => ({ data, offset: 0n, size: 0n })),
    metadataBuffer: [],
    metadata: [],
    signatureDefs: [],
    externalBufferGroups: [],
    externalBuffers: [],
  };
}
