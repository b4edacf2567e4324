import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Builder } from 'flatbuffers';
import { describe, expect, test } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import {
  ModelFormatError, builtinCodeOf, builtinOpName, isTflite, readTflite, tflite, tfliteReflection, verifyTflite,
  writeTflite, type TfliteModel,
} from '../src/index';
import { tinyModel } from './tflite-helpers';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');

function errorOf(fn: () => unknown): ModelFormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ModelFormatError) return e;
    throw new Error(`expected a ModelFormatError, got ${String(e)}`);
  }
  throw new Error('expected a ModelFormatError, nothing was thrown');
}

/** A model built directly with the flatbuffers builder (for inputs our writer would never produce). */
function rawModel(subgraphs: (b: Builder) => number): Uint8Array {
  const b = new Builder(256);
  const sgs = subgraphs(b);
  const buffers = tflite.Model.createBuffersVector(b, [(tflite.Buffer.startBuffer(b), tflite.Buffer.endBuffer(b))]);
  tflite.Model.startModel(b);
  tflite.Model.addVersion(b, 3);
  tflite.Model.addSubgraphs(b, sgs);
  tflite.Model.addBuffers(b, buffers);
  b.finish(tflite.Model.endModel(b), 'TFL3');
  return b.asUint8Array().slice();
}

describe('operator codes', () => {
  test('the effective code is the larger of the two fields', () => {
    expect(builtinOpName({ deprecatedBuiltinCode: 3, builtinCode: 0 })).toBe('CONV_2D');
    expect(builtinOpName({ deprecatedBuiltinCode: 127, builtinCode: 150 })).toBe('GELU');
    expect(builtinCodeOf({ deprecatedBuiltinCode: 127, builtinCode: tflite.BuiltinOperator.STABLEHLO_COMPOSITE })).toBe(206);
    expect(builtinOpName(tflite.BuiltinOperator.FULLY_CONNECTED)).toBe('FULLY_CONNECTED');
    expect(builtinOpName(9999)).toBe('UNKNOWN_9999');
  });

  test('writeTflite fills the legacy byte field; readTflite normalizes both fields', () => {
    const model = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    model.operatorCodes = [new tflite.OperatorCodeT(0, null, 1, tflite.BuiltinOperator.GELU), new tflite.OperatorCodeT(9, null, 2, 0)];
    const back = readTflite(writeTflite(model));
    expect(back.operatorCodes.map((c) => [c.deprecatedBuiltinCode, c.builtinCode, c.version])).toEqual([[127, 150, 1], [9, 9, 2]]);
  });

  test('isTflite looks at the file identifier only', () => {
    expect(isTflite(writeTflite(tinyModel([new Uint8Array(0)])))).toBe(true);
    expect(isTflite(new TextEncoder().encode('\0\0\0\0TFL2...'))).toBe(false);
    expect(isTflite(new Uint8Array(5))).toBe(false);
  });
});

