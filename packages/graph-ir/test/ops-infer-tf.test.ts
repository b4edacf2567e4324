// Shape/dtype inference of tf ops (TensorFlow attribute names and data formats).
import { describe, expect, it } from 'vitest';
import { IRError } from '../src/errors';
import { allOpSchemas, getOpSchema } from '../src/ops/index';
import { run, shapeOf, t } from './ops-helpers';

const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof IRError ? e.code : `not an IRError: ${String(e)}`;
  }
  return undefined;
};

describe('tf dialect registry', () => {
  it('defines every op with a tf. name, category, doc and inference', () => {
    const ops = allOpSchemas('tf');
    expect(ops.length).toBeGreaterThan(150);
    for (const s of ops) {
      expect(s.name, s.name).toMatch(/^tf\.[A-Za-z_][A-Za-z0-9_]*$/);
      expect(s.builtinCode, s.name).toBeUndefined();
      expect(s.doc?.length ?? 0, s.name).toBeGreaterThan(3);
      expect(typeof s.infer, s.name).toBe('function');
    }
  });
});

describe('convolution and pooling', () => {
  it('Conv2D NHWC/NCHW with strides, dilations and explicit padding', () => {
    expect(shapeOf('tf.Conv2D', [t([1, 224, 224, 3]), t([3, 3, 3, 32])], { strides: [1, 2, 2, 1], padding: 'SAME' })).toEqual([1, 112, 112, 32]);
    expect(shapeOf('tf.Conv2D', [t([1, 3, 224, 224]), t([3, 3, 3, 32])], { strides: [1, 1, 2, 2], padding: 'VALID', data_format: 'NCHW' })).toEqual([1, 32, 111, 111]);
    expect(shapeOf('tf.Conv2D', [t(['n', 10, 10, 3]), t([3, 3, 3, 8])], { strides: [1, 1, 1, 1], padding: 'VALID', dilations: [1, 2, 2, 1] })).toEqual(['n', 6, 6, 8]);
    expect(shapeOf('tf.Conv2D', [t([1, 5, 5, 3]), t([3, 3, 3, 8])], { strides: [1, 1, 1, 1], padding: 'EXPLICIT', explicit_paddings: [0, 0, 1, 1, 2, 2, 0, 0] })).toEqual([1, 5, 7, 8]);
    expect(code(() => run('tf.Conv2D', [t([1, 5, 5, 3]), t([3, 3, 3, 8])], { strides: [1, 1], padding: 'SAME' }))).toBe('INVALID_ATTR');
  });
  it('DepthwiseConv2dNative multiplies channels; _FusedConv2D takes extra args', () => {
    expect(shapeOf('tf.DepthwiseConv2dNative', [t([1, 8, 8, 4]), t([3, 3, 4, 2])], { strides: [1, 1, 1, 1], padding: 'SAME' })).toEqual([1, 8, 8, 8]);
    expect(shapeOf('tf._FusedConv2D', [t([1, 8, 8, 4]), t([1, 1, 4, 6]), t([6])], { strides: [1, 2, 2, 1], padding: 'VALID', fused_ops: ['BiasAdd', 'Relu'], num_args: 1 })).toEqual([1, 4, 4, 6]);
  });
  it('Conv2DBackpropInput takes the constant input_sizes', () => {
    expect(shapeOf('tf.Conv2DBackpropInput', [t([4], 'i32'), t([3, 3, 8, 16]), t([1, 5, 5, 16])], { strides: [1, 2, 2, 1], padding: 'SAME' }, { consts: { 0: [1, 10, 10, 8] } })).toEqual([1, 10, 10, 8]);
    expect(shapeOf('tf.Conv2DBackpropInput', [t([4], 'i32'), t([3, 3, 8, 16]), t([1, 5, 5, 16])], { strides: [1, 2, 2, 1], padding: 'SAME' })).toEqual([1, -1, -1, 8]);
  });
  it('MaxPool/AvgPool with ksize in data_format order', () => {
    expect(shapeOf('tf.MaxPool', [t([1, 5, 5, 3])], { ksize: [1, 2, 2, 1], strides: [1, 2, 2, 1], padding: 'SAME' })).toEqual([1, 3, 3, 3]);
    expect(shapeOf('tf.AvgPool', [t([1, 3, 5, 5])], { ksize: [1, 1, 2, 2], strides: [1, 1, 2, 2], padding: 'VALID', data_format: 'NCHW' })).toEqual([1, 3, 2, 2]);
  });
  it('BiasAdd and FusedBatchNormV3 check channels', () => {
    expect(shapeOf('tf.BiasAdd', [t([2, 8, 4, 4]), t([8])], { data_format: 'NCHW' })).toEqual([2, 8, 4, 4]);
    expect(code(() => run('tf.BiasAdd', [t([2, 4, 4, 8]), t([4])]))).toBe('SHAPE_MISMATCH');
    const out = run('tf.FusedBatchNormV3', [t([1, 4, 4, 8]), t([8]), t([8]), t([8]), t([8])], { is_training: false }, { numOutputs: 6 });
    expect(out.map((o) => o.shape)).toEqual([[1, 4, 4, 8], [8], [8], [8], [8], undefined]);
  });
});

