// Shape/dtype inference of tfl ops, checked against TFLite's rules.
import { describe, expect, it } from 'vitest';
import { IRError } from '../src/errors';
import { getOpSchema } from '../src/ops/index';
import { run, shapeOf, t } from './ops-helpers';

const throwsCode = (fn: () => unknown, code: string, text?: RegExp) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(IRError);
    expect((e as IRError).code).toBe(code);
    if (text) expect((e as IRError).message).toMatch(text);
    return;
  }
  throw new Error(`expected IRError ${code}`);
};

describe('element-wise binary ops (NumPy broadcasting)', () => {
  it('broadcasts known, symbolic and unknown dims', () => {
    expect(shapeOf('tfl.ADD', [t([2, 1, 3]), t([4, 1])])).toEqual([2, 4, 3]);
    expect(shapeOf('tfl.MUL', [t(['batch', 1, 3]), t([5, 3])])).toEqual(['batch', 5, 3]);
    expect(shapeOf('tfl.SUB', [t([-1, 3]), t([7, 1])])).toEqual([7, 3]);
    expect(shapeOf('tfl.DIV', [t([]), t([2, 2])])).toEqual([2, 2]);
    expect(shapeOf('tfl.ADD', [t(undefined), t([2])])).toBeUndefined();
  });
  it('rejects incompatible shapes and mixed dtypes, naming the op', () => {
    throwsCode(() => run('tfl.ADD', [t([2, 3]), t([4, 3])]), 'SHAPE_MISMATCH', /^tfl\.ADD: .*\[2,3\].*\[4,3\]/);
    throwsCode(() => run('tfl.MAXIMUM', [t([2], 'f32'), t([2], 'i32')]), 'TYPE_MISMATCH', /f32.*i32/);
  });
  it('gives bool for comparisons and logical ops', () => {
    expect(run('tfl.LESS', [t([2, 3]), t([3])])).toEqual([t([2, 3], 'bool')]);
    expect(run('tfl.LOGICAL_AND', [t([4], 'bool'), t([1], 'bool')])).toEqual([t([4], 'bool')]);
  });
  it('broadcasts PRELU alpha against the input and sums ADD_N of one shape', () => {
    expect(shapeOf('tfl.PRELU', [t([1, 8, 8, 16]), t([1, 1, 16])])).toEqual([1, 8, 8, 16]);
    expect(shapeOf('tfl.ADD_N', [t([2, -1]), t([2, 5]), t([-1, 5])])).toEqual([2, 5]);
    throwsCode(() => run('tfl.ADD_N', [t([2, 3]), t([2, 4])]), 'SHAPE_MISMATCH');
  });
});

describe('unary ops and activations', () => {
  it('keeps the input type', () => {
    for (const op of ['tfl.ABS', 'tfl.RSQRT', 'tfl.RELU6', 'tfl.HARD_SWISH', 'tfl.GELU', 'tfl.LEAKY_RELU', 'tfl.LOG_SOFTMAX']) {
      expect(run(op, [t(['n', 3], 'i8')]), op).toEqual([t(['n', 3], 'i8')]);
    }
  });
  it('maps complex to real and keeps int8→int16 softmax outputs', () => {
    expect(run('tfl.COMPLEX_ABS', [t([4], 'complex64')])).toEqual([t([4], 'f32')]);
    throwsCode(() => run('tfl.REAL', [t([4])]), 'TYPE_MISMATCH');
    expect(run('tfl.SOFTMAX', [t([1, 2], 'i8')], {}, { outputs: [t([1, 2], 'i16')] })).toEqual([t([1, 2], 'i16')]);
    expect(run('tfl.SOFTMAX', [t([1, 2], 'f32')], {}, { outputs: [t([1, 2], 'i16')] })).toEqual([t([1, 2], 'f32')]);
  });
});