describe('writeTflite', () => {
  test('StableHLO options (BuiltinOptions2) and several subgraphs round-trip', () => {
    const model = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    model.operatorCodes.push(new tflite.OperatorCodeT(127, null, 1, tflite.BuiltinOperator.STABLEHLO_COMPOSITE));
    const op = model.subgraphs[0]!.operators[0]!;
    model.subgraphs[0]!.operators.push({
      ...op,
      opcodeIndex: 1,
      builtinOptionsType: tflite.BuiltinOptions.NONE,
      builtinOptions: null,
      builtinOptions2Type: tflite.BuiltinOptions2.StableHLOCompositeOptions,
      builtinOptions2: new tflite.StableHLOCompositeOptionsT('odml.rms_norm', 1, [1, 2, 3], tflite.CustomOptionsFormat.FLEXBUFFERS, 2),
    });
    model.subgraphs.push({ ...model.subgraphs[0]!, name: 'decomposition', operators: [] });
    const back = readTflite(writeTflite(model));
    expect(back.subgraphs.map((s) => s.name)).toEqual(['main', 'decomposition']);
    const opts = back.subgraphs[0]!.operators[1]!.builtinOptions2;
    expect(opts).toBeInstanceOf(tflite.StableHLOCompositeOptionsT);
    expect(opts).toEqual(new tflite.StableHLOCompositeOptionsT('odml.rms_norm', 1, [1, 2, 3], 0, 2));
    const add = back.subgraphs[0]!.operators[0]!.builtinOptions as tflite.AddOptionsT;
    expect(add.fusedActivationFunction).toBe(tflite.ActivationFunctionType.RELU6);
    expect(add.potScaleInt16).toBe(true); // schema default
  });

  test('accepts plain objects with the object-API field names', () => {
    const model = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    const op = model.subgraphs[0]!.operators[0]! as unknown as Record<string, unknown>;
    op.builtinOptions = { fusedActivationFunction: tflite.ActivationFunctionType.TANH, potScaleInt16: false };
    const back = readTflite(writeTflite(model));
    expect(back.subgraphs[0]!.operators[0]!.builtinOptions).toEqual(new tflite.AddOptionsT(tflite.ActivationFunctionType.TANH, false));
  });

  test('custom options can be stored after the flatbuffer (large custom options)', () => {
    const model = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    model.operatorCodes = [new tflite.OperatorCodeT(32, 'MyOp', 1, tflite.BuiltinOperator.CUSTOM)];
    const custom = Uint8Array.from({ length: 100 }, (_, i) => 255 - i);
    Object.assign(model.subgraphs[0]!.operators[0]!, { builtinOptionsType: 0, builtinOptions: null, customOptions: custom });
    const out = writeTflite(model, { weights: 'append' });
    const back = readTflite(out);
    const op = back.subgraphs[0]!.operators[0]!;
    expect(op.largeCustomOptionsOffset).toBeGreaterThan(1n);
    expect(op.largeCustomOptionsSize).toBe(100n);
    expect(op.customOptions.buffer).toBe(out.buffer);
    expect(Array.from(op.customOptions)).toEqual(Array.from(custom));
    // and back inline
    const inline = readTflite(writeTflite(back, { weights: 'inline' }));
    expect(inline.subgraphs[0]!.operators[0]!.largeCustomOptionsOffset).toBe(0n);
    expect(Array.from(inline.subgraphs[0]!.operators[0]!.customOptions)).toEqual(Array.from(custom));
  });

  test('rejects an unknown union type with a ModelFormatError naming the field', () => {
    const model = tinyModel([new Uint8Array(0)]);
    model.subgraphs[0]!.operators[0]!.builtinOptionsType = 250 as tflite.BuiltinOptions;
    const err = errorOf(() => writeTflite(model));
    expect(err.code).toBe('BAD_VALUE');
    expect(err.message).toContain('Model.subgraphs[0].operators[0].builtinOptions');
  });
});