describe('math', () => {
  it('broadcasting binary ops and comparisons', () => {
    expect(shapeOf('tf.AddV2', [t([2, 1]), t([3])])).toEqual([2, 3]);
    expect(run('tf.GreaterEqual', [t([2]), t([])])).toEqual([t([2], 'bool')]);
    expect(code(() => run('tf.Mul', [t([2]), t([3])]))).toBe('SHAPE_MISMATCH');
  });
  it('MatMul, BatchMatMulV2 broadcasting, BatchMatMulV3 Tout', () => {
    expect(shapeOf('tf.MatMul', [t([3, 4]), t([5, 4])], { transpose_b: true })).toEqual([3, 5]);
    expect(shapeOf('tf.BatchMatMulV2', [t([2, 1, 3, 4]), t([5, 4, 6])])).toEqual([2, 5, 3, 6]);
    expect(code(() => run('tf.BatchMatMul', [t([2, 1, 3, 4]), t([5, 4, 6])]))).toBe('SHAPE_MISMATCH');
    expect(run('tf.BatchMatMulV3', [t([2, 3, 4], 'i8'), t([2, 4, 6], 'i8')], { Tout: 'i32' })).toEqual([t([2, 3, 6], 'i32')]);
  });
  it('reductions, ArgMax, TopKV2', () => {
    expect(shapeOf('tf.Mean', [t([2, 3, 4]), t([2], 'i32')], { keep_dims: true }, { consts: { 1: [1, -1] } })).toEqual([2, 1, 1]);
    expect(run('tf.ArgMax', [t([2, 3]), t([], 'i32')], {}, { consts: { 1: [1] } })).toEqual([t([2], 'i64')]);
    expect(run('tf.TopKV2', [t([4, 9]), t([], 'i32')], {}, { consts: { 1: [2] }, numOutputs: 2 })).toEqual([t([4, 2]), t([4, 2], 'i32')]);
  });
});