describe('convolutions and pooling (SAME/VALID, strides, dilations)', () => {
  const conv = (input: number[], filter: number[], attrs: Record<string, number | string>) =>
    shapeOf('tfl.CONV_2D', [t(input), t(filter), t([filter[0]!])], attrs);
  it('CONV_2D', () => {
    expect(conv([1, 224, 224, 3], [32, 3, 3, 3], { padding: 'SAME', strideH: 2, strideW: 2 })).toEqual([1, 112, 112, 32]);
    expect(conv([1, 224, 224, 3], [32, 3, 3, 3], { padding: 'VALID', strideH: 2, strideW: 2 })).toEqual([1, 111, 111, 32]);
    expect(conv([1, 7, 9, 3], [8, 3, 3, 3], { padding: 'SAME', strideH: 2, strideW: 2 })).toEqual([1, 4, 5, 8]);
    expect(conv([1, 10, 10, 3], [8, 3, 3, 3], { padding: 'VALID', strideH: 1, strideW: 1, dilationHFactor: 2, dilationWFactor: 3 })).toEqual([1, 6, 4, 8]);
    expect(shapeOf('tfl.CONV_2D', [t(['n', 'h', 'w', 3]), t([8, 1, 1, 3])], { strideH: 1, strideW: 1 })).toEqual(['n', 'h', 'w', 8]);
    expect(shapeOf('tfl.CONV_2D', [t(['n', 'h', 16, 3]), t([8, 3, 3, 3])], { strideH: 2, strideW: 2 })).toEqual(['n', -1, 8, 8]);
  });
  it('CONV_2D grouped channels, bias and window checks', () => {
    expect(conv([1, 4, 4, 8], [6, 1, 1, 4], { strideH: 1, strideW: 1 })).toEqual([1, 4, 4, 6]);
    throwsCode(() => conv([1, 4, 4, 6], [6, 1, 1, 4], { strideH: 1, strideW: 1 }), 'SHAPE_MISMATCH', /multiple/);
    throwsCode(() => run('tfl.CONV_2D', [t([1, 4, 4, 3]), t([8, 1, 1, 3]), t([7])], { strideH: 1, strideW: 1 }), 'SHAPE_MISMATCH', /bias/);
    throwsCode(() => conv([1, 2, 2, 3], [8, 3, 3, 3], { padding: 'VALID', strideH: 1, strideW: 1 }), 'SHAPE_MISMATCH', /larger/);
    throwsCode(() => conv([1, 2, 2, 3], [8, 1, 1, 3], { strideH: 0, strideW: 1 }), 'INVALID_ATTR');
  });
  it('DEPTHWISE_CONV_2D, TRANSPOSE_CONV, CONV_3D', () => {
    expect(shapeOf('tfl.DEPTHWISE_CONV_2D', [t([1, 10, 10, 8]), t([1, 3, 3, 16])], { strideH: 2, strideW: 2 })).toEqual([1, 5, 5, 16]);
    expect(shapeOf('tfl.TRANSPOSE_CONV', [t([4], 'i32'), t([16, 3, 3, 8]), t([1, 5, 5, 8])], { strideH: 2, strideW: 2 }, { consts: { 0: [1, 10, 10, 16] } })).toEqual([1, 10, 10, 16]);
    expect(shapeOf('tfl.TRANSPOSE_CONV', [t([4], 'i32'), t([16, 3, 3, 8]), t([1, 5, 5, 8])], { strideH: 2, strideW: 2 })).toEqual([-1, -1, -1, -1]);
    throwsCode(() => run('tfl.TRANSPOSE_CONV', [t([4], 'i32'), t([16, 3, 3, 8]), t([1, 5, 5, 8])], {}, { consts: { 0: [1, 10, 10, 4] } }), 'SHAPE_MISMATCH');
    expect(shapeOf('tfl.CONV_3D', [t([1, 8, 16, 16, 3]), t([3, 3, 3, 3, 12])], { padding: 'VALID', strideD: 1, strideH: 2, strideW: 2 })).toEqual([1, 6, 7, 7, 12]);
  });
  it('pools', () => {
    const pool = (padding: string) => shapeOf('tfl.MAX_POOL_2D', [t([1, 5, 5, 3])], { padding, strideH: 2, strideW: 2, filterHeight: 2, filterWidth: 2 });
    expect(pool('VALID')).toEqual([1, 2, 2, 3]);
    expect(pool('SAME')).toEqual([1, 3, 3, 3]);
    expect(shapeOf('tfl.AVERAGE_POOL_2D', [t(['b', 7, 7, 1024])], { padding: 'VALID', strideH: 1, strideW: 1, filterHeight: 7, filterWidth: 7 })).toEqual(['b', 1, 1, 1024]);
  });
});