describe('verifier and reader on malformed input', () => {
  const good = writeTflite(tinyModel([new Uint8Array(0), Uint8Array.from({ length: 37 }, (_, i) => i)]));

  test('short, empty and foreign files', () => {
    expect(errorOf(() => readTflite(new Uint8Array(0))).code).toBe('TRUNCATED');
    expect(errorOf(() => readTflite(good.subarray(0, 7))).code).toBe('TRUNCATED');
    const wrongId = good.slice();
    wrongId[7] = 0x32; // 'TFL2'
    const e = errorOf(() => readTflite(wrongId));
    expect(e.code).toBe('BAD_MAGIC');
    expect(e.message).toContain("'TFL2'");
    expect(errorOf(() => readTflite('model.tflite' as unknown as Uint8Array)).code).toBe('BAD_VALUE');
  });

  test('a vector whose length runs past the end of the file', () => {
    const back = readTflite(good);
    const dataAt = back.buffers[1]!.data.byteOffset - good.byteOffset;
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(dataAt - 4, 0x7ffffff0, true);
    const e = errorOf(() => readTflite(bad));
    expect(e.code).toBe('BAD_LENGTH');
    expect(e.where).toBe('Model.buffers[1].data');
  });

  test('reads from any byte offset (no alignment needed) and writer input errors are typed', () => {
    const shifted = new Uint8Array(good.length + 3).subarray(3);
    shifted.set(good);
    const back = readTflite(shifted);
    expect(Array.from(back.buffers[1]!.data)).toEqual(Array.from({ length: 37 }, (_, i) => i));
    expect(back.buffers[1]!.data.buffer).toBe(shifted.buffer);
    const broken = tinyModel([new Uint8Array(0)]) as unknown as { subgraphs: { tensors: unknown }[] };
    broken.subgraphs[0]!.tensors = 5;
    const e = errorOf(() => writeTflite(broken as unknown as TfliteModel));
    expect(e.where).toBe('Model.subgraphs[0].tensors');
  });

  test('a root offset past the end', () => {
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(0, bad.length + 100, true);
    expect(errorOf(() => readTflite(bad)).code).toBe('BAD_OFFSET');
  });

  test('shared sub-tables that would explode when unpacked are refused up front', () => {
    const bytes = rawModel((b) => {
      const shape = tflite.Tensor.createShapeVector(b, new Array(1000).fill(1));
      tflite.Tensor.startTensor(b);
      tflite.Tensor.addShape(b, shape);
      const t = tflite.Tensor.endTensor(b);
      const tensors = tflite.SubGraph.createTensorsVector(b, new Array(1000).fill(t));
      tflite.SubGraph.startSubGraph(b);
      tflite.SubGraph.addTensors(b, tensors);
      const sg = tflite.SubGraph.endSubGraph(b);
      return tflite.Model.createSubgraphsVector(b, new Array(2000).fill(sg));
    });
    expect(bytes.length).toBeLessThan(20_000);
    const t0 = performance.now();
    expect(errorOf(() => readTflite(bytes)).code).toBe('TOO_LARGE');
    expect(performance.now() - t0).toBeLessThan(500);
  });

  test('an unknown builtin options type', () => {
    const bytes = rawModel((b) => {
      tflite.AddOptions.startAddOptions(b);
      const opts = tflite.AddOptions.endAddOptions(b);
      tflite.Operator.startOperator(b);
      tflite.Operator.addBuiltinOptionsType(b, 200 as tflite.BuiltinOptions);
      tflite.Operator.addBuiltinOptions(b, opts);
      const op = tflite.Operator.endOperator(b);
      const ops = tflite.SubGraph.createOperatorsVector(b, [op]);
      tflite.SubGraph.startSubGraph(b);
      tflite.SubGraph.addOperators(b, ops);
      return tflite.Model.createSubgraphsVector(b, [tflite.SubGraph.endSubGraph(b)]);
    });
    const e = errorOf(() => readTflite(bytes));
    expect(e.code).toBe('BAD_VALUE');
    expect(e.where).toBe('Model.subgraphs[0].operators[0].builtinOptions');
  });

  test('dangling indices are reported with their location', () => {
    const model = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    model.subgraphs[0]!.tensors[1]!.buffer = 7;
    let e = errorOf(() => readTflite(writeTflite(model)));
    expect(e.code).toBe('BAD_VALUE');
    expect(e.where).toBe('Model.subgraphs[0].tensors[1].buffer');
    const model2 = tinyModel([new Uint8Array(0), new Uint8Array(16)]);
    model2.subgraphs[0]!.operators[0]!.inputs = [0, 3];
    e = errorOf(() => readTflite(writeTflite(model2)));
    expect(e.where).toBe('Model.subgraphs[0].operators[0].inputs[1]');
    // … unless the caller asks for the raw file.
    expect(readTflite(writeTflite(model2), { checkReferences: false }).subgraphs[0]!.operators[0]!.inputs).toEqual([0, 3]);
  });

  test('a model without subgraphs is refused', () => {
    const model: TfliteModel = { ...tinyModel([new Uint8Array(0)]), subgraphs: [] };
    expect(errorOf(() => readTflite(writeTflite(model))).message).toContain('no subgraphs');
  });
});