describe('array and shape ops', () => {
  it('Placeholder shapes from attributes (list or TensorShapeProto form)', () => {
    expect(run('tf.Placeholder', [], { dtype: 'f32', shape: [-1, 28, 28, 1] })).toEqual([t([-1, 28, 28, 1])]);
    expect(run('tf.Placeholder', [], { dtype: 'i32', shape: { dim: [{ size: 2 }, { size: -1 }] } })).toEqual([t([2, -1], 'i32')]);
    expect(run('tf.Placeholder', [], { dtype: 'f32', shape: { unknownRank: true } })).toEqual([t(undefined)]);
  });
  it('Reshape, Squeeze, ExpandDims, Transpose', () => {
    expect(shapeOf('tf.Reshape', [t(['b', 2, 3]), t([2], 'i32')], {}, { consts: { 1: [-1, 6] } })).toEqual(['b', 6]);
    expect(shapeOf('tf.Squeeze', [t([1, 3, 1])], { squeeze_dims: [0] })).toEqual([3, 1]);
    expect(shapeOf('tf.ExpandDims', [t([3]), t([], 'i32')], {}, { consts: { 1: [0] } })).toEqual([1, 3]);
    expect(shapeOf('tf.Transpose', [t([1, 2, 3]), t([3], 'i32')], {}, { consts: { 1: [2, 0, 1] } })).toEqual([3, 1, 2]);
  });
  it('ConcatV2 (axis last), Concat (axis first), Split, SplitV, Pack, Unpack', () => {
    expect(shapeOf('tf.ConcatV2', [t([2, 3]), t([2, 4]), t([], 'i32')], { N: 2 }, { consts: { 2: [-1] } })).toEqual([2, 7]);
    expect(shapeOf('tf.Concat', [t([], 'i32'), t([2, 3]), t([5, 3])], { N: 2 }, { consts: { 0: [0] } })).toEqual([7, 3]);
    expect(run('tf.Split', [t([], 'i32'), t([6, 2])], { num_split: 3 }, { consts: { 0: [0] }, numOutputs: 3 }).map((o) => o.shape)).toEqual([[2, 2], [2, 2], [2, 2]]);
    expect(run('tf.SplitV', [t([6, 2]), t([2], 'i32'), t([], 'i32')], { num_split: 2 }, { consts: { 1: [-1, 4], 2: [0] }, numOutputs: 2 }).map((o) => o.shape)).toEqual([[2, 2], [4, 2]]);
    expect(shapeOf('tf.Pack', [t([3]), t([3])], { N: 2, axis: -1 })).toEqual([3, 2]);
    expect(run('tf.Unpack', [t([2, 5])], { num: 2, axis: 0 }, { numOutputs: 2 })).toEqual([t([5]), t([5])]);
  });
  it('StridedSlice, Slice, GatherV2, GatherNd, Pad, MirrorPad, Tile, BroadcastTo', () => {
    expect(shapeOf('tf.StridedSlice', [t([4, 5]), t([2], 'i32'), t([2], 'i32'), t([2], 'i32')], { shrink_axis_mask: 2 }, { consts: { 1: [0, 1], 2: [4, 2], 3: [2, 1] } })).toEqual([2]);
    expect(shapeOf('tf.Slice', [t([4, 5]), t([2], 'i32'), t([2], 'i32')], {}, { consts: { 1: [1, 1], 2: [-1, 2] } })).toEqual([3, 2]);
    expect(shapeOf('tf.GatherV2', [t([5, 6]), t([3], 'i32'), t([], 'i32')], {}, { consts: { 2: [1] } })).toEqual([5, 3]);
    expect(shapeOf('tf.GatherNd', [t([5, 6, 7]), t([4, 1], 'i32')])).toEqual([4, 6, 7]);
    expect(shapeOf('tf.Pad', [t([2, 2]), t([2, 2], 'i32')], {}, { consts: { 1: [1, 2, 0, 0] } })).toEqual([5, 2]);
    expect(code(() => run('tf.MirrorPad', [t([2, 2]), t([2, 2], 'i32')], { mode: 'REFLECT' }, { consts: { 1: [2, 0, 0, 0] } }))).toBe('SHAPE_MISMATCH');
    expect(shapeOf('tf.Tile', [t([2, 1]), t([2], 'i32')], {}, { consts: { 1: [1, 4] } })).toEqual([2, 4]);
    expect(shapeOf('tf.BroadcastTo', [t([1, 3]), t([2], 'i32')], {}, { consts: { 1: [4, 3] } })).toEqual([4, 3]);
  });
  it('Cast, Shape, Size, Fill, Range, Where, Select, SelectV2, OneHot', () => {
    expect(run('tf.Cast', [t([2], 'i32')], { DstT: 'f32' })).toEqual([t([2], 'f32')]);
    expect(run('tf.Shape', [t([2, 3])], { out_type: 'i64' })).toEqual([t([2], 'i64')]);
    expect(run('tf.Size', [t([2, 3])])).toEqual([t([], 'i32')]);
    expect(run('tf.Fill', [t([2], 'i32'), t([], 'bool')], {}, { consts: { 0: [2, 2] } })).toEqual([t([2, 2], 'bool')]);
    expect(shapeOf('tf.Range', [t([], 'i32'), t([], 'i32'), t([], 'i32')], {}, { consts: { 0: [5], 1: [0], 2: [-2] } })).toEqual([3]);
    expect(run('tf.Where', [t([2, 3, 4], 'bool')])).toEqual([t([-1, 3], 'i64')]);
    expect(shapeOf('tf.Select', [t([2], 'bool'), t([2, 3]), t([2, 3])])).toEqual([2, 3]);
    expect(shapeOf('tf.SelectV2', [t([2, 1], 'bool'), t([3]), t([1])])).toEqual([2, 3]);
    expect(shapeOf('tf.OneHot', [t([3], 'i32'), t([], 'i32'), t([]), t([])], { axis: 0 }, { consts: { 1: [5] } })).toEqual([5, 3]);
  });
  it('space/depth ops with NCHW, resize', () => {
    expect(shapeOf('tf.SpaceToDepth', [t([1, 3, 4, 4])], { block_size: 2, data_format: 'NCHW' })).toEqual([1, 12, 2, 2]);
    expect(shapeOf('tf.DepthToSpace', [t([1, 2, 2, 12])], { block_size: 2 })).toEqual([1, 4, 4, 3]);
    expect(run('tf.ResizeBilinear', [t([1, 4, 4, 3], 'u8'), t([2], 'i32')], {}, { consts: { 1: [8, 8] } })).toEqual([t([1, 8, 8, 3], 'f32')]);
  });
});