describe('matrix products', () => {
  it('FULLY_CONNECTED flattens, keeps dims, and checks depth', () => {
    expect(shapeOf('tfl.FULLY_CONNECTED', [t([2, 3, 4]), t([5, 4])])).toEqual([6, 5]);
    expect(shapeOf('tfl.FULLY_CONNECTED', [t([2, 3, 4]), t([5, 4])], { keepNumDims: true })).toEqual([2, 3, 5]);
    expect(shapeOf('tfl.FULLY_CONNECTED', [t(['batch', 4]), t([5, 4]), t([5])])).toEqual(['batch', 5]);
    expect(shapeOf('tfl.FULLY_CONNECTED', [t([3, 8]), t([5, 4])])).toEqual([6, 5]);
    throwsCode(() => run('tfl.FULLY_CONNECTED', [t([3, 5]), t([5, 4])]), 'SHAPE_MISMATCH', /multiple/);
    throwsCode(() => run('tfl.FULLY_CONNECTED', [t([3, 5]), t([5, 4])], { keepNumDims: true }), 'SHAPE_MISMATCH');
  });
  it('FULLY_CONNECTED keeps a float output for hybrid int8 weights', () => {
    expect(run('tfl.FULLY_CONNECTED', [t([1, 4]), t([5, 4], 'i8')])).toEqual([t([1, 5])]);
  });
  it('BATCH_MATMUL broadcasts batch dims and honours adjX/adjY', () => {
    expect(shapeOf('tfl.BATCH_MATMUL', [t([2, 1, 3, 4]), t([5, 4, 6])])).toEqual([2, 5, 3, 6]);
    expect(shapeOf('tfl.BATCH_MATMUL', [t([2, 4, 3]), t([2, 6, 4])], { adjX: true, adjY: true })).toEqual([2, 3, 6]);
    throwsCode(() => run('tfl.BATCH_MATMUL', [t([2, 3, 4]), t([2, 5, 6])]), 'SHAPE_MISMATCH', /contracted/);
  });
});

describe('reductions', () => {
  it('reduces constant axes (negative allowed) with and without keepDims', () => {
    expect(shapeOf('tfl.MEAN', [t([2, 3, 4]), t([1], 'i32')], {}, { consts: { 1: [-1] } })).toEqual([2, 3]);
    expect(shapeOf('tfl.SUM', [t([2, 3, 4]), t([2], 'i32')], { keepDims: true }, { consts: { 1: [0, 2] } })).toEqual([1, 3, 1]);
    expect(shapeOf('tfl.REDUCE_MAX', [t([2, 3, 4]), t([2], 'i32')], { keepDims: true })).toEqual([-1, -1, -1]);
    expect(shapeOf('tfl.REDUCE_MIN', [t([2, 3, 4]), t([1], 'i32')])).toEqual([-1, -1]);
    throwsCode(() => run('tfl.MEAN', [t([2, 3]), t([1], 'i32')], {}, { consts: { 1: [2] } }), 'SHAPE_MISMATCH', /out of range/);
  });
  it('ARG_MAX/ARG_MIN drop the axis and use outputType', () => {
    expect(run('tfl.ARG_MAX', [t([2, 3, 4]), t([], 'i32')], { outputType: 'INT32' }, { consts: { 1: [1] } })).toEqual([t([2, 4], 'i32')]);
    expect(run('tfl.ARG_MIN', [t([2, 3]), t([], 'i32')], { outputType: 'INT64' }, { consts: { 1: [-1] } })).toEqual([t([2], 'i64')]);
  });
});

