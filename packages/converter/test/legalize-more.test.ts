// More legalization rules: layouts, transpose convolution, splitting, selection, creation ops,
// detection ops and functional control flow.
import { GraphBuilder, Model } from '@liteml/graph-ir';
import { Interpreter, type Tensor } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { compareModels, convert, evaluateTf, legalize } from '../src/index';
import { floats, refConv2d, tfModel } from './support/tf-graphs';

const vals = (t: Tensor) => Array.from(t.data as ArrayLike<number | bigint>, Number);
const outs = (r: Record<string, Tensor>) => Object.values(r);

describe('legalize: layouts and transpose convolution', () => {
  it('NCHW Conv2D runs in NHWC between transposes and matches the NHWC result', () => {
    const x = floats(1 * 3 * 4 * 4, 11); // NCHW
    const w = floats(3 * 3 * 3 * 2, 12);
    const m = tfModel((b) => b.op('tf.Conv2D', [b.input('x', 'f32', [1, 3, 4, 4]), b.constant('w', 'f32', [3, 3, 3, 2], w)],
      { T: 'f32', strides: [1, 1, 1, 1], padding: 'SAME', data_format: 'NCHW' }, { outputs: [{ dtype: 'f32', shape: [1, 2, 4, 4] }] }));
    const nhwc = Float32Array.from({ length: 48 }, (_, i) => x[(i % 3) * 16 + Math.floor(i / 3)]!);
    const ref = refConv2d(nhwc, [1, 4, 4, 3], w, [3, 3, 3, 2], 1, 'SAME').data;
    const want = Array.from({ length: 32 }, (_, i) => ref[(i % 16) * 2 + Math.floor(i / 16)]!);
    const got = vals(outs(evaluateTf(m, [x]))[0]!);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    expect(convert(m).report.opCounts).toEqual({ TRANSPOSE: 2, CONV_2D: 1 });
  });

  it('Conv2DBackpropInput → TRANSPOSE_CONV (the adjoint of the convolution)', () => {
    // <conv(x, w), y> == <x, conv_transpose(y, w)> for every x, y
    const w = floats(3 * 3 * 2 * 3, 5); // HWIO of the forward conv: in 2, out 3
    const x = floats(1 * 4 * 4 * 2, 6);
    const y = floats(1 * 2 * 2 * 3, 7);
    const m = tfModel((b) => b.op('tf.Conv2DBackpropInput', [b.constant('sizes', 'i32', [4], [1, 4, 4, 2]), b.constant('w', 'f32', [3, 3, 2, 3], w), b.input('y', 'f32', [1, 2, 2, 3])],
      { T: 'f32', strides: [1, 2, 2, 1], padding: 'SAME', data_format: 'NHWC' }, { outputs: [{ dtype: 'f32', shape: [1, 4, 4, 2] }] }));
    const xt = vals(outs(evaluateTf(m, [y]))[0]!);
    const cx = refConv2d(x, [1, 4, 4, 2], w, [3, 3, 2, 3], 2, 'SAME').data;
    const lhs = cx.reduce((s, v, i) => s + v * y[i]!, 0);
    const rhs = xt.reduce((s, v, i) => s + v * x[i]!, 0);
    expect(lhs).toBeCloseTo(rhs, 4);
    const { model } = convert(m);
    expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.TRANSPOSE_CONV']);
    expect(model.main.nodes[0]!.inputs[1]!.shape).toEqual([2, 3, 3, 3]);
  });
});