describe('control flow, variables, tensor lists, misc', () => {
  it('While keeps input types unless output_shapes says otherwise; If and calls use Tout', () => {
    expect(run('tf.While', [t([], 'i32'), t([2])], { output_shapes: [[], [-1]] }, { numOutputs: 2 })).toEqual([t([], 'i32'), t([-1])]);
    expect(run('tf.StatelessIf', [t([], 'bool'), t([3])], { Tout: ['f32', 'i32'] }, { numOutputs: 2 })).toEqual([t(undefined), t(undefined, 'i32')]);
    expect(run('tf.StatefulPartitionedCall', [t([3])], { Tout: ['f32'] })).toEqual([t(undefined)]);
    expect(run('tf.Merge', [t([2, 3]), t([2, 4])], {}, { numOutputs: 2 })).toEqual([t([2, -1]), t([], 'i32')]);
    expect(run('tf.Switch', [t([2]), t([], 'bool')], {}, { numOutputs: 2 })).toEqual([t([2]), t([2])]);
  });
  it('variables and tensor lists', () => {
    expect(run('tf.VarHandleOp', [], { dtype: 'f32', shape: [3] })).toEqual([t([], 'resource')]);
    expect(run('tf.ReadVariableOp', [t([], 'resource')], { dtype: 'f32' })).toEqual([t(undefined)]);
    expect(run('tf.TensorListReserve', [t([2], 'i32'), t([], 'i32')], { element_dtype: 'f32' })).toEqual([t([], 'variant')]);
    expect(run('tf.TensorListStack', [t([], 'variant'), t([2], 'i32')], { element_dtype: 'f32', num_elements: 5 }, { consts: { 1: [2, 3] } })).toEqual([t([5, 2, 3])]);
    expect(run('tf.TensorListGetItem', [t([], 'variant'), t([], 'i32'), t([2], 'i32')], { element_dtype: 'f32' }, { consts: { 2: [-1, 3] } })).toEqual([t([-1, 3])]);
  });
  it('NMS, fake quantization, random, checkpoint ops', () => {
    const nms = [t([10, 4]), t([10]), t([], 'i32'), t([]), t([])];
    expect(shapeOf('tf.NonMaxSuppressionV3', nms, {}, { consts: { 2: [5] } })).toEqual([-1]);
    expect(shapeOf('tf.NonMaxSuppressionV4', nms, { pad_to_max_output_size: true }, { consts: { 2: [5] }, numOutputs: 2 })).toEqual([5]);
    expect(code(() => run('tf.FakeQuantWithMinMaxVarsPerChannel', [t([2, 8]), t([4]), t([4])]))).toBe('SHAPE_MISMATCH');
    expect(run('tf.RandomUniform', [t([2], 'i32')], { dtype: 'f32' }, { consts: { 0: [3, 4] } })).toEqual([t([3, 4])]);
    expect(run('tf.RestoreV2', [t([]), t([2]), t([2])], { dtypes: ['f32', 'i64'] }, { numOutputs: 2 })).toEqual([t(undefined), t(undefined, 'i64')]);
    expect(run('tf.ParseExampleV2', [t([4], 'string'), t([0], 'string'), t([1], 'string'), t([1], 'string'), t([0], 'string'), t([])], {
      num_sparse: 1, sparse_types: ['i64'], Tdense: ['f32'], dense_shapes: [[3]], ragged_value_types: [], ragged_split_types: [],
    }, { numOutputs: 4 })).toEqual([t([-1, 2], 'i64'), t([-1], 'i64'), t([2], 'i64'), t([4, 3])]);
  });
  it('knows the ops the converter must import', () => {
    for (const op of ['Placeholder', 'Const', 'Identity', 'IdentityN', 'NoOp', 'Conv2D', 'FusedBatchNormV3', '_FusedMatMul', 'While', 'StatelessIf',
      'Enter', 'Exit', 'NextIteration', 'LoopCond', 'TensorListFromTensor', 'TensorListSetItem', 'PartitionedCall', 'VarHandleOp',
      'FakeQuantWithMinMaxVars', 'NonMaxSuppressionV5', 'ResizeNearestNeighbor', 'SpaceToBatchND', 'BatchToSpaceND', 'ZerosLike', 'OnesLike']) {
      expect(getOpSchema(`tf.${op}`)?.infer, op).toBeTypeOf('function');
    }
  });
});