describe('shape ops', () => {
  it('RESHAPE resolves -1, also symbolically, from the operand or newShape', () => {
    expect(shapeOf('tfl.RESHAPE', [t([2, 3, 4]), t([2], 'i32')], {}, { consts: { 1: [-1, 6] } })).toEqual([4, 6]);
    expect(shapeOf('tfl.RESHAPE', [t(['b', 4, 4]), t([2], 'i32')], {}, { consts: { 1: [-1, 16] } })).toEqual(['b', 16]);
    expect(shapeOf('tfl.RESHAPE', [t(['b', 4, 4]), t([2], 'i32')], {}, { consts: { 1: [-1, 8] } })).toEqual([-1, 8]);
    expect(shapeOf('tfl.RESHAPE', [t([6])], { newShape: [3, -1] })).toEqual([3, 2]);
    expect(shapeOf('tfl.RESHAPE', [t([1, 1])], { newShape: [0] })).toEqual([]);
    expect(shapeOf('tfl.RESHAPE', [t([6]), t([3], 'i32')])).toEqual([-1, -1, -1]);
    throwsCode(() => run('tfl.RESHAPE', [t([2, 3]), t([2], 'i32')], {}, { consts: { 1: [4, 2] } }), 'SHAPE_MISMATCH');
    throwsCode(() => run('tfl.RESHAPE', [t([2, 3]), t([2], 'i32')], {}, { consts: { 1: [-1, -1] } }), 'INVALID_ATTR');
  });
  it('SQUEEZE, EXPAND_DIMS, TRANSPOSE', () => {
    expect(shapeOf('tfl.SQUEEZE', [t([1, 3, 1, 2])])).toEqual([3, 2]);
    expect(shapeOf('tfl.SQUEEZE', [t([1, 3, 1, 2])], { squeezeDims: [-2] })).toEqual([1, 3, 2]);
    expect(shapeOf('tfl.SQUEEZE', [t([1, -1])])).toBeUndefined();
    throwsCode(() => run('tfl.SQUEEZE', [t([1, 3])], { squeezeDims: [1] }), 'SHAPE_MISMATCH');
    expect(shapeOf('tfl.EXPAND_DIMS', [t([2, 3]), t([], 'i32')], {}, { consts: { 1: [-1] } })).toEqual([2, 3, 1]);
    expect(shapeOf('tfl.EXPAND_DIMS', [t([2, 3]), t([], 'i32')], {}, { consts: { 1: [0] } })).toEqual([1, 2, 3]);
    expect(shapeOf('tfl.TRANSPOSE', [t(['n', 3, 4, 5]), t([4], 'i32')], {}, { consts: { 1: [0, 3, 1, 2] } })).toEqual(['n', 5, 3, 4]);
    throwsCode(() => run('tfl.TRANSPOSE', [t([2, 3]), t([2], 'i32')], {}, { consts: { 1: [0, 0] } }), 'INVALID_ATTR');
  });
  it('CONCATENATION, PACK, UNPACK', () => {
    expect(shapeOf('tfl.CONCATENATION', [t([2, 3]), t([2, 5]), t(['b', 1])], { axis: -1 })).toEqual([2, 9]);
    expect(shapeOf('tfl.CONCATENATION', [t(['b', 3]), t(['b', 5])], { axis: 1 })).toEqual(['b', 8]);
    expect(shapeOf('tfl.CONCATENATION', [t([2, -1]), t([2, 5])], { axis: 1 })).toEqual([2, -1]);
    throwsCode(() => run('tfl.CONCATENATION', [t([2, 3]), t([4, 3])], { axis: 1 }), 'SHAPE_MISMATCH');
    expect(shapeOf('tfl.PACK', [t([2, 4]), t([2, 4]), t([2, 4])], { valuesCount: 3, axis: 1 })).toEqual([2, 3, 4]);
    expect(run('tfl.UNPACK', [t([2, 3, 4])], { num: 3, axis: -2 }, { numOutputs: 3 })).toEqual([t([2, 4]), t([2, 4]), t([2, 4])]);
    throwsCode(() => run('tfl.UNPACK', [t([2, 3])], { num: 2, axis: 1 }, { numOutputs: 2 }), 'SHAPE_MISMATCH');
  });
  it('SPLIT and SPLIT_V', () => {
    expect(run('tfl.SPLIT', [t([], 'i32'), t([4, 6])], { numSplits: 3 }, { consts: { 0: [1] }, numOutputs: 3 })).toEqual([t([4, 2]), t([4, 2]), t([4, 2])]);
    throwsCode(() => run('tfl.SPLIT', [t([], 'i32'), t([4, 5])], { numSplits: 3 }, { consts: { 0: [-1] }, numOutputs: 3 }), 'SHAPE_MISMATCH');
    expect(run('tfl.SPLIT_V', [t([4, 6]), t([2], 'i32'), t([], 'i32')], { numSplits: 2 }, { consts: { 1: [2, -1], 2: [1] }, numOutputs: 2 })).toEqual([t([4, 2]), t([4, 4])]);
    throwsCode(() => run('tfl.SPLIT_V', [t([4, 6]), t([2], 'i32'), t([], 'i32')], { numSplits: 2 }, { consts: { 1: [2, 3], 2: [1] }, numOutputs: 2 }), 'SHAPE_MISMATCH');
  });
  it('SLICE', () => {
    expect(shapeOf('tfl.SLICE', [t([4, 6, 8]), t([3], 'i32'), t([3], 'i32')], {}, { consts: { 1: [1, 0, 2], 2: [2, -1, 3] } })).toEqual([2, 6, 3]);
    throwsCode(() => run('tfl.SLICE', [t([4]), t([1], 'i32'), t([1], 'i32')], {}, { consts: { 1: [3], 2: [2] } }), 'SHAPE_MISMATCH');
  });
});

