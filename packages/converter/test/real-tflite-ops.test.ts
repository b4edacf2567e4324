// Every family of legalized ops through the REAL TFLite runtime: the options tables, op versions
// and layouts we write must load and compute what our runtime computes.
import { GraphBuilder, Model, type Value } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { describe, expect, it } from 'vitest';
import { compareModels, convert, randomFeeds } from '../src/index';
import { runRealTflite } from '../../../testing/real-tflite';
import { floats, tfModel } from './support/tf-graphs';

const i32 = (b: GraphBuilder, name: string, v: number[], shape = [v.length]) => b.constant(name, 'i32', shape, v);

const GRAPHS: Record<string, () => Model> = {
  'conv NCHW + bias + relu6, depthwise with dilation': () => tfModel((b) => {
    const x = b.input('x', 'f32', [1, 3, 8, 8]);
    const [c] = b.op('tf.Conv2D', [x, b.constant('w', 'f32', [3, 3, 3, 4], floats(108, 1))], { T: 'f32', strides: [1, 1, 2, 2], padding: 'SAME', data_format: 'NCHW' }, { outputs: [{ dtype: 'f32', shape: [1, 4, 4, 4] }] });
    const [bias] = b.op('tf.BiasAdd', [c!, b.constant('b', 'f32', [4], [0.1, -0.2, 0.3, 0])], { T: 'f32', data_format: 'NCHW' });
    const [r] = b.op('tf.Relu6', [bias!], { T: 'f32' });
    const [t] = b.op('tf.Transpose', [r!, i32(b, 'p', [0, 2, 3, 1])], { T: 'f32' });
    return b.op('tf.DepthwiseConv2dNative', [t!, b.constant('dw', 'f32', [3, 3, 4, 1], floats(36, 2))], { T: 'f32', strides: [1, 1, 1, 1], padding: 'SAME', data_format: 'NHWC', dilations: [1, 2, 2, 1] });
  }),
  'transpose conv, pools, resize, space-to-depth': () => tfModel((b) => {
    const x = b.input('x', 'f32', [1, 4, 4, 2]);
    const [up] = b.op('tf.Conv2DBackpropInput', [i32(b, 's', [1, 8, 8, 3]), b.constant('w', 'f32', [3, 3, 3, 2], floats(54, 3)), x], { T: 'f32', strides: [1, 2, 2, 1], padding: 'SAME' }, { outputs: [{ dtype: 'f32', shape: [1, 8, 8, 3] }] });
    const [mp] = b.op('tf.MaxPool', [up!], { T: 'f32', ksize: [1, 3, 3, 1], strides: [1, 2, 2, 1], padding: 'SAME' });
    const [ap] = b.op('tf.AvgPool', [mp!], { T: 'f32', ksize: [1, 2, 2, 1], strides: [1, 1, 1, 1], padding: 'VALID' });
    const [rs] = b.op('tf.ResizeBilinear', [ap!, i32(b, 'sz', [6, 6])], { T: 'f32', half_pixel_centers: true });
    const [nn] = b.op('tf.ResizeNearestNeighbor', [rs!, i32(b, 'sz2', [4, 4])], { T: 'f32', align_corners: true });
    return b.op('tf.SpaceToDepth', [nn!], { T: 'f32', block_size: 2 });
  }),
  'matmul family, batch norm, softmax': () => tfModel((b) => {
    const x = b.input('x', 'f32', [2, 3, 4]);
    const [fc] = b.op('tf.BatchMatMulV2', [x, b.constant('w', 'f32', [4, 5], floats(20, 4))], { T: 'f32' });
    const [bm] = b.op('tf.BatchMatMulV2', [fc!, fc!], { T: 'f32', adj_y: true });
    const k = (n: string, v: number[]) => b.constant(n, 'f32', [3], v);
    const [r4] = b.op('tf.Reshape', [bm!, i32(b, 'r4', [1, 2, 3, 3])], { T: 'f32' });
    const [bn] = b.op('tf.FusedBatchNormV3', [r4!, k('sc', [1, 2, 3]), k('of', [0, 1, 0]), k('mu', [0.1, 0.2, 0.3]), k('va', [1, 2, 3])], { T: 'f32', epsilon: 0.001 }, { numOutputs: 6 });
    return b.op('tf.Softmax', [bn!], { T: 'f32' });
  }),
  'slicing, joining, gathering, padding': () => tfModel((b) => {
    const x = b.input('x', 'f32', [2, 6, 4]);
    const [ss] = b.op('tf.StridedSlice', [x, i32(b, 'b', [0, 1, 0]), i32(b, 'e', [2, 6, 4]), i32(b, 'st', [1, 2, 1])], { T: 'f32', Index: 'i32', end_mask: 1 });
    const [sl] = b.op('tf.Slice', [x, i32(b, 'b2', [0, 0, 1]), i32(b, 's2', [-1, 3, 3])], { T: 'f32' });
    const [cc] = b.op('tf.ConcatV2', [ss!, sl!, i32(b, 'ax', [2], [])], { T: 'f32', N: 2 });
    const parts = b.op('tf.Split', [i32(b, 'sd', [1], []), cc!], { T: 'f32', num_split: 3 }, { numOutputs: 3 });
    const [pk] = b.op('tf.Pack', [parts[0]!, parts[2]!], { T: 'f32', N: 2, axis: -1 });
    const [g] = b.op('tf.GatherV2', [pk!, i32(b, 'idx', [1, 0, 6]), i32(b, 'gax', [2], [])], { T: 'f32', batch_dims: 0 });
    const [pd] = b.op('tf.MirrorPad', [g!, i32(b, 'pads', [0, 0, 0, 0, 1, 1, 0, 1], [4, 2])], { T: 'f32', mode: 'REFLECT' });
    const [tl] = b.op('tf.Tile', [pd!, i32(b, 'm', [1, 1, 2, 1])], { T: 'f32' });
    const [sq] = b.op('tf.Squeeze', [b.op('tf.ExpandDims', [tl!, i32(b, 'ed', [0], [])], { T: 'f32' })[0]!], { T: 'f32', squeeze_dims: [0] });
    return b.op('tf.Reshape', [sq!, i32(b, 'rs', [2, -1])], { T: 'f32' });
  }),
  'element-wise math, comparisons, select, reductions, arg max, top-k': () => tfModel((b) => {
    const x = b.input('x', 'f32', [3, 5]);
    const y = b.input('y', 'f32', [5]);
    const [sd] = b.op('tf.SquaredDifference', [x, y], { T: 'f32' });
    const [mx] = b.op('tf.Maximum', [sd!, b.op('tf.Neg', [x], { T: 'f32' })[0]!], { T: 'f32' });
    const [gt] = b.op('tf.Greater', [x, y], { T: 'f32' });
    const [sel] = b.op('tf.SelectV2', [gt!, mx!, b.op('tf.Exp', [x], { T: 'f32' })[0]!], { T: 'f32' });
    const [mean] = b.op('tf.Mean', [sel!, i32(b, 'a', [1])], { T: 'f32', keep_dims: true });
    const [sub] = b.op('tf.Sub', [sel!, mean!], { T: 'f32' });
    const [lr] = b.op('tf.LeakyRelu', [sub!], { T: 'f32', alpha: 0.1 });
    const [am] = b.op('tf.ArgMax', [lr!, i32(b, 'd', [1], [])], { T: 'f32', output_type: 'i32' });
    const [top] = b.op('tf.TopKV2', [lr!, i32(b, 'k', [2], [])], { T: 'f32' }, { numOutputs: 2 });
    return [lr!, am!, top!] as Value[];
  }),
  'int and bool tensors: cast, range, fill, one-hot, cumsum, reverse, broadcast, unpack, split-v': () => tfModel((b) => {
    const x = b.input('x', 'i32', [2, 3]);
    const [f] = b.op('tf.Cast', [x], { SrcT: 'i32', DstT: 'f32' });
    const [cs] = b.op('tf.Cumsum', [f!, i32(b, 'ax', [1], [])], { T: 'f32', exclusive: true });
    const [rv] = b.op('tf.ReverseV2', [cs!, i32(b, 'rax', [1])], { T: 'f32' });
    const [oh] = b.op('tf.OneHot', [x, i32(b, 'depth', [4], []), b.constant('on', 'f32', [], [1]), b.constant('off', 'f32', [], [0])], { T: 'f32', axis: -1 });
    const [rg] = b.op('tf.Range', [i32(b, 's', [0], []), i32(b, 'l', [6], []), i32(b, 'd', [2], [])], { Tidx: 'i32' });
    const [bc] = b.op('tf.BroadcastTo', [rg!, i32(b, 'shape', [2, 3])], { T: 'i32' });
    const [sum] = b.op('tf.AddV2', [bc!, x], { T: 'i32' });
    const [eq] = b.op('tf.Equal', [sum!, b.constant('two', 'i32', [], [2])], { T: 'i32' });
    const [nz] = b.op('tf.LogicalNot', [eq!], {});
    const [fl] = b.op('tf.Fill', [i32(b, 'dims', [2, 3]), b.constant('v', 'f32', [], [0.5])], { T: 'f32' });
    const [pick] = b.op('tf.Select', [nz!, rv!, fl!], { T: 'f32' });
    const rows = b.op('tf.Unpack', [pick!], { T: 'f32', num: 2, axis: 0 }, { numOutputs: 2 });
    const parts = b.op('tf.SplitV', [oh!, i32(b, 'sz', [1, 3]), i32(b, 'sax', [-1], [])], { T: 'f32', num_split: 2 }, { numOutputs: 2 });
    return [...rows, parts[1]!, sum!] as Value[];
  }),
  'detection: NonMaxSuppressionV5 (padded), V4 (sliced to the valid count)': () => tfModel((b) => {
    const boxes = b.input('boxes', 'f32', [6, 4]);
    const scores = b.input('scores', 'f32', [6]);
    const k = (n: string, v: number) => b.constant(n, 'f32', [], [v]);
    const v5 = b.op('tf.NonMaxSuppressionV5', [boxes, scores, i32(b, 'max', [4], []), k('iou', 0.3), k('thr', -0.5), k('sigma', 0)],
      { T: 'f32', pad_to_max_output_size: true }, { outputs: [{ dtype: 'i32', shape: [4] }, { dtype: 'f32', shape: [4] }, { dtype: 'i32', shape: [] }] });
    const v4 = b.op('tf.NonMaxSuppressionV4', [boxes, scores, i32(b, 'max4', [3], []), k('iou4', 0.3), k('thr4', 0)],
      { T: 'f32', pad_to_max_output_size: false }, { outputs: [{ dtype: 'i32', shape: [-1] }, { dtype: 'i32', shape: [] }] });
    return [...v5, ...v4] as Value[];
  }),
  'Conv3D with bias add': () => tfModel((b) => {
    const [c] = b.op('tf.Conv3D', [b.input('x', 'f32', [1, 3, 4, 4, 2]), b.constant('w', 'f32', [2, 3, 3, 2, 3], floats(108, 8))],
      { T: 'f32', strides: [1, 1, 2, 2, 1], padding: 'VALID', data_format: 'NDHWC' }, { outputs: [{ dtype: 'f32', shape: [1, 2, 1, 1, 3] }] });
    return b.op('tf.BiasAdd', [c!, b.constant('b', 'f32', [3], [1, 2, 3])], { T: 'f32' });
  }),
  'GELU from Erf, Selu, Softplus, Softsign': () => tfModel((b) => {
    const x = b.input('x', 'f32', [4, 5]);
    const [d] = b.op('tf.RealDiv', [x, b.constant('sqrt2', 'f32', [], [Math.SQRT2])], { T: 'f32' });
    const [e] = b.op('tf.Erf', [d!], { T: 'f32' }, { outputs: [{ dtype: 'f32', shape: [4, 5] }] });
    const [a] = b.op('tf.AddV2', [e!, b.constant('one', 'f32', [], [1])], { T: 'f32' });
    const [g] = b.op('tf.Mul', [b.op('tf.Mul', [x, b.constant('half', 'f32', [], [0.5])], { T: 'f32' })[0]!, a!], { T: 'f32' });
    const [se] = b.op('tf.Selu', [g!], { T: 'f32' });
    const [sp] = b.op('tf.Softplus', [se!], { T: 'f32' });
    return b.op('tf.Softsign', [sp!], { T: 'f32' });
  }),
  'functional control flow: While and If': () => {
    const cond = new GraphBuilder('cond');
    const ci = cond.input('i', 'i32', []);
    cond.input('acc', 'f32', [3]);
    cond.output(cond.op('tf.Less', [ci, cond.constant('n', 'i32', [], [4])], { T: 'i32' })[0]!);
    const body = new GraphBuilder('body');
    const bi = body.input('i', 'i32', []);
    const bacc = body.input('acc', 'f32', [3]);
    body.output(body.op('tf.AddV2', [bi, body.constant('one', 'i32', [], [1])], { T: 'i32' })[0]!, body.op('tf.Tanh', [body.op('tf.AddV2', [bacc, bacc], { T: 'f32' })[0]!], { T: 'f32' })[0]!);
    const then = new GraphBuilder('then');
    then.output(then.op('tf.Neg', [then.input('v', 'f32', [3])], { T: 'f32' })[0]!);
    const els = new GraphBuilder('else');
    els.output(els.op('tf.Exp', [els.input('v', 'f32', [3])], { T: 'f32' })[0]!);
    const main = new GraphBuilder('main');
    const x = main.input('x', 'f32', [3]);
    const loop = main.op('tf.While', [main.constant('zero', 'i32', [], [0]), x], { cond: { graph: 1 }, body: { graph: 2 } }, { outputs: [{ dtype: 'i32', shape: [] }, { dtype: 'f32', shape: [3] }] });
    const [p] = main.op('tf.Greater', [main.op('tf.Sum', [loop[1]!, main.constant('a', 'i32', [1], [0])], { T: 'f32' })[0]!, main.constant('z', 'f32', [], [0])], { T: 'f32' });
    main.output(main.op('tf.If', [p!, loop[1]!], { then_branch: { graph: 3 }, else_branch: { graph: 4 } }, { outputs: [{ dtype: 'f32', shape: [3] }] })[0]!);
    return new Model({ graphs: [main.graph, cond.graph, body.graph, then.graph, els.graph] });
  },
};

describe('real TFLite runs the legalized op families', () => {
  for (const [name, build] of Object.entries(GRAPHS)) {
    it(name, () => {
      const m = build();
      const { tflite, report } = convert(m);
      if (name.startsWith('Conv3D')) expect(report.opCounts).toEqual({ CONV_3D: 1 });
      const feeds = randomFeeds(m, 21);
      const ours = Object.values(Interpreter.createSync(tflite).run(feeds));
      const real = runRealTflite(tflite, feeds.map((f) => f.data as Float32Array));
      expect(compareModels(m, tflite, { feeds }).pass).toBe(true);
      expect(real.outputs.length).toBe(ours.length);
      real.outputs.forEach((r, i) => {
        const mine = Array.from(ours[i]!.data as ArrayLike<number>, Number);
        expect(r.shape).toEqual(ours[i]!.shape);
        const scale = Math.max(1, ...mine.map(Math.abs));
        r.data.forEach((v, k) => expect(Math.abs(v - mine[k]!), `${r.name}[${k}]`).toBeLessThanOrEqual(1e-4 * scale));
      });
    });
  }
});