describe('legalize: 3-D convolution', () => {
  it('Conv3D → CONV_3D (DHWIO filter kept); a depth-1 filter equals the 2-D conv per slice', () => {
    const x = floats(1 * 2 * 4 * 4 * 2, 3);
    const w = floats(1 * 3 * 3 * 2 * 3, 4);
    const m = tfModel((b) => b.op('tf.Conv3D', [b.input('x', 'f32', [1, 2, 4, 4, 2]), b.constant('w', 'f32', [1, 3, 3, 2, 3], w)],
      { T: 'f32', strides: [1, 1, 1, 1, 1], padding: 'SAME', data_format: 'NDHWC', dilations: [1, 1, 1, 1, 1] }, { outputs: [{ dtype: 'f32', shape: [1, 2, 4, 4, 3] }] }));
    const got = vals(outs(Interpreter.createSync(convert(m).tflite).run([x]))[0]!);
    for (let dd = 0; dd < 2; dd++) {
      const slice = x.subarray(dd * 32, (dd + 1) * 32);
      const want = refConv2d(slice, [1, 4, 4, 2], w, [3, 3, 2, 3], 1, 'SAME').data;
      want.forEach((v, i) => expect(got[dd * 48 + i]).toBeCloseTo(v, 5));
    }
    expect(convert(m).report.opCounts).toEqual({ CONV_3D: 1 });
  });
});

describe('legalize: splitting, selection and creation', () => {
  it('Split / SplitV / Unpack return every piece', () => {
    const x = Float32Array.from({ length: 12 }, (_, i) => i);
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [2, 6]);
      const split = b.op('tf.Split', [b.constant('ax', 'i32', [], [1]), xi], { T: 'f32', num_split: 3 }, { numOutputs: 3 });
      const splitv = b.op('tf.SplitV', [xi, b.constant('sz', 'i32', [2], [4, 2]), b.constant('ax2', 'i32', [], [1])], { T: 'f32', num_split: 2 }, { numOutputs: 2 });
      const un = b.op('tf.Unpack', [xi], { T: 'f32', num: 2, axis: 0 }, { numOutputs: 2 });
      return [...split, ...splitv, ...un];
    });
    const r = outs(evaluateTf(m, [x])).map(vals);
    expect(r).toEqual([[0, 1, 6, 7], [2, 3, 8, 9], [4, 5, 10, 11], [0, 1, 2, 3, 6, 7, 8, 9], [4, 5, 10, 11], [0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]);
  });

  it('Shape / Fill / Range / SelectV2 / Where / TopKV2', () => {
    const x = Float32Array.from([3, -1, 4, -1, 5, 9]);
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [6]);
      const [shape] = b.op('tf.Shape', [xi], { T: 'f32', out_type: 'i32' });
      const [fill] = b.op('tf.Fill', [shape!, b.constant('v', 'f32', [], [2])], { T: 'f32', index_type: 'i32' });
      const [range] = b.op('tf.Range', [b.constant('s', 'i32', [], [1]), b.constant('l', 'i32', [], [7]), b.constant('d', 'i32', [], [2])], { Tidx: 'i32' });
      const [pos] = b.op('tf.Greater', [xi, b.constant('z', 'f32', [], [0])], { T: 'f32' });
      const [sel] = b.op('tf.SelectV2', [pos!, xi, fill!], { T: 'f32' });
      const [where] = b.op('tf.Where', [pos!], { T: 'bool' }, { outputs: [{ dtype: 'i64', shape: [-1, 1] }] });
      const topk = b.op('tf.TopKV2', [xi, b.constant('k', 'i32', [], [2])], { T: 'f32', sorted: true }, { numOutputs: 2 });
      return [shape!, fill!, range!, sel!, where!, ...topk];
    });
    const r = outs(evaluateTf(m, [x])).map(vals);
    expect(r).toEqual([[6], [2, 2, 2, 2, 2, 2], [1, 3, 5], [3, 2, 4, 2, 5, 9], [0, 2, 4, 5], [9, 5], [5, 4]]);
    legalize(m);
    expect(m.main.nodes.map((n) => n.op)).toContain('tfl.TOPK_V2');
  });

  it('ResizeBilinear / ResizeNearestNeighbor keep align_corners and half_pixel_centers', () => {
    const x = Float32Array.from([0, 1, 2, 3]);
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [1, 2, 2, 1]);
      const size = b.constant('size', 'i32', [2], [4, 4]);
      return [
        b.op('tf.ResizeBilinear', [xi, size], { T: 'f32', align_corners: true, half_pixel_centers: false })[0]!,
        b.op('tf.ResizeNearestNeighbor', [xi, size], { T: 'f32', align_corners: false, half_pixel_centers: true })[0]!,
      ];
    });
    const [bil, nn] = outs(evaluateTf(m, [x])).map(vals);
    expect(bil!.slice(0, 4).map((v) => +v.toFixed(5))).toEqual([0, 0.33333, 0.66667, 1]);
    expect(nn!.slice(0, 4)).toEqual([0, 0, 1, 1]);
    legalize(m);
    expect(m.main.nodes.map((n) => [n.op, n.attrs.alignCorners, n.attrs.halfPixelCenters])).toEqual([
      ['tfl.RESIZE_BILINEAR', true, false], ['tfl.RESIZE_NEAREST_NEIGHBOR', false, true],
    ]);
  });

  it('NonMaxSuppressionV4 without padding slices the selection to the valid count', () => {
    const boxes = Float32Array.from([0, 0, 1, 1, 0, 0.1, 1, 1.1, 0, 2, 1, 3]);
    const scores = Float32Array.from([0.9, 0.8, 0.7]);
    const m = tfModel((b) => b.op('tf.NonMaxSuppressionV4', [b.input('boxes', 'f32', [3, 4]), b.input('scores', 'f32', [3]),
      b.constant('max', 'i32', [], [3]), b.constant('iou', 'f32', [], [0.5]), b.constant('st', 'f32', [], [0])],
    { T: 'f32', pad_to_max_output_size: false }, { outputs: [{ dtype: 'i32', shape: [-1] }, { dtype: 'i32', shape: [] }] }));
    const [sel, valid] = outs(evaluateTf(m, [boxes, scores])).map(vals);
    expect(sel).toEqual([0, 2]);
    expect(valid).toEqual([2]);
  });
});

