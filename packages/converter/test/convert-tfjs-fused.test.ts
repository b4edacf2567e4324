// A tfjs graph model the way tfjs-converter writes one (model.json with a GraphDef-in-JSON
// topology, functions in modelTopology.library, weights in a binary shard described by the
// weightsManifest) with Grappler's fused ops AND a functional while loop: converted, then run in
// our runtime, on the original graph (evaluateTf), in plain JS and on real TFLite.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Interpreter } from '@liteml/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { compareModels, convert, evaluateTf, loadTfModelFromPath } from '../src/index';
import { runLiteRt, runRealTflite } from '../../../testing/real-tflite';
import { floats, refConv2d } from './support/tf-graphs';

const b64 = (s: string) => Buffer.from(s).toString('base64');
const dims = (shape: number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const ints = (v: number[]) => ({ list: { i: v.map(String) } });
const F = { type: 'DT_FLOAT' };
const I = { type: 'DT_INT32' };
/** A Const whose value tfjs-converter moved into the weights shard (the tensor keeps dtype + shape). */
const weightConst = (name: string, dtype: string, shape: number[]) =>
  ({ name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: dims(shape) } } } });
/** A Const inside a function body (values inline, as tfjs keeps them). */
const inlineConst = (name: string, dtype: 'DT_FLOAT' | 'DT_INT32', v: number) =>
  ({ name, op: 'Const', attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: {}, ...(dtype === 'DT_FLOAT' ? { floatVal: [v] } : { intVal: [v] }) } } } });

const STEPS = 3;
const weights = {
  filter: floats(3 * 3 * 2 * 3, 11), bias: floats(3, 12), shape: Int32Array.from([1, 48]), w: floats(48 * 5, 13), b: floats(5, 14),
};

function modelJson() {
  const node = [
    { name: 'x', op: 'Placeholder', attr: { dtype: F, shape: { shape: dims([1, 4, 4, 2]) } } },
    weightConst('conv/filter', 'DT_FLOAT', [3, 3, 2, 3]),
    weightConst('conv/bias', 'DT_FLOAT', [3]),
    {
      name: 'conv/Relu', op: '_FusedConv2D', input: ['x', 'conv/filter', 'conv/bias'],
      attr: {
        T: F, num_args: { i: '1' }, fused_ops: { list: { s: [b64('BiasAdd'), b64('Relu')] } }, strides: ints([1, 1, 1, 1]),
        padding: { s: b64('SAME') }, data_format: { s: b64('NHWC') }, dilations: ints([1, 1, 1, 1]), epsilon: { f: 0 }, use_cudnn_on_gpu: { b: true },
      },
    },
    weightConst('flatten/shape', 'DT_INT32', [2]),
    { name: 'flatten/Reshape', op: 'Reshape', input: ['conv/Relu', 'flatten/shape'], attr: { T: F, Tshape: I } },
    weightConst('dense/kernel', 'DT_FLOAT', [48, 5]),
    weightConst('dense/bias', 'DT_FLOAT', [5]),
    {
      name: 'dense/BiasAdd', op: '_FusedMatMul', input: ['flatten/Reshape', 'dense/kernel', 'dense/bias'],
      attr: { T: F, num_args: { i: '1' }, fused_ops: { list: { s: [b64('BiasAdd')] } }, transpose_a: { b: false }, transpose_b: { b: false }, epsilon: { f: 0 } },
    },
    { name: 'loop/i0', op: 'Const', attr: { dtype: I, value: { tensor: { dtype: 'DT_INT32', tensorShape: {}, intVal: [0] } } } },
    {
      name: 'loop/While', op: 'StatelessWhile', input: ['loop/i0', 'dense/BiasAdd'],
      attr: {
        T: { list: { type: ['DT_INT32', 'DT_FLOAT'] } }, cond: { func: { name: 'loop_cond' } }, body: { func: { name: 'loop_body' } },
        output_shapes: { list: { shape: [{}, dims([1, 5])] } }, parallel_iterations: { i: '10' },
      },
    },
    { name: 'Identity', op: 'Identity', input: ['loop/While:1'], attr: { T: F } },
  ];
  const args = [{ name: 'i', type: 'DT_INT32' }, { name: 'acc', type: 'DT_FLOAT' }];
  const library = {
    function: [
      {
        signature: { name: 'loop_cond', inputArg: args, outputArg: [{ name: 'more', type: 'DT_BOOL' }] },
        nodeDef: [inlineConst('limit', 'DT_INT32', STEPS), { name: 'Less', op: 'Less', input: ['i', 'limit:output:0'], attr: { T: I } }],
        ret: { more: 'Less:z:0' },
      },
      {
        // acc ← tanh(acc) * 0.5 + 1, i ← i + 1
        signature: { name: 'loop_body', inputArg: args, outputArg: [{ name: 'i_next', type: 'DT_INT32' }, { name: 'acc_next', type: 'DT_FLOAT' }] },
        nodeDef: [
          inlineConst('one', 'DT_INT32', 1), inlineConst('half', 'DT_FLOAT', 0.5), inlineConst('onef', 'DT_FLOAT', 1),
          { name: 'add', op: 'AddV2', input: ['i', 'one:output:0'], attr: { T: I } },
          { name: 'Tanh', op: 'Tanh', input: ['acc'], attr: { T: F } },
          { name: 'mul', op: 'Mul', input: ['Tanh:y:0', 'half:output:0'], attr: { T: F } },
          { name: 'add_1', op: 'AddV2', input: ['mul:z:0', 'onef:output:0'], attr: { T: F } },
        ],
        ret: { i_next: 'add:z:0', acc_next: 'add_1:z:0' },
      },
    ],
  };
  return {
    format: 'graph-model', generatedBy: '2.15.0', convertedBy: 'TensorFlow.js Converter v4.9.0',
    modelTopology: { node, library, versions: { producer: 1645 } },
    weightsManifest: [{
      paths: ['group1-shard1of1.bin'],
      weights: [
        { name: 'conv/filter', shape: [3, 3, 2, 3], dtype: 'float32' }, { name: 'conv/bias', shape: [3], dtype: 'float32' },
        { name: 'flatten/shape', shape: [2], dtype: 'int32' },
        { name: 'dense/kernel', shape: [48, 5], dtype: 'float32' }, { name: 'dense/bias', shape: [5], dtype: 'float32' },
      ],
    }],
    userDefinedMetadata: {
      signature: {
        inputs: { 'x:0': { name: 'x:0', dtype: 'DT_FLOAT', tensorShape: dims([1, 4, 4, 2]) } },
        outputs: { 'Identity:0': { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: dims([1, 5]) } },
      },
    },
  };
}

