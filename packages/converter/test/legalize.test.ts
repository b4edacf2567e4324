// Legalization rules on small tf.* graphs: the ops they produce and the values they compute
// (evaluateTf runs the legalized graph; convert runs it optimized; both must agree with TF math).
import { describe, expect, it } from 'vitest';
import { Interpreter, type Tensor } from '@liteml/runtime';
import { ConversionError, convert, evaluateTf, legalize, legalizableTfOps } from '../src/index';
import { floats, refConv2d, tfModel } from './support/tf-graphs';

const out = (r: Record<string, Tensor>, i = 0) => Array.from(Object.values(r)[i]!.data as ArrayLike<number>, Number);
const close = (a: number[], b: number[], tol = 1e-5) => {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => v !== b[i] && expect(Math.abs(v - b[i]!), `element ${i}: ${v} vs ${b[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
};
const ops = (m: ReturnType<typeof tfModel>) => m.main.nodes.map((n) => n.op);
/** Runs the converted .tflite and returns output 0. */
const runConverted = (m: ReturnType<typeof tfModel>, feeds: Tensor['data'][]) => out(Interpreter.createSync(convert(m).tflite).run(feeds as never));

describe('legalize: nn', () => {
  const x = floats(1 * 5 * 5 * 3, 7);
  const w = floats(3 * 3 * 3 * 4, 8);
  for (const padding of ['SAME', 'VALID'] as const) {
    for (const stride of [1, 2]) {
      it(`Conv2D ${padding} stride ${stride} → CONV_2D with an OHWI filter`, () => {
        const m = tfModel((b) => {
          const xi = b.input('x', 'f32', [1, 5, 5, 3]);
          const wc = b.constant('w', 'f32', [3, 3, 3, 4], w);
          return b.op('tf.Conv2D', [xi, wc], { T: 'f32', strides: [1, stride, stride, 1], padding, data_format: 'NHWC', dilations: [1, 1, 1, 1] }, { name: 'conv' });
        });
        const want = refConv2d(x, [1, 5, 5, 3], w, [3, 3, 3, 4], stride, padding);
        close(out(evaluateTf(m, [x])), want.data);
        close(runConverted(m, [x]), want.data);
        const { model } = convert(m);
        expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.CONV_2D']);
        expect(model.main.nodes[0]!.inputs[1]!.shape).toEqual([4, 3, 3, 3]);
      });
    }
  }

  it('DepthwiseConv2dNative → DEPTHWISE_CONV_2D with filter [1, H, W, C*M]', () => {
    const xd = floats(1 * 4 * 4 * 2, 3);
    const wd = floats(3 * 3 * 2 * 2, 4); // multiplier 2
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [1, 4, 4, 2]);
      const wc = b.constant('w', 'f32', [3, 3, 2, 2], wd);
      return b.op('tf.DepthwiseConv2dNative', [xi, wc], { T: 'f32', strides: [1, 1, 1, 1], padding: 'SAME', data_format: 'NHWC', dilations: [1, 1, 1, 1] });
    });
    // depthwise = conv per channel: output channel c*M+k from input channel c with filter [:, :, c, k]
    const want: number[] = [];
    const per = [0, 1].map((c) => refConv2d(Float32Array.from({ length: 16 }, (_, i) => xd[i * 2 + c]!), [1, 4, 4, 1],
      Float32Array.from({ length: 18 }, (_, i) => wd[Math.floor(i / 2) * 4 + c * 2 + (i % 2)]!), [3, 3, 1, 2], 1, 'SAME').data);
    for (let p = 0; p < 16; p++) for (let c = 0; c < 2; c++) for (let k = 0; k < 2; k++) want.push(per[c]![p * 2 + k]!);
    close(out(evaluateTf(m, [xd])), want);
    const { model } = convert(m);
    expect(model.main.nodes[0]!.op).toBe('tfl.DEPTHWISE_CONV_2D');
    expect(model.main.nodes[0]!.attrs.depthMultiplier).toBe(2);
    expect(model.main.nodes[0]!.inputs[1]!.shape).toEqual([1, 3, 3, 4]);
    close(runConverted(m, [xd]), want);
  });

  it('Conv2D + FusedBatchNormV3 + Relu6 fold into one CONV_2D (weights, bias, activation)', () => {
    const scale = [0.5, 2, -1, 1.5], offset = [0.1, -0.2, 0.3, 0], mean = [0.2, 0.1, -0.3, 0.05], variance = [1, 0.25, 4, 0.5];
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [1, 5, 5, 3]);
      const [c] = b.op('tf.Conv2D', [xi, b.constant('w', 'f32', [3, 3, 3, 4], w)], { T: 'f32', strides: [1, 1, 1, 1], padding: 'SAME', data_format: 'NHWC' });
      const k = (name: string, v: number[]) => b.constant(name, 'f32', [4], v);
      const [bn] = b.op('tf.FusedBatchNormV3', [c!, k('scale', scale), k('offset', offset), k('mean', mean), k('var', variance)],
        { T: 'f32', U: 'f32', epsilon: 0.001, is_training: false, data_format: 'NHWC' }, { numOutputs: 6, name: 'bn' });
      return b.op('tf.Relu6', [bn!], { T: 'f32' }, { name: 'out' });
    });
    const conv = refConv2d(x, [1, 5, 5, 3], w, [3, 3, 3, 4], 1, 'SAME').data;
    const want = conv.map((v, i) => {
      const o = i % 4;
      const y = ((v - mean[o]!) / Math.sqrt(variance[o]! + 0.001)) * scale[o]! + offset[o]!;
      return Math.min(6, Math.max(0, y));
    });
    close(out(evaluateTf(m, [x])), want);
    const { model, report } = convert(m);
    expect(report.opCounts).toEqual({ CONV_2D: 1 });
    expect(model.main.nodes[0]!.attrs.fusedActivationFunction).toBe('RELU6');
    expect(model.main.outputs[0]!.name).toBe('out');
    close(runConverted(m, [x]), want);
  });

  it('_FusedConv2D with fused_ops [BiasAdd, Relu]', () => {
    const bias = [0.5, -0.5, 0.25, 0];
    const m = tfModel((b) => {
      const xi = b.input('x', 'f32', [1, 5, 5, 3]);
      return b.op('tf._FusedConv2D', [xi, b.constant('w', 'f32', [3, 3, 3, 4], w), b.constant('b', 'f32', [4], bias)], {
        T: 'f32', strides: [1, 1, 1, 1], padding: 'VALID', data_format: 'NHWC', fused_ops: ['BiasAdd', 'Relu'], num_args: 1,
      }, { outputs: [{ dtype: 'f32', shape: [1, 3, 3, 4] }] });
    });
    const want = refConv2d(x, [1, 5, 5, 3], w, [3, 3, 3, 4], 1, 'VALID').data.map((v, i) => Math.max(0, v + bias[i % 4]!));
    close(out(evaluateTf(m, [x])), want);
    const { model } = convert(m);
    expect(model.main.nodes.map((n) => [n.op, n.attrs.fusedActivationFunction])).toEqual([['tfl.CONV_2D', 'RELU']]);
    close(runConverted(m, [x]), want);
  });

  it('MaxPool / AvgPool → *_POOL_2D', () => {
    const xp = floats(16, 2);
    for (const [op, tfl] of [['MaxPool', 'tfl.MAX_POOL_2D'], ['AvgPool', 'tfl.AVERAGE_POOL_2D']] as const) {
      const m = tfModel((b) => b.op(`tf.${op}`, [b.input('x', 'f32', [1, 4, 4, 1])], { T: 'f32', ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: 'VALID', data_format: 'NHWC' }));
      const want = [0, 2, 8, 10].map((s) => [xp[s]!, xp[s + 1]!, xp[s + 4]!, xp[s + 5]!]).map((q) => (op === 'MaxPool' ? Math.max(...q) : (q[0]! + q[1]! + q[2]! + q[3]!) / 4));
      close(out(evaluateTf(m, [xp])), want);
      legalize(m);
      expect(ops(m)).toEqual([tfl]);
    }
  });
});

describe('legalize: matmul', () => {
  const a = floats(2 * 3, 5);
  const wv = floats(3 * 4, 6);
  const mm = (x: Float32Array, y: Float32Array, n: number, k: number, p: number) =>
    Array.from({ length: n * p }, (_, i) => { let s = 0; for (let j = 0; j < k; j++) s += x[Math.floor(i / p) * k + j]! * y[j * p + (i % p)]!; return s; });

  it('MatMul by a constant → FULLY_CONNECTED with transposed weights', () => {
    const m = tfModel((b) => b.op('tf.MatMul', [b.input('a', 'f32', [2, 3]), b.constant('w', 'f32', [3, 4], wv)], { T: 'f32', transpose_a: false, transpose_b: false }));
    const want = mm(a, wv, 2, 3, 4);
    close(out(evaluateTf(m, [a])), want);
    const { model } = convert(m);
    expect(model.main.nodes.map((n) => n.op)).toEqual(['tfl.FULLY_CONNECTED']);
    expect(model.main.nodes[0]!.inputs[1]!.shape).toEqual([4, 3]);
    close(runConverted(m, [a]), want);
  });

  it('MatMul of two activations → BATCH_MATMUL (transpose_b → adjY)', () => {
    const m = tfModel((b) => b.op('tf.MatMul', [b.input('a', 'f32', [2, 3]), b.input('b', 'f32', [4, 3])], { T: 'f32', transpose_a: false, transpose_b: true }));
    const bt = floats(12, 9);
    const bT = Float32Array.from({ length: 12 }, (_, i) => bt[(i % 4) * 3 + Math.floor(i / 4)]!);
    close(out(evaluateTf(m, [a, bt])), mm(a, bT, 2, 3, 4));
    legalize(m);
    expect(ops(m)).toEqual(['tfl.BATCH_MATMUL']);
    expect(m.main.nodes[0]!.attrs.adjY).toBe(true);
  });
});

describe('legalize: math and shapes', () => {
  const v = Float32Array.from([-3, -0.5, 0, 0.5, 2, 7]);
  const unary: [string, (x: number) => number][] = [
    ['Relu', (x) => Math.max(0, x)], ['Relu6', (x) => Math.min(6, Math.max(0, x))], ['Sigmoid', (x) => 1 / (1 + Math.exp(-x))],
    ['Tanh', Math.tanh], ['Elu', (x) => (x > 0 ? x : Math.exp(x) - 1)], ['Abs', Math.abs], ['Neg', (x) => -x],
    ['Square', (x) => x * x], ['Floor', Math.floor], ['Exp', Math.exp], ['Softplus', (x) => Math.log1p(Math.exp(x))],
    ['Selu', (x) => 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1))],
    ['Reciprocal', (x) => 1 / x], ['LeakyRelu', (x) => (x >= 0 ? x : 0.2 * x)],
  ];
  for (const [op, f] of unary) {
    it(`${op}`, () => {
      const m = tfModel((b) => b.op(`tf.${op}`, [b.input('x', 'f32', [6])], { T: 'f32' }));
      close(out(evaluateTf(m, [v])), Array.from(v, f), 1e-5);
    });
  }

  it('Softmax / LogSoftmax over the last axis (beta = 1 written explicitly)', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      return [b.op('tf.Softmax', [x], { T: 'f32' })[0]!, b.op('tf.LogSoftmax', [x], { T: 'f32' })[0]!];
    });
    const rows = [[-3, -0.5, 0], [0.5, 2, 7]];
    const sm = rows.flatMap((r) => { const e = r.map(Math.exp); const s = e.reduce((a, c) => a + c); return e.map((v) => v / s); });
    const r = Interpreter.createSync(convert(m).tflite).run([v]);
    close(out(r, 0), sm);
    close(out(r, 1), sm.map(Math.log));
    expect(convert(m).model.main.nodes[0]!.attrs.beta).toBe(1);
  });

  it('binary, comparison and logical ops broadcast like TF', () => {
    const cases: [string, (x: number, y: number) => number][] = [
      ['AddV2', (x, y) => x + y], ['Sub', (x, y) => x - y], ['Mul', (x, y) => x * y], ['RealDiv', (x, y) => x / y],
      ['Maximum', Math.max], ['Minimum', Math.min], ['SquaredDifference', (x, y) => (x - y) ** 2],
      ['Less', (x, y) => +(x < y)], ['GreaterEqual', (x, y) => +(x >= y)], ['Equal', (x, y) => +(x === y)],
    ];
    for (const [op, f] of cases) {
      const m = tfModel((b) => b.op(`tf.${op}`, [b.input('x', 'f32', [2, 3]), b.constant('y', 'f32', [3], [2, 0.5, -1])], { T: 'f32' }));
      const want = Array.from(v, (x, i) => f(x, [2, 0.5, -1][i % 3]!));
      close(out(evaluateTf(m, [v])), want);
    }
  });

  it('Mean / Sum / Max with keep_dims, ArgMax with output_type', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const axis = b.constant('axis', 'i32', [1], [1]);
      return [
        b.op('tf.Mean', [x, axis], { T: 'f32', keep_dims: true })[0]!,
        b.op('tf.Sum', [x, axis], { T: 'f32', keep_dims: false })[0]!,
        b.op('tf.Max', [x, axis], { T: 'f32', keep_dims: false })[0]!,
        b.op('tf.ArgMax', [x, b.constant('d', 'i32', [], [1])], { T: 'f32', output_type: 'i32' })[0]!,
      ];
    });
    const r = evaluateTf(m, [v]);
    close(out(r, 0), [(-3 - 0.5) / 3, 9.5 / 3]);
    close(out(r, 1), [-3.5, 9.5]);
    close(out(r, 2), [0, 7]);
    expect(out(r, 3)).toEqual([2, 2]);
    expect(Object.values(r)[0]!.shape).toEqual([2, 1]);
  });

  it('Reshape / Transpose / ConcatV2 / Pack / StridedSlice / Squeeze / ExpandDims / Tile / Pad / GatherV2', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const i32 = (name: string, shape: number[], vals: number[]) => b.constant(name, 'i32', shape, vals);
      const i64 = (name: string, shape: number[], vals: number[]) => b.constant(name, 'i64', shape, vals.map(BigInt));
      return [
        b.op('tf.Reshape', [x, i64('s', [2], [3, 2])], { T: 'f32', Tshape: 'i64' })[0]!,
        b.op('tf.Transpose', [x, i32('p', [2], [1, 0])], { T: 'f32', Tperm: 'i32' })[0]!,
        b.op('tf.ConcatV2', [x, x, i32('ax', [], [0])], { T: 'f32', N: 2, Tidx: 'i32' })[0]!,
        b.op('tf.Pack', [x, x], { T: 'f32', N: 2, axis: 1 })[0]!,
        b.op('tf.StridedSlice', [x, i32('b0', [2], [0, 1]), i32('e0', [2], [2, 3]), i32('st', [2], [1, 1])], { T: 'f32', Index: 'i32', shrink_axis_mask: 0, begin_mask: 1 })[0]!,
        b.op('tf.Squeeze', [b.op('tf.ExpandDims', [x, i32('ed', [], [0])], { T: 'f32' })[0]!], { T: 'f32', squeeze_dims: [0] })[0]!,
        b.op('tf.Tile', [x, i32('mul', [2], [1, 2])], { T: 'f32' })[0]!,
        b.op('tf.Pad', [x, i32('pads', [2, 2], [0, 0, 1, 0])], { T: 'f32' })[0]!,
        b.op('tf.GatherV2', [x, i32('idx', [2], [2, 0]), i32('gax', [], [1])], { T: 'f32', Tparams: 'f32', Tindices: 'i32', batch_dims: 0 })[0]!,
      ];
    });
    const r = evaluateTf(m, [v]);
    const x = Array.from(v);
    expect(out(r, 0)).toEqual(x);
    expect(Object.values(r)[0]!.shape).toEqual([3, 2]);
    expect(out(r, 1)).toEqual([-3, 0.5, -0.5, 2, 0, 7]);
    expect(out(r, 2)).toEqual([...x, ...x]);
    expect(out(r, 3)).toEqual([-3, -0.5, 0, -3, -0.5, 0, 0.5, 2, 7, 0.5, 2, 7]);
    expect(Object.values(r)[3]!.shape).toEqual([2, 2, 3]);
    expect(out(r, 4)).toEqual([-0.5, 0, 2, 7]);
    expect(out(r, 5)).toEqual(x);
    expect(out(r, 6)).toEqual([-3, -0.5, 0, -3, -0.5, 0, 0.5, 2, 7, 0.5, 2, 7]);
    expect(out(r, 7)).toEqual([0, -3, -0.5, 0, 0, 0.5, 2, 7]);
    expect(out(r, 8)).toEqual([0, -3, 7, 0.5]);
    // and the same through the optimized .tflite
    const conv = Interpreter.createSync(convert(m).tflite).run([v]);
    Object.values(conv).forEach((t, i) => expect(Array.from(t.data as Float32Array)).toEqual(out(r, i)));
  });

  it('Identity / IdentityN / StopGradient disappear; Cast maps to CAST', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [6]);
      const [i] = b.op('tf.Identity', [x], { T: 'f32' });
      const [s] = b.op('tf.StopGradient', [i!], { T: 'f32' });
      const [r] = b.op('tf.Relu', [s!], { T: 'f32' }, { name: 'relu' });
      return b.op('tf.Cast', [r!], { SrcT: 'f32', DstT: 'i32' }, { name: 'out' });
    });
    legalize(m);
    expect(ops(m)).toEqual(['tfl.RELU', 'tfl.CAST']);
    expect(m.main.nodes[0]!.inputs[0]).toBe(m.main.inputs[0]);
    expect(out(evaluateTf(tfModel((b) => b.op('tf.Cast', [b.input('x', 'f32', [6])], { SrcT: 'f32', DstT: 'i32' })), [v]))).toEqual([-3, 0, 0, 0, 2, 7]);
  });
});

describe('target check', () => {
  it('lists every illegal node at once, with reasons, in one ConversionError', () => {
    const m = tfModel((b) => {
      const x = b.input('x', 'f32', [2, 3]);
      const [a] = b.op('tf.Erf', [x], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [2, 3] }], name: 'erf1' });
      const [c] = b.op('tf.Erf', [a!], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [2, 3] }], name: 'erf2' });
      const [d] = b.op('tf.Conv2D', [b.input('y', 'f32', [1, 4, 4, 1]), b.constant('w', 'f32', [1, 1, 1, 1], [1])],
        { T: 'f32', strides: [2, 1, 1, 1], padding: 'SAME', data_format: 'NHWC' }, { name: 'batchstride', outputs: [{ dtype: 'f32', shape: [1, 4, 4, 1] }] });
      return [c!, d!];
    });
    let err: ConversionError | undefined;
    try {
      convert(m);
    } catch (e) {
      err = e as ConversionError;
    }
    expect(err).toBeInstanceOf(ConversionError);
    expect(err!.code).toBe('UNSUPPORTED_OPS');
    expect(err!.nodes).toEqual(['erf1', 'erf2', 'batchstride']);
    expect(err!.message).toMatch(/Erf \(2: 'erf1', 'erf2'\): no TFLite equivalent for Erf/);
    expect(err!.message).toMatch(/Conv2D \(1: 'batchstride'\): strides \[2, 1, 1, 1\] over batch or channels is not supported/);
    expect(err!.message.trim().split('\n').at(-1)).toMatch(/^Hint: --allow-custom-ops/);
  });

  it('reports dtype and rank combinations TFLite kernels reject', () => {
    const m = tfModel((b) => {
      const s = b.input('s', 'string', [2]);
      const [c] = b.op('tf.AddV2', [s, s], { T: 'string' }, { name: 'strings' });
      const x = b.input('x', 'f32', [1, 1, 1, 1, 1, 2]);
      const [t] = b.op('tf.StridedSlice', [x, b.constant('b', 'i32', [6], [0, 0, 0, 0, 0, 0]), b.constant('e', 'i32', [6], [1, 1, 1, 1, 1, 1]), b.constant('st', 'i32', [6], [1, 1, 1, 1, 1, 1])],
        { T: 'f32', Index: 'i32' }, { name: 'slice6d' });
      const i = b.input('i', 'i32', [1, 4, 4, 1]);
      const [p] = b.op('tf.MaxPool', [i], { T: 'i32', ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: 'VALID' }, { name: 'intpool' });
      return [c!, t!, p!];
    });
    let err: ConversionError | undefined;
    try {
      convert(m);
    } catch (e) {
      err = e as ConversionError;
    }
    expect(err?.nodes).toEqual(['strings', 'slice6d', 'intpool']);
    expect(err!.message).toMatch(/string tensor 's' is not supported by TFLite's ADD kernel/);
    expect(err!.message).toMatch(/STRIDED_SLICE supports inputs up to rank 5/);
    expect(err!.message).toMatch(/MAX_POOL_2D on i32 inputs/);
  });

  it('allowCustomOps turns the TF ops into CUSTOM nodes named after them', () => {
    const m = tfModel((b) => b.op('tf.Erf', [b.input('x', 'f32', [3])], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [3] }] }));
    const { model, report } = convert(m, { allowCustomOps: true });
    expect(model.main.nodes[0]!.op).toBe('tfl.CUSTOM');
    expect(model.main.nodes[0]!.attrs.customCode).toBe('Erf');
    expect(report.warnings[0]).toMatch(/Erf/);
  });

  it('legalizableTfOps lists the mapped TF ops', () => {
    const list = legalizableTfOps();
    for (const op of ['Conv2D', 'DepthwiseConv2dNative', 'MatMul', 'FusedBatchNormV3', '_FusedConv2D', 'StridedSlice', 'If', 'While', 'NonMaxSuppressionV5', 'TopKV2']) expect(list).toContain(op);
    expect(list).not.toContain('Switch');
  });
});