describe('legalize: functional control flow', () => {
  it('StatelessWhile with function bodies → WHILE over subgraphs (counts to 10, doubling)', () => {
    const cond = new GraphBuilder('cond');
    const ci = cond.input('i', 'i32', []);
    cond.input('acc', 'f32', [2]);
    cond.output(cond.op('tf.Less', [ci, cond.constant('ten', 'i32', [], [10])], { T: 'i32' })[0]!);
    const body = new GraphBuilder('body');
    const bi = body.input('i', 'i32', []);
    const bacc = body.input('acc', 'f32', [2]);
    body.output(
      body.op('tf.AddV2', [bi, body.constant('one', 'i32', [], [1])], { T: 'i32' })[0]!,
      body.op('tf.Mul', [bacc, body.constant('two', 'f32', [], [2])], { T: 'f32' })[0]!,
    );
    const main = new GraphBuilder('main');
    const x = main.input('x', 'f32', [2]);
    const outs2 = main.op('tf.StatelessWhile', [main.constant('zero', 'i32', [], [7]), x], {
      T: ['i32', 'f32'], cond: { name: 'cond', graph: 1 }, body: { name: 'body', graph: 2 },
    }, { outputs: [{ dtype: 'i32', shape: [] }, { dtype: 'f32', shape: [2] }], name: 'loop' });
    main.output(outs2[1]!);
    const m = new Model({ graphs: [main.graph, cond.graph, body.graph] });
    const r = outs(evaluateTf(m, [Float32Array.from([1, -0.5])])).map(vals);
    expect(r).toEqual([[8, -4]]);
    const { tflite, report } = convert(m);
    expect(report.opCounts).toEqual({ WHILE: 1, LESS: 1, ADD: 1, MUL: 1 });
    const back = Interpreter.createSync(tflite).run([Float32Array.from([3, 1])]);
    expect(vals(Object.values(back)[0]!)).toEqual([24, 8]);
    expect(compareModels(m, tflite).pass).toBe(true);
  });
});