describeModels('verifier limits on a real model', () => {
  test('maxDepth', () => {
    const bytes = new Uint8Array(readFileSync(modelPath('aiquant/models/simple_composite.tflite')));
    expect(() => verifyTflite(bytes)).not.toThrow();
    expect(errorOf(() => verifyTflite(bytes, { maxDepth: 2 })).code).toBe('TOO_DEEP');
    expect(errorOf(() => verifyTflite(bytes, { maxTables: 5 })).code).toBe('TOO_LARGE');
  });
});

describe('tfliteReflection', () => {
  test('describes fields with their object-API names, slots and defaults', () => {
    const conv = Object.fromEntries(tfliteReflection.tables.Conv2DOptions!.map((f) => [f.name, f]));
    expect(conv.padding).toMatchObject({ id: 0, type: 'byte', ref: 'Padding', default: 0 });
    expect(conv.dilationWFactor).toMatchObject({ id: 4, type: 'int', default: 1 });
    expect(conv.quantizedBiasType).toMatchObject({ id: 6, ref: 'TensorType' });
    const op = Object.fromEntries(tfliteReflection.tables.Operator!.map((f) => [f.name, f]));
    expect(op.builtinOptionsType).toMatchObject({ id: 3, type: 'utype', ref: 'BuiltinOptions' });
    expect(op.builtinOptions2).toMatchObject({ id: 12, type: 'union', ref: 'BuiltinOptions2' });
    expect(tfliteReflection.tables.Buffer![0]).toMatchObject({ name: 'data', element: 'ubyte', forceAlign: 16 });
    expect(tfliteReflection.unions.BuiltinOptions![1]).toBe('Conv2DOptions');
    expect(tfliteReflection.enums.Padding!.values).toEqual({ SAME: 0, VALID: 1 });
  });

  test('readTflite fills every live field of the tables it decodes by hand', () => {
    const model = readTflite(writeTflite(tinyModel([new Uint8Array(0), new Uint8Array(4)])));
    const live = (t: string) => tfliteReflection.tables[t]!.filter((f) => !f.deprecated).map((f) => f.name).sort();
    expect(Object.keys(model).sort()).toEqual(live('Model'));
    expect(Object.keys(model.subgraphs[0]!).sort()).toEqual(live('SubGraph'));
    expect(Object.keys(model.subgraphs[0]!.operators[0]!).sort()).toEqual(live('Operator'));
    expect(Object.keys(model.buffers[0]!).sort()).toEqual(live('Buffer'));
  });

  test('agrees with the generated classes: every field exists with the same default', () => {
    const ns = tflite as unknown as Record<string, new () => Record<string, unknown>>;
    for (const [table, fields] of Object.entries(tfliteReflection.tables)) {
      const obj = new ns[`${table}T`]!();
      for (const f of fields) {
        if (f.deprecated) {
          expect(f.name in obj, `${table}.${f.name} is deprecated`).toBe(false);
          continue;
        }
        expect(f.name in obj, `${table}.${f.name}`).toBe(true);
        if (f.default === undefined) continue;
        const v = obj[f.name];
        expect(typeof v === 'bigint' ? Number(v) : v, `${table}.${f.name} default`).toBe(f.default);
      }
    }
    for (const [name, e] of Object.entries(tfliteReflection.enums)) {
      const gen = (tflite as unknown as Record<string, Record<string, number>>)[name]!;
      for (const [member, value] of Object.entries(e.values)) expect(gen[member], `${name}.${member}`).toBe(value);
    }
  });

  test('generated code is up to date with fbs/tflite.fbs', () => {
    const r = spawnSync(process.execPath, [join(pkgDir, 'scripts', 'generate.mjs'), '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