describe('STRIDED_SLICE masks', () => {
  const ss = (shape: (number | string)[], begin: number[], end: number[], strides: number[], attrs: Record<string, number | boolean> = {}) =>
    shapeOf('tfl.STRIDED_SLICE', [t(shape), t([begin.length], 'i32'), t([end.length], 'i32'), t([strides.length], 'i32')], attrs, { consts: { 1: begin, 2: end, 3: strides } });
  it('plain, negative indices and strides', () => {
    expect(ss([10], [2], [8], [2])).toEqual([3]);
    expect(ss([10], [-3], [10], [1])).toEqual([3]);
    expect(ss([10], [-1], [0], [-1], { endMask: 1 })).toEqual([10]);
    expect(ss([10], [8], [2], [-3])).toEqual([2]);
    expect(ss([10], [0], [100], [1])).toEqual([10]);
    expect(ss([10], [5], [2], [1])).toEqual([0]);
  });
  it('begin/end masks, shrink, ellipsis, new axis, offset', () => {
    expect(ss([4, 5], [1, 3], [3, 0], [1, 1], { endMask: 2 })).toEqual([2, 2]);
    expect(ss([4, 5], [0, 0], [0, 5], [1, 1], { beginMask: 1, endMask: 1 })).toEqual([4, 5]);
    expect(ss([4, 5], [1, 0], [2, 5], [1, 1], { shrinkAxisMask: 1 })).toEqual([5]);
    expect(ss([2, 3, 4, 5], [0, 1], [0, 3], [1, 1], { ellipsisMask: 1 })).toEqual([2, 3, 4, 2]);
    expect(ss([2, 3, 4, 5], [1, 0, 0], [2, 0, 2], [1, 1, 1], { ellipsisMask: 2, shrinkAxisMask: 1 })).toEqual([3, 4, 2]);
    expect(ss([3, 4], [0, 0], [0, 4], [1, 1], { newAxisMask: 1 })).toEqual([1, 3, 4]);
    expect(ss([3, 4], [0, 0, 0], [0, 0, 0], [1, 1, 1], { newAxisMask: 4, beginMask: 3, endMask: 3 })).toEqual([3, 4, 1]);
    expect(ss([10], [1], [3], [1], { offset: true })).toEqual([3]);
    expect(ss(['b', 5], [0, 1], [0, 4], [1, 1], { beginMask: 1, endMask: 1 })).toEqual(['b', 3]);
    throwsCode(() => ss([4], [4], [5], [1], { shrinkAxisMask: 1 }), 'SHAPE_MISMATCH', /out of range/);
  });
  it('unknown bounds give unknown dims', () => {
    expect(shapeOf('tfl.STRIDED_SLICE', [t([4, 5]), t([2], 'i32'), t([2], 'i32'), t([2], 'i32')])).toEqual([-1, -1]);
  });
});

describe('indexing', () => {
  it('GATHER with axis and batchDims', () => {
    expect(shapeOf('tfl.GATHER', [t([3, 4, 5]), t([2, 6], 'i32')], { axis: 1 })).toEqual([3, 2, 6, 5]);
    expect(shapeOf('tfl.GATHER', [t([3, 4, 5]), t([3, 2], 'i32')], { axis: 1, batchDims: 1 })).toEqual([3, 2, 5]);
    expect(shapeOf('tfl.GATHER', [t([3, 4, 5]), t([], 'i32')], { axis: -1 })).toEqual([3, 4]);
  });
  it('GATHER_ND, SCATTER_ND, EMBEDDING_LOOKUP, ONE_HOT, TOPK_V2', () => {
    expect(shapeOf('tfl.GATHER_ND', [t([4, 5, 6]), t([2, 2], 'i32')])).toEqual([2, 6]);
    expect(run('tfl.SCATTER_ND', [t([2, 1], 'i32'), t([2, 3]), t([2], 'i32')], {}, { consts: { 2: [5, 3] } })).toEqual([t([5, 3])]);
    expect(shapeOf('tfl.EMBEDDING_LOOKUP', [t([7], 'i32'), t([100, 16])])).toEqual([7, 16]);
    expect(run('tfl.ONE_HOT', [t([4], 'i32'), t([], 'i32'), t([]), t([])], { axis: -1 }, { consts: { 1: [10] } })).toEqual([t([4, 10])]);
    expect(run('tfl.TOPK_V2', [t([2, 10]), t([], 'i32')], {}, { consts: { 1: [3] }, numOutputs: 2 })).toEqual([t([2, 3]), t([2, 3], 'i32')]);
    throwsCode(() => run('tfl.TOPK_V2', [t([2, 2]), t([], 'i32')], {}, { consts: { 1: [3] }, numOutputs: 2 }), 'SHAPE_MISMATCH');
  });
});