describe('compareModels', () => {
  it('perLayer lists intermediate tensors by TF name and catches a wrong conversion', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [h] = b.op('tf.MatMul', [x, b.constant('w', 'f32', [3, 4], floats(12, 1))], { T: 'f32' }, { name: 'dense/MatMul' });
      const [r] = b.op('tf.Relu', [h!], { T: 'f32' }, { name: 'dense/Relu' });
      return b.op('tf.Tanh', [r!], { T: 'f32' }, { name: 'out' });
    });
    const { tflite } = convert(m, { optimize: false });
    const good = compareModels(m, tflite, { perLayer: true, seed: 3 });
    expect(good.pass).toBe(true);
    expect(good.layers!.map((l) => l.name)).toEqual(expect.arrayContaining(['dense/MatMul', 'dense/Relu', 'out']));
    for (const l of good.layers!) expect(l.maxAbsError).toBe(0);
    // a different model (tanh → sigmoid) must fail the comparison
    const wrong = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [h] = b.op('tf.MatMul', [x, b.constant('w', 'f32', [3, 4], floats(12, 1))], { T: 'f32' }, { name: 'dense/MatMul' });
      const [r] = b.op('tf.Relu', [h!], { T: 'f32' }, { name: 'dense/Relu' });
      return b.op('tf.Sigmoid', [r!], { T: 'f32' }, { name: 'out' });
    });
    const bad = compareModels(m, convert(wrong).tflite, { seed: 3 });
    expect(bad.pass).toBe(false);
    expect(bad.outputs[0]!.maxAbsError).toBeGreaterThan(0.1);
  });
});

describe('legalize: Erf-based GELU', () => {
  // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
  const erf = (z: number) => {
    const t = 1 / (1 + 0.3275911 * Math.abs(z));
    const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
    return Math.sign(z) * y;
  };
  const x = Float32Array.from([-3, -1, -0.25, 0, 0.5, 2]);
  const want = Array.from(x, (v) => 0.5 * v * (1 + erf(v / Math.SQRT2)));
  const forms = {
    'Mul(Mul(0.5, x), 1 + erf(x / √2))': (b: GraphBuilder, xi: ReturnType<GraphBuilder['input']>) => {
      const [d] = b.op('tf.RealDiv', [xi, b.constant('sqrt2', 'f32', [], [Math.SQRT2])], { T: 'f32' });
      const [e] = b.op('tf.Erf', [d!], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [6] }] });
      const [a] = b.op('tf.AddV2', [b.constant('one', 'f32', [], [1]), e!], { T: 'f32' });
      const [h] = b.op('tf.Mul', [b.constant('half', 'f32', [], [0.5]), xi], { T: 'f32' });
      return b.op('tf.Mul', [h!, a!], { T: 'f32' }, { name: 'gelu' });
    },
    'Mul(Mul(x, erf(x * (1/√2)) + 1), 0.5)': (b: GraphBuilder, xi: ReturnType<GraphBuilder['input']>) => {
      const [d] = b.op('tf.Mul', [xi, b.constant('rsqrt2', 'f32', [], [Math.SQRT1_2])], { T: 'f32' });
      const [e] = b.op('tf.Erf', [d!], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [6] }] });
      const [a] = b.op('tf.Add', [e!, b.constant('one', 'f32', [], [1])], { T: 'f32' });
      const [m] = b.op('tf.Mul', [xi, a!], { T: 'f32' });
      return b.op('tf.Mul', [m!, b.constant('half', 'f32', [], [0.5])], { T: 'f32' }, { name: 'gelu' });
    },
  };
  for (const [name, build] of Object.entries(forms)) {
    it(name, () => {
      const m = tfModel((b) => build(b, b.input('x', 'f32', [6])));
      const { model, tflite } = convert(m);
      expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.GELU']);
      expect(model.main.outputs[0]!.name).toBe('gelu');
      const got = vals(outs(Interpreter.createSync(tflite).run([x]))[0]!);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    });
  }

  it('an Erf that is not part of a GELU stays unsupported', () => {
    const m = tfModel((b) => b.op('tf.Erf', [b.input('x', 'f32', [6])], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [6] }], name: 'plain' }));
    expect(() => convert(m)).toThrow(/Erf \(1: 'plain'\)/);
  });
});
