import { readTflite } from '@liteml/schema';
import { describe, expect, it } from 'vitest';
import { GraphBuilder, IRError, Model, exportTflite, importTflite, printModel, toTfliteModel } from '../src/index';

function built(): Model {
  const b = new GraphBuilder('main');
  const x = b.input('x', 'i8', ['batch', 4], { quant: { scale: [0.5], zeroPoint: [1] } });
  const w = b.constant('w', 'i8', [3, 4], new Int8Array(12).fill(2), { quant: { scale: [0.1, 0.2, 0.3], zeroPoint: [0, 0, 0], axis: 0 } });
  const [y] = b.op('tfl.FULLY_CONNECTED', [x, w, undefined], { fusedActivationFunction: 'RELU' }, {
    name: 'fc', outputs: [{ dtype: 'i8', shape: ['batch', 3], quant: { scale: [0.25], zeroPoint: [-2] } }], version: 5,
  });
  const [z] = b.op('tfl.CUSTOM', [y!], { customCode: 'MyOp', customOptions: new Uint8Array([1, 2, 3]) }, {
    name: 'custom', outputs: [{ dtype: 'f32', shape: ['batch', 3] }],
  });
  b.output(z!);
  return new Model({
    graphs: [b.graph],
    signatures: [{ key: 'run', graphIndex: 0, inputs: [{ name: 'in', value: x }], outputs: [{ name: 'out', value: z! }] }],
    metadata: [{ name: 'note', data: new TextEncoder().encode('hello') }],
    description: 'built by a test',
  });
}

describe('exportTflite / importTflite', () => {
  it('writes a valid file that reads back as the same model (symbolic dims become -1)', () => {
    const bytes = exportTflite(built());
    const fb = readTflite(bytes);
    expect(fb.subgraphs[0]!.tensors.map((t) => Array.from(t.shapeSignature ?? []))).toContainEqual([-1, 4]);
    const back = importTflite(bytes);
    const [fc, custom] = back.graphs[0]!.nodes;
    expect(fc!.op).toBe('tfl.FULLY_CONNECTED');
    expect(fc!.version).toBe(5);
    expect(fc!.inputs[2]).toBeUndefined();
    expect(fc!.attrs.fusedActivationFunction).toBe('RELU');
    expect(fc!.attrs.keepNumDims).toBe(false); // every option field, defaults included
    expect(fc!.inputs[1]!.quant).toEqual({ scale: [0.10000000149011612, 0.20000000298023224, 0.30000001192092896], zeroPoint: [0, 0, 0], axis: 0 });
    expect(custom!.attrs).toEqual({ customCode: 'MyOp', customOptions: new Uint8Array([1, 2, 3]) });
    expect(back.graphs[0]!.inputs[0]!.shape).toEqual([1, 4]);
    expect(back.graphs[0]!.inputs[0]!.shapeSignature).toEqual([-1, 4]);
    expect(back.signatures[0]!.outputs[0]!.value).toBe(back.graphs[0]!.outputs[0]);
    expect(new TextDecoder().decode(back.metadata[0]!.data)).toBe('hello');
    expect(back.description).toBe('built by a test');
    expect(printModel(importTflite(exportTflite(back)))).toBe(printModel(back));
  });

  it('reports attributes the options table cannot hold, naming the node', () => {
    const m = built();
    m.graphs[0]!.nodes[0]!.attrs.fusedActivationFunction = 'SWISH';
    expect(() => exportTflite(m)).toThrow(/node 'fc'.*'SWISH' is not a ActivationFunctionType/);
    m.graphs[0]!.nodes[0]!.attrs.fusedActivationFunction = 'NONE';
    m.graphs[0]!.nodes[0]!.op = 'tf.MatMul';
    expect(() => exportTflite(m)).toThrow(expect.objectContaining({ code: 'UNKNOWN_OP', nodes: ['fc'] }));
  });
});

describe('importTflite rejects structurally invalid files', () => {
  const fresh = () => toTfliteModel(built());
  const error = (fb: ReturnType<typeof toTfliteModel>): IRError => {
    try {
      importTflite(fb); // the object graph directly: these checks are the importer's own
    } catch (e) {
      return e as IRError;
    }
    throw new Error('no error');
  };

  it('operators out of topological order', () => {
    const fb = fresh();
    fb.subgraphs[0]!.operators.reverse();
    const e = error(fb);
    expect(e).toBeInstanceOf(IRError);
    expect(e.code).toBe('NOT_TOPOLOGICAL');
    expect(e.nodes).toEqual(['custom', 'fc']);
    expect(e.values).toEqual(['fc']);
  });

  it('tensor, buffer and opcode indices out of range', () => {
    let fb = fresh();
    fb.subgraphs[0]!.operators[1]!.inputs = [42];
    let e = error(fb);
    expect([e.code, e.nodes]).toEqual(['BAD_TENSOR_INDEX', ['custom']]);
    expect(e.message).toMatch(/tensor 42, the subgraph has 4/);
    fb = fresh();
    fb.subgraphs[0]!.tensors[1]!.buffer = 99;
    e = error(fb);
    expect([e.code, e.values]).toEqual(['BAD_BUFFER_INDEX', ['w']]);
    fb = fresh();
    fb.subgraphs[0]!.operators[0]!.opcodeIndex = 7;
    e = error(fb);
    expect([e.code, e.nodes]).toEqual(['BAD_OPCODE', ['fc']]);
  });
});


describe('importTflite on corrupted bytes (fuzz)', () => {
  it('gives a typed error or a model, never a crash', () => {
    const good = exportTflite(built());
    let seed = 99;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const outcomes = { ok: 0, IRError: 0, ModelFormatError: 0 };
    for (let k = 0; k < 600; k++) {
      const bytes = good.slice();
      const flips = 1 + Math.floor(rand() * 4);
      for (let f = 0; f < flips; f++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      try {
        const m = importTflite(bytes);
        printModel(m);
        outcomes.ok++;
      } catch (e) {
        const name = (e as Error).name;
        if (name !== 'IRError' && name !== 'ModelFormatError') throw e;
        outcomes[name]++;
      }
    }
    expect(outcomes.ok + outcomes.IRError + outcomes.ModelFormatError).toBe(600);
    expect(outcomes.ModelFormatError).toBeGreaterThan(0);
  });
});