describe('padding, tiling, layout moves, resizing', () => {
  it('PAD family', () => {
    expect(shapeOf('tfl.PAD', [t([2, 3]), t([2, 2], 'i32')], {}, { consts: { 1: [1, 1, 0, 2] } })).toEqual([4, 5]);
    expect(shapeOf('tfl.PADV2', [t(['b', 3]), t([2, 2], 'i32'), t([])], {}, { consts: { 1: [0, 0, 1, 1] } })).toEqual(['b', 5]);
    expect(shapeOf('tfl.MIRROR_PAD', [t([1, 3]), t([2, 2], 'i32')], { mode: 'SYMMETRIC' }, { consts: { 1: [0, 0, 3, 3] } })).toEqual([1, 9]);
    throwsCode(() => run('tfl.MIRROR_PAD', [t([1, 3]), t([2, 2], 'i32')], { mode: 'REFLECT' }, { consts: { 1: [0, 0, 3, 0] } }), 'SHAPE_MISMATCH');
  });
  it('TILE, BROADCAST_TO', () => {
    expect(shapeOf('tfl.TILE', [t([2, 3]), t([2], 'i32')], {}, { consts: { 1: [2, 1] } })).toEqual([4, 3]);
    expect(shapeOf('tfl.BROADCAST_TO', [t([3, 1]), t([3], 'i32')], {}, { consts: { 1: [2, 3, 4] } })).toEqual([2, 3, 4]);
    throwsCode(() => run('tfl.BROADCAST_TO', [t([3, 2]), t([2], 'i32')], {}, { consts: { 1: [3, 4] } }), 'SHAPE_MISMATCH');
  });
  it('depth/space/batch moves and resize', () => {
    expect(shapeOf('tfl.SPACE_TO_DEPTH', [t([1, 4, 4, 3])], { blockSize: 2 })).toEqual([1, 2, 2, 12]);
    expect(shapeOf('tfl.DEPTH_TO_SPACE', [t([1, 2, 2, 12])], { blockSize: 2 })).toEqual([1, 4, 4, 3]);
    throwsCode(() => run('tfl.SPACE_TO_DEPTH', [t([1, 5, 4, 3])], { blockSize: 2 }), 'SHAPE_MISMATCH');
    expect(shapeOf('tfl.SPACE_TO_BATCH_ND', [t([1, 5, 5, 3]), t([2], 'i32'), t([2, 2], 'i32')], {}, { consts: { 1: [2, 2], 2: [1, 0, 1, 0] } })).toEqual([4, 3, 3, 3]);
    expect(shapeOf('tfl.BATCH_TO_SPACE_ND', [t([4, 3, 3, 3]), t([2], 'i32'), t([2, 2], 'i32')], {}, { consts: { 1: [2, 2], 2: [1, 0, 1, 0] } })).toEqual([1, 5, 5, 3]);
    expect(shapeOf('tfl.RESIZE_BILINEAR', [t(['n', 4, 4, 3]), t([2], 'i32')], {}, { consts: { 1: [8, 16] } })).toEqual(['n', 8, 16, 3]);
  });
});

