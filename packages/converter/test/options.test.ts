// convert() options, op versions and fake quantization.
import { describe, expect, it } from 'vitest';
import { Interpreter, type Tensor } from '@liteml/runtime';
import { importTflite } from '@liteml/graph-ir';
import { ConversionError, convert, evaluateTf, opVersion } from '../src/index';
import { nudge } from '../src/legalize/quant';
import { floats, tfModel } from './support/tf-graphs';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number>, Number);

const chain = () => tfModel((b) => {
  const x = b.input('x', 'f32', [2, 3]);
  const [e] = b.op('tf.Exp', [x], { T: 'f32' }, { name: 'pre/exp' });
  const [h] = b.op('tf.MatMul', [e!, b.constant('w', 'f32', [3, 4], floats(12, 2))], { T: 'f32' }, { name: 'dense/MatMul' });
  const [r] = b.op('tf.Relu', [h!], { T: 'f32' }, { name: 'dense/Relu' });
  const [t] = b.op('tf.Tanh', [r!], { T: 'f32' }, { name: 'head' });
  const [s] = b.op('tf.Sigmoid', [r!], { T: 'f32' }, { name: 'aux' });
  return [t!, s!];
});

describe('convert options', () => {
  it('outputs selects (and prunes to) named tensors; signature names follow them', () => {
    const { model, report } = convert(chain(), { outputs: ['aux:0'] });
    expect(report.opCounts).toEqual({ EXP: 1, FULLY_CONNECTED: 1, LOGISTIC: 1 });
    expect(model.signatures[0]!.outputs.map((o) => o.name)).toEqual(['aux']);
    expect(model.signatures[0]!.key).toBe('serving_default');
  });

  it('inputs may cut the graph at an intermediate tensor', () => {
    const { model, tflite } = convert(chain(), { inputs: ['pre/exp'], outputs: ['head'] });
    expect(model.main.inputs.map((v) => v.name)).toEqual(['pre/exp']);
    expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.FULLY_CONNECTED', 'tfl.TANH']);
    const x = Float32Array.from(floats(6, 4), (v) => Math.abs(v) + 0.1);
    const full = vals(Object.values(evaluateTf(chain(), [Float32Array.from(x, Math.log)]))[0]!);
    const cut = vals(Object.values(Interpreter.createSync(tflite).run([x]))[0]!);
    cut.forEach((v, i) => expect(v).toBeCloseTo(full[i]!, 5));
  });

  it('inputs that leave a needed tensor unfed are rejected with the node that needs it', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [3]);
      const y = b.input('y', 'f32', [3]);
      return b.op('tf.AddV2', [x, y], { T: 'f32' }, { name: 'sum' });
    });
    expect(() => convert(m, { inputs: ['x'] })).toThrow(/node 'sum' still reads 'y'/);
    expect(() => convert(m, { outputs: ['nope'] })).toThrow(ConversionError);
  });

  it('inputShapes makes dynamic dims static through the whole graph', () => {
    const m = tfModel((b) => b.op('tf.Relu', [b.input('x', 'f32', [-1, 3])], { T: 'f32' }));
    const { model } = convert(m, { inputShapes: { x: [5, 3] } });
    expect(model.main.outputs[0]!.shape).toEqual([5, 3]);
    const dyn = importTflite(convert(m).tflite);
    expect(dyn.main.inputs[0]!.shapeSignature).toEqual([-1, 3]);
  });

  it('optimize: false keeps the legalized graph as is; onProgress reports every stage', () => {
    const stages: string[] = [];
    const { report } = convert(chain(), { optimize: false, onProgress: (s) => stages.push(s) });
    expect(report.passes).toEqual([]);
    expect(report.opCounts.TRANSPOSE).toBe(1);
    expect(stages).toEqual(['prepare', 'legalize', 'optimize', 'export', 'done']);
    expect(convert(chain()).report.passes.map((p) => p.name)).toContain('fold-constants');
  });
});

describe('op versions', () => {
  it('follow the features a node uses', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'i64', [3]);
      const [a] = b.op('tf.AddV2', [x, x], { T: 'i64' });
      const [mm] = b.op('tf.Mul', [a!, x], { T: 'i64' });
      const f = b.input('f', 'f32', [2, 3, 4]);
      const [fc] = b.op('tf.BatchMatMulV2', [f, b.constant('w', 'f32', [4, 5], floats(20))], { T: 'f32' });
      const [ss] = b.op('tf.StridedSlice', [f, b.constant('b0', 'i32', [2], [0, 0]), b.constant('e0', 'i32', [2], [1, 1]), b.constant('s0', 'i32', [2], [1, 1])],
        { T: 'f32', Index: 'i32', ellipsis_mask: 0, new_axis_mask: 1 });
      return [mm!, fc!, ss!];
    });
    const { model } = convert(m);
    const v = Object.fromEntries(model.main.nodes.map((n) => [n.op.slice(4), n.version]));
    expect(v).toEqual({ ADD: 4, MUL: 5, FULLY_CONNECTED: 5, STRIDED_SLICE: 6 });
    expect(opVersion(model.main.nodes.find((n) => n.op === 'tfl.ADD')!)).toBe(4);
  });
});

describe('fake quantization', () => {
  it('nudges ranges like TensorFlow', () => {
    const g = nudge(-1, 1, 8, false);
    expect(g.scale).toBeCloseTo(2 / 255, 10);
    expect(g.lo).toBeCloseTo(-128 * (2 / 255), 8);
    expect(g.hi).toBeCloseTo(127 * (2 / 255), 8);
    expect(nudge(0, 6, 8, true).lo).toBe(0);
  });

  it('FakeQuantWithMinMaxVarsPerChannel snaps each channel to its grid', () => {
    const m = tfModel((b) => b.op('tf.FakeQuantWithMinMaxVarsPerChannel', [b.input('x', 'f32', [2, 2]), b.constant('min', 'f32', [2], [0, -1]), b.constant('max', 'f32', [2], [3, 1])],
      { num_bits: 2, narrow_range: false }));
    // channel 0: grid {0, 1, 2, 3}; channel 1: scale 2/3, zero point round(1.5) = 2 → grid {-4/3, -2/3, 0, 2/3}
    const out = vals(Object.values(evaluateTf(m, [Float32Array.from([1.4, 0.4, 9, -9])]))[0]!);
    [1, 2 / 3, 3, -4 / 3].forEach((want, i) => expect(out[i]).toBeCloseTo(want, 5));
  });
});