/** The model in plain JS. */
function reference(x: Float32Array): number[] {
  const conv = refConv2d(x, [1, 4, 4, 2], weights.filter, [3, 3, 2, 3], 1, 'SAME').data.map((v, i) => Math.max(0, v + weights.bias[i % 3]!));
  let acc = Array.from({ length: 5 }, (_, o) => conv.reduce((s, v, i) => s + v * weights.w[i * 5 + o]!, weights.b[o]!));
  for (let s = 0; s < STEPS; s++) acc = acc.map((v) => Math.tanh(v) * 0.5 + 1);
  return acc;
}

describe('convert: a tfjs graph model with fused ops and a while loop', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liteml-tfjs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'model.json'), JSON.stringify(modelJson()));
  const shard = Buffer.concat([weights.filter, weights.bias, weights.shape, weights.w, weights.b].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
  writeFileSync(join(dir, 'group1-shard1of1.bin'), shard);

  it('converts to fused CONV_2D / FULLY_CONNECTED and a WHILE over cond/body subgraphs', async () => {
    const m = await loadTfModelFromPath(join(dir, 'model.json'));
    expect(m.main.nodes.map((n) => n.op)).toEqual(['tf._FusedConv2D', 'tf.Reshape', 'tf._FusedMatMul', 'tf.StatelessWhile', 'tf.Identity']);
    const { tflite, model, report } = convert(m);
    expect(model.graphs).toHaveLength(3);
    expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.CONV_2D', 'tfl.RESHAPE', 'tfl.FULLY_CONNECTED', 'tfl.WHILE']);
    expect(model.main.nodes[0]!.attrs.fusedActivationFunction).toBe('RELU');
    expect(report.opCounts).toMatchObject({ CONV_2D: 1, FULLY_CONNECTED: 1, WHILE: 1, LESS: 1, TANH: 1 });
    expect(model.signatures[0]!.outputs.map((o) => o.name)).toEqual(['Identity:0']);

    const x = floats(32, 21);
    const want = reference(x);
    // the original graph on our reference backend
    const tf = Object.values(evaluateTf(m, [x]))[0]!.data as Float32Array;
    tf.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    // the .tflite on our runtime vs evaluateTf
    const cmp = compareModels(m, tflite, { feeds: [{ data: x, shape: [1, 4, 4, 2] }], atol: 1e-6, rtol: 1e-5 });
    expect(cmp.pass, JSON.stringify(cmp.outputs)).toBe(true);
    const ours = Array.from(Object.values(Interpreter.createSync(tflite).run([x]))[0]!.data as Float32Array);
    // the .tflite on real TFLite
    const real = runRealTflite(tflite, [x]).outputs;
    expect(real).toHaveLength(1);
    expect(real[0]!.shape).toEqual([1, 5]);
    real[0]!.data.forEach((v, i) => {
      expect(Math.abs(v - ours[i]!)).toBeLessThan(1e-5);
      expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5);
    });
    // and on LiteRT.js
    const litert = runLiteRt(tflite, [x]).outputs;
    expect(litert).toHaveLength(1);
    litert[0]!.data.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5));
  });
});