describe('creation and selection', () => {
  it('FILL, SHAPE, RANK, RANGE', () => {
    expect(run('tfl.FILL', [t([2], 'i32'), t([], 'i32')], {}, { consts: { 0: [3, 4] } })).toEqual([t([3, 4], 'i32')]);
    expect(run('tfl.SHAPE', [t(['b', 3])], { outType: 'INT32' })).toEqual([t([2], 'i32')]);
    expect(run('tfl.SHAPE', [t(['b', 3])], { outType: 'INT64' })).toEqual([t([2], 'i64')]);
    expect(run('tfl.RANK', [t([1, 2, 3])])).toEqual([t([], 'i32')]);
    expect(run('tfl.RANGE', [t([], 'i32'), t([], 'i32'), t([], 'i32')], {}, { consts: { 0: [0], 1: [10], 2: [3] } })).toEqual([t([4], 'i32')]);
    expect(run('tfl.RANGE', [t([]), t([]), t([])], {}, { consts: { 0: [1], 1: [0], 2: [-0.3] } })).toEqual([t([4])]);
    expect(shapeOf('tfl.RANGE', [t([], 'i32'), t([], 'i32'), t([], 'i32')])).toEqual([-1]);
  });
  it('SELECT, SELECT_V2, WHERE, UNIQUE', () => {
    expect(shapeOf('tfl.SELECT', [t([4], 'bool'), t([4, 3]), t([4, 3])])).toEqual([4, 3]);
    throwsCode(() => run('tfl.SELECT', [t([3], 'bool'), t([4, 3]), t([4, 3])]), 'SHAPE_MISMATCH');
    expect(shapeOf('tfl.SELECT_V2', [t([1, 3], 'bool'), t([2, 1]), t([])])).toEqual([2, 3]);
    expect(run('tfl.WHERE', [t([3, 4], 'bool')])).toEqual([t([-1, 2], 'i64')]);
    expect(run('tfl.UNIQUE', [t([9])], { idxOutType: 'INT64' }, { numOutputs: 2 })).toEqual([t([-1]), t([9], 'i64')]);
  });
  it('NON_MAX_SUPPRESSION_V4/V5 pad to maxOutputSize', () => {
    const ins = [t([100, 4]), t([100]), t([], 'i32'), t([]), t([]), t([])];
    expect(run('tfl.NON_MAX_SUPPRESSION_V5', ins, {}, { consts: { 2: [10] }, numOutputs: 3 })).toEqual([t([10], 'i32'), t([10]), t([], 'i32')]);
    expect(run('tfl.NON_MAX_SUPPRESSION_V4', ins.slice(0, 5), {}, { consts: { 2: [5] }, numOutputs: 2 })).toEqual([t([5], 'i32'), t([], 'i32')]);
    throwsCode(() => run('tfl.NON_MAX_SUPPRESSION_V4', [t([100, 5]), ...ins.slice(1, 5)]), 'SHAPE_MISMATCH');
  });
});

describe('recurrent ops', () => {
  const lstmInputs = (input: number[], nCell: number, nOut: number) => {
    const ins = new Array(24).fill(undefined);
    ins[0] = t(input);
    for (const i of [2, 3, 4]) ins[i] = t([nCell, input.at(-1)!]);
    for (const i of [6, 7, 8]) ins[i] = t([nCell, nOut]);
    for (const i of [13, 14, 15]) ins[i] = t([nCell]);
    ins[18] = t([input[0]!, nOut]);
    ins[19] = t([input[0]!, nCell]);
    return ins;
  };
  it('LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM output n_output units', () => {
    expect(getOpSchema('tfl.LSTM')!.inputs).toHaveLength(24);
    expect(shapeOf('tfl.LSTM', lstmInputs([2, 5], 8, 4))).toEqual([2, 4]);
    expect(shapeOf('tfl.UNIDIRECTIONAL_SEQUENCE_LSTM', lstmInputs([2, 7, 5], 8, 4))).toEqual([2, 7, 4]);
  });
  it('BIDIRECTIONAL_SEQUENCE_LSTM has 48 inputs and merges outputs', () => {
    expect(getOpSchema('tfl.BIDIRECTIONAL_SEQUENCE_LSTM')!.inputs).toHaveLength(48);
    const ins = new Array(48).fill(undefined);
    ins[0] = t([7, 2, 5]);
    ins[8] = t([8, 4]);
    ins[25] = t([8, 3]);
    expect(run('tfl.BIDIRECTIONAL_SEQUENCE_LSTM', ins, {}, { numOutputs: 2 })).toEqual([t([7, 2, 4]), t([7, 2, 3])]);
    expect(run('tfl.BIDIRECTIONAL_SEQUENCE_LSTM', ins, { mergeOutputs: true })).toEqual([t([7, 2, 7])]);
  });
  it('RNN and SVDF', () => {
    expect(shapeOf('tfl.RNN', [t([2, 5]), t([16, 5]), t([16, 16]), t([16]), t([2, 16])])).toEqual([2, 16]);
    expect(shapeOf('tfl.SVDF', [t([2, 5]), t([12, 5]), t([12, 10]), t([6]), t([2, 120])], { rank: 2 })).toEqual([2, 6]);
    throwsCode(() => run('tfl.SVDF', [t([2, 5]), t([12, 5]), t([12, 10]), t([6]), t([2, 9])], { rank: 2 }), 'SHAPE_MISMATCH', /state/);
  });
});

describe('quantization, variables, control flow, custom ops', () => {
  it('QUANTIZE keeps the declared target type; DEQUANTIZE gives float32; CAST follows the output', () => {
    expect(run('tfl.QUANTIZE', [t([1, 4])], {}, { outputs: [t([1, 4], 'u8')] })).toEqual([t([1, 4], 'u8')]);
    expect(run('tfl.QUANTIZE', [t([1, 4])])).toEqual([t([1, 4], 'i8')]);
    expect(run('tfl.DEQUANTIZE', [t([1, 4], 'i8')])).toEqual([t([1, 4], 'f32')]);
    expect(run('tfl.CAST', [t([3], 'i32')], { outDataType: 'FLOAT32' })).toEqual([t([3], 'f32')]);
    expect(run('tfl.CAST', [t([3], 'i32')], { outDataType: 'BOOL' })).toEqual([t([3], 'bool')]);
    expect(run('tfl.CAST', [t([3], 'f32')], {}, { outputs: [t([3], 'u8')] })).toEqual([t([3], 'u8')]);
    expect(run('tfl.ARG_MAX', [t([2, 3]), t([], 'i32')], {}, { consts: { 1: [1] }, outputs: [t([2], 'i32')] })).toEqual([t([2], 'i32')]);
  });
  it('variables and subgraph-driven ops', () => {
    expect(run('tfl.VAR_HANDLE', [])).toEqual([t([], 'resource')]);
    expect(run('tfl.ASSIGN_VARIABLE', [t([], 'resource'), t([3])], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tfl.READ_VARIABLE', [t([], 'resource')], {}, { outputs: [t([3])] })).toEqual([t([3])]);
    expect(getOpSchema('tfl.WHILE')!.outputsFromSubgraph).toBe('bodySubgraphIndex');
    expect(getOpSchema('tfl.IF')!.outputsFromSubgraph).toBe('thenSubgraphIndex');
    expect(run('tfl.WHILE', [t([], 'i32'), t([2, 3])], {}, { numOutputs: 2 })).toEqual([t([], 'i32'), t([2, 3])]);
    expect(run('tfl.CALL_ONCE', [], {}, { numOutputs: 0 })).toEqual([]);
  });
  it('CUSTOM keeps declared outputs and says so without them', () => {
    expect(run('tfl.CUSTOM', [t([1])], { customCode: 'X' }, { outputs: [t([2], 'i8')] })).toEqual([t([2], 'i8')]);
    throwsCode(() => run('tfl.CUSTOM', [t([1])], { customCode: 'X' }, { numOutputs: 1 }), 'CANNOT_INFER', /custom kernel/);
  });
});

describe('StableHLO ops', () => {
  it('convolution, dot_general, gather, pad, slice, reduce', () => {
    expect(shapeOf('tfl.STABLEHLO_CONVOLUTION', [t([1, 8, 8, 3]), t([3, 3, 3, 16])], {
      windowStrides: [2, 2], padding: [1, 1, 1, 1], inputBatchDimension: 0, inputFeatureDimension: 3, inputSpatialDimensions: [1, 2],
      kernelInputFeatureDimension: 2, kernelOutputFeatureDimension: 3, kernelSpatialDimensions: [0, 1],
      outputBatchDimension: 0, outputFeatureDimension: 3, outputSpatialDimensions: [1, 2], featureGroupCount: 1, batchGroupCount: 1,
    })).toEqual([1, 4, 4, 16]);
    expect(shapeOf('tfl.STABLEHLO_DOT_GENERAL', [t([4, 2, 3]), t([4, 3, 5])], {
      lhsBatchingDimensions: [0], rhsBatchingDimensions: [0], lhsContractingDimensions: [2], rhsContractingDimensions: [1],
    })).toEqual([4, 2, 5]);
    expect(shapeOf('tfl.STABLEHLO_GATHER', [t([3, 4, 2]), t([2, 3, 2], 'i32')], {
      offsetDims: [2, 3], collapsedSliceDims: [0], startIndexMap: [1, 0], indexVectorDim: 2, sliceSizes: [1, 2, 2],
    })).toEqual([2, 3, 2, 2]);
    expect(shapeOf('tfl.STABLEHLO_PAD', [t([2, 3]), t([])], { edgePaddingLow: [0, 1], edgePaddingHigh: [2, -1], interiorPadding: [1, 0] })).toEqual([5, 3]);
    expect(shapeOf('tfl.STABLEHLO_SLICE', [t([10, 4])], { startIndices: [1, 0], limitIndices: [9, 4], strides: [3, 1] })).toEqual([3, 4]);
    expect(run('tfl.STABLEHLO_REDUCE', [t([2, 3, 4]), t([])], { dimensions: [1] })).toEqual([t([2, 4])]);
  });
});
