// Inference of the remaining ops: whole families checked generically from the registry, then
// the less common ops one by one.
import { describe, expect, it } from 'vitest';
import { IRError } from '../src/errors';
import { allOpSchemas } from '../src/ops/index';
import { run, shapeOf, t } from './ops-helpers';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof IRError ? e.code : `not an IRError: ${String(e)}`;
  }
  return undefined;
};
const COMPLEX_ONLY = new Set(['tfl.COMPLEX_ABS', 'tfl.REAL', 'tfl.IMAG']);
const NOT_SAME_TYPE = new Set(['tfl.BUCKETIZE', 'tf.IsNan', 'tf.IsInf']);

describe('families from the registry', () => {
  const single = allOpSchemas().filter((s) => ['elementwise', 'activation', 'softmax', 'identity'].includes(s.category)
    && s.inputs.length === 1 && !s.inputs[0]!.endsWith('*') && !COMPLEX_ONLY.has(s.name) && !NOT_SAME_TYPE.has(s.name));
  it('one-input element-wise ops and activations keep the input type', () => {
    expect(single.length).toBeGreaterThan(70);
    for (const s of single) expect(run(s.name, [t(['n', 3, 1], 'f32')]), s.name).toEqual([t(['n', 3, 1], 'f32')]);
  });

  const binary = allOpSchemas().filter((s) => ['elementwise', 'compare'].includes(s.category) && s.inputs.join() === 'x,y');
  it('two-input element-wise ops broadcast; comparisons and logical ops give bool', () => {
    expect(binary.length).toBeGreaterThan(40);
    for (const s of binary) {
      const [out] = run(s.name, [t(['n', 1], 'f32'), t([3], 'f32')]);
      expect(out!.shape, s.name).toEqual(['n', 3]);
      expect(out!.dtype, s.name).toBe(s.category === 'compare' || /logical/i.test(s.name) ? 'bool' : 'f32');
      expect(codeOf(() => run(s.name, [t([2, 3]), t([4, 3])])), s.name).toBe('SHAPE_MISMATCH');
    }
  });

  const hlo = allOpSchemas('tfl').filter((s) => s.category === 'stablehlo' && ['operand', 'lhs,rhs'].includes(s.inputs.join()) && !/CONVERT|RESHAPE|BROADCAST_IN_DIM|SLICE|TRANSPOSE|CONVOLUTION|DOT_GENERAL|COMPARE/.test(s.name));
  it('StableHLO element-wise ops take operands of one shape (no broadcasting)', () => {
    expect(hlo.length).toBeGreaterThanOrEqual(21);
    for (const s of hlo) {
      const ins = s.inputs.map(() => t([2, 'n'], 'i32'));
      expect(run(s.name, ins), s.name).toEqual([t([2, 'n'], 'i32')]);
      if (ins.length === 2) expect(codeOf(() => run(s.name, [t([2, 3], 'i32'), t([1, 3], 'i32')])), s.name).toBe('SHAPE_MISMATCH');
    }
  });

  const reducers = allOpSchemas().filter((s) => s.category === 'reduce' && s.inputs.length === 2 && /keep/.test(Object.keys(s.attrs).join()));
  it('reductions drop or keep the constant axes', () => {
    expect(reducers.length).toBeGreaterThanOrEqual(14);
    for (const s of reducers) {
      const keep = s.dialect === 'tfl' ? 'keepDims' : 'keep_dims';
      expect(shapeOf(s.name, [t([2, 3, 4]), t([1], 'i32')], {}, { consts: { 1: [1] } }), s.name).toEqual([2, 4]);
      expect(shapeOf(s.name, [t([2, 3, 4]), t([1], 'i32')], { [keep]: true }, { consts: { 1: [-3] } }), s.name).toEqual([1, 3, 4]);
    }
  });
});

describe('less common tfl ops', () => {
  it('pools, normalization, resize, reverse, diag, cumsum, densify', () => {
    expect(shapeOf('tfl.L2_POOL_2D', [t([1, 4, 4, 2])], { padding: 'VALID', strideH: 2, strideW: 2, filterHeight: 2, filterWidth: 2 })).toEqual([1, 2, 2, 2]);
    expect(codeOf(() => run('tfl.LOCAL_RESPONSE_NORMALIZATION', [t([4, 4])]))).toBe('SHAPE_MISMATCH');
    expect(run('tfl.L2_NORMALIZATION', [t(['n', 8], 'i8')])).toEqual([t(['n', 8], 'i8')]);
    expect(shapeOf('tfl.RESIZE_NEAREST_NEIGHBOR', [t([1, 2, 2, 3]), t([2], 'i32')], {}, { consts: { 1: [4, 6] } })).toEqual([1, 4, 6, 3]);
    expect(shapeOf('tfl.REVERSE_V2', [t([2, 3]), t([1], 'i32')])).toEqual([2, 3]);
    expect(shapeOf('tfl.REVERSE_SEQUENCE', [t([2, 5]), t([2], 'i32')], { seqDim: 1 })).toEqual([2, 5]);
    expect(shapeOf('tfl.MATRIX_DIAG', [t([2, 3])])).toEqual([2, 3, 3]);
    expect(codeOf(() => run('tfl.MATRIX_SET_DIAG', [t([3]), t([3])]))).toBe('SHAPE_MISMATCH');
    expect(shapeOf('tfl.CUMSUM', [t([2, 3]), t([], 'i32')], { exclusive: true })).toEqual([2, 3]);
    expect(run('tfl.DENSIFY', [t([4, 4], 'f32')])).toEqual([t([4, 4])]);
    expect(run('tfl.FAKE_QUANT', [t([2])], { min: -1, max: 1, numBits: 8 })).toEqual([t([2])]);
    expect(run('tfl.BUCKETIZE', [t([5])], { boundaries: [0, 1] })).toEqual([t([5], 'i32')]);
  });
  it('segments, sparse to dense, lookups', () => {
    expect(shapeOf('tfl.SEGMENT_SUM', [t([5, 3]), t([5], 'i32')], {}, { consts: { 1: [0, 0, 1, 2, 2] } })).toEqual([3, 3]);
    expect(shapeOf('tfl.SEGMENT_SUM', [t([5, 3]), t([5], 'i32')])).toEqual([-1, 3]);
    for (const op of ['SUM', 'PROD', 'MAX', 'MIN']) {
      expect(shapeOf(`tfl.UNSORTED_SEGMENT_${op}`, [t([4, 2, 3]), t([4, 2], 'i32'), t([], 'i32')], {}, { consts: { 2: [7] } })).toEqual([7, 3]);
    }
    expect(run('tfl.SPARSE_TO_DENSE', [t([2, 2], 'i32'), t([2], 'i32'), t([2], 'i8'), t([], 'i8')], {}, { consts: { 1: [3, 4] } })).toEqual([t([3, 4], 'i8')]);
    expect(run('tfl.HASHTABLE_LOOKUP', [t([5], 'i32'), t([10], 'i32'), t([10, 4])], {}, { numOutputs: 2 })).toEqual([t([5, 4]), t([5], 'u8')]);
    expect(run('tfl.LSH_PROJECTION', [t([4, 3]), t([8])], { type: 'DENSE' })).toEqual([t([12], 'i32')]);
    expect(run('tfl.LSH_PROJECTION', [t([4, 3]), t([8])], { type: 'SPARSE' })).toEqual([t([4], 'i32')]);
    expect(run('tfl.SKIP_GRAM', [t([1], 'string')], { ngramSize: 2 })).toEqual([t([-1], 'string')]);
    expect(shapeOf('tfl.EMBEDDING_LOOKUP_SPARSE', [t([6], 'i32'), t([6, 2], 'i32'), t([2], 'i32'), t([6]), t([50, 8])], {}, { consts: { 2: [3, 4] } })).toEqual([3, 8]);
  });
  it('sequence RNNs', () => {
    const rnn = [t([4, 9, 5]), t([16, 5]), t([16, 16]), t([16]), t([4, 16])];
    expect(shapeOf('tfl.UNIDIRECTIONAL_SEQUENCE_RNN', rnn, { timeMajor: false })).toEqual([4, 9, 16]);
    const bi = [t([9, 4, 5]), t([16, 5]), t([16, 16]), t([16]), t([4, 16]), t([8, 5]), t([8, 8]), t([8]), t([4, 8])];
    expect(run('tfl.BIDIRECTIONAL_SEQUENCE_RNN', bi, {}, { numOutputs: 2 })).toEqual([t([9, 4, 16]), t([9, 4, 8])]);
    expect(run('tfl.BIDIRECTIONAL_SEQUENCE_RNN', bi, { mergeOutputs: true })).toEqual([t([9, 4, 24])]);
  });
  it('random, signal, bitcast, misc shape ops', () => {
    expect(run('tfl.RANDOM_UNIFORM', [t([2], 'i32')], {}, { consts: { 0: [3, 2] } })).toEqual([t([3, 2])]);
    expect(run('tfl.RANDOM_STANDARD_NORMAL', [t([1], 'i32')])).toEqual([t([-1])]);
    expect(run('tfl.MULTINOMIAL', [t([2, 10]), t([], 'i32')], {}, { consts: { 1: [5] } })).toEqual([t([2, 5], 'i64')]);
    expect(run('tfl.RFFT2D', [t([2, 8, 16]), t([2], 'i32')], {}, { consts: { 1: [8, 16] } })).toEqual([t([2, 8, 9], 'complex64')]);
    expect(run('tfl.BITCAST', [t([3], 'f32')], {}, { outputs: [t(undefined, 'u8')] })).toEqual([t([3, 4], 'u8')]);
    expect(run('tfl.BITCAST', [t([3, 2], 'i32')], {}, { outputs: [t(undefined, 'i64')] })).toEqual([t([3], 'i64')]);
    expect(run('tfl.BROADCAST_ARGS', [t([2], 'i32'), t([3], 'i32')])).toEqual([t([3], 'i32')]);
    expect(shapeOf('tfl.DYNAMIC_UPDATE_SLICE', [t([4, 4]), t([2, 2]), t([2], 'i32')])).toEqual([4, 4]);
    expect(shapeOf('tfl.CONV_3D_TRANSPOSE', [t([5], 'i32'), t([3, 3, 3, 8, 4]), t([1, 2, 2, 2, 4])], {}, { consts: { 0: [1, 4, 4, 4, 8] } })).toEqual([1, 4, 4, 4, 8]);
  });
  it('hash tables, calls, delegates and the placeholder code keep declared types', () => {
    expect(run('tfl.HASHTABLE', [], { keyDtype: 'STRING', valueDtype: 'INT64' })).toEqual([t([], 'resource')]);
    expect(run('tfl.HASHTABLE_FIND', [t([], 'resource'), t([3], 'string'), t([], 'i64')])).toEqual([t([3], 'i64')]);
    expect(run('tfl.HASHTABLE_IMPORT', [t([], 'resource'), t([3], 'string'), t([3], 'i64')], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tfl.HASHTABLE_SIZE', [t([], 'resource')])).toEqual([t([1], 'i64')]);
    for (const op of ['tfl.CALL', 'tfl.DELEGATE', 'tfl.CONCAT_EMBEDDINGS', 'tfl.PLACEHOLDER_FOR_GREATER_OP_CODES', 'tfl.STABLEHLO_CUSTOM_CALL', 'tfl.STABLEHLO_COMPOSITE', 'tfl.STABLEHLO_CASE']) {
      expect(run(op, [t([2])], {}, { outputs: [t([5], 'i8')] }), op).toEqual([t([5], 'i8')]);
      expect(codeOf(() => run(op, [t([2])], {}, { numOutputs: 1 })), op).toBe('CANNOT_INFER');
    }
  });
  it('StableHLO structural ops', () => {
    expect(run('tfl.STABLEHLO_RESHAPE', [t([2, 3])], {}, { outputs: [t([6])] })).toEqual([t([6])]);
    expect(run('tfl.STABLEHLO_BROADCAST_IN_DIM', [t([3])], { broadcastDimensions: [1] }, { outputs: [t([2, 3])] })).toEqual([t([2, 3])]);
    expect(run('tfl.STABLEHLO_IOTA', [], { iotaDimension: 0 }, { outputs: [t([4], 'i32')] })).toEqual([t([4], 'i32')]);
    expect(run('tfl.STABLEHLO_CONVERT', [t([4])], {}, { outputs: [t([4], 'bf16')] })).toEqual([t([4], 'bf16')]);
    expect(shapeOf('tfl.STABLEHLO_CLAMP', [t([]), t([2, 3]), t([])])).toEqual([2, 3]);
    expect(shapeOf('tfl.STABLEHLO_CONCATENATE', [t([2, 3]), t([2, 1])], { dimension: 1 })).toEqual([2, 4]);
    expect(run('tfl.STABLEHLO_SELECT', [t([2], 'bool'), t([2]), t([2])])).toEqual([t([2])]);
    expect(run('tfl.STABLEHLO_COMPARE', [t([2]), t([2])], { comparisonDirection: 'STABLEHLO_COMPARISON_DIRECTION_LT' })).toEqual([t([2], 'bool')]);
    expect(shapeOf('tfl.STABLEHLO_DYNAMIC_SLICE', [t([8, 8]), t([], 'i32'), t([], 'i32')], { sliceSizes: [2, 3] })).toEqual([2, 3]);
    expect(shapeOf('tfl.STABLEHLO_DYNAMIC_UPDATE_SLICE', [t([8, 8]), t([2, 2]), t([], 'i32'), t([], 'i32')])).toEqual([8, 8]);
    expect(shapeOf('tfl.STABLEHLO_TRANSPOSE', [t([2, 3, 4])], { permutation: [2, 0, 1] })).toEqual([4, 2, 3]);
    expect(run('tfl.STABLEHLO_SCATTER', [t([5, 3]), t([2, 1], 'i32'), t([2, 3])], {}, {})).toEqual([t([5, 3])]);
    expect(run('tfl.STABLEHLO_SORT', [t([4]), t([4], 'i32')], { dimension: 0 }, { numOutputs: 2 })).toEqual([t([4]), t([4], 'i32')]);
    expect(run('tfl.STABLEHLO_WHILE', [t([], 'i32'), t([3])], {}, { numOutputs: 2 })).toEqual([t([], 'i32'), t([3])]);
    expect(shapeOf('tfl.STABLEHLO_REDUCE_WINDOW', [t([1, 6, 6, 2]), t([])], { windowDimensions: [1, 2, 2, 1], windowStrides: [1, 2, 2, 1], padding: [0, 0, 0, 0, 0, 0, 0, 0] })).toEqual([1, 3, 3, 2]);
    expect(run('tfl.STABLEHLO_RNG_BIT_GENERATOR', [t([2], 'u64')], {}, { outputs: [t([2], 'u64'), t([3, 3], 'u32')] })).toEqual([t([2], 'u64'), t([3, 3], 'u32')]);
    expect(shapeOf('tfl.DILATE', [t([3, 2]), t([2], 'i32'), t([])], {}, { consts: { 1: [2, 1] } })).toEqual([5, 2]);
    expect(shapeOf('tfl.REDUCE_WINDOW', [t([6, 6]), t([]), t([2], 'i32'), t([2], 'i32'), t([2], 'i32')], { reduceFunction: 'MAXIMUM' }, { consts: { 2: [2, 3], 3: [2, 3], 4: [1, 1] } })).toEqual([3, 2]);
  });
});

describe('less common tf ops', () => {
  it('3-D convs and pools, fused batch norms and depthwise, LRN', () => {
    expect(shapeOf('tf.Conv3D', [t([1, 4, 8, 8, 3]), t([2, 3, 3, 3, 6])], { strides: [1, 1, 2, 2, 1], padding: 'SAME' })).toEqual([1, 4, 4, 4, 6]);
    expect(shapeOf('tf.MaxPool3D', [t([1, 4, 8, 8, 3])], { ksize: [1, 2, 2, 2, 1], strides: [1, 2, 2, 2, 1], padding: 'VALID' })).toEqual([1, 2, 4, 4, 3]);
    expect(shapeOf('tf.AvgPool3D', [t([1, 4, 8, 8, 3])], { ksize: [1, 1, 2, 2, 1], strides: [1, 1, 1, 1, 1], padding: 'SAME' })).toEqual([1, 4, 8, 8, 3]);
    expect(run('tf.FusedBatchNorm', [t([1, 2, 2, 3]), t([3]), t([3]), t([3]), t([3])], {}, { numOutputs: 5 }).map((o) => o.shape)).toEqual([[1, 2, 2, 3], [3], [3], [3], [3]]);
    expect(codeOf(() => run('tf.FusedBatchNormV2', [t([1, 2, 2, 3]), t([4]), t([4]), t([4]), t([4])]))).toBe('SHAPE_MISMATCH');
    expect(shapeOf('tf.FusedDepthwiseConv2dNative', [t([1, 4, 4, 2]), t([3, 3, 2, 3]), t([6])], { strides: [1, 1, 1, 1], padding: 'SAME' })).toEqual([1, 4, 4, 6]);
    expect(shapeOf('tf.LRN', [t([1, 4, 4, 8])])).toEqual([1, 4, 4, 8]);
  });
  it('AddN, ArgMin, Gather, ScatterNd, PadV2, ReverseV2, Cumsum, Rank, PlaceholderWithDefault, EnsureShape', () => {
    expect(shapeOf('tf.AddN', [t([2, -1]), t([2, 3])])).toEqual([2, 3]);
    expect(run('tf.ArgMin', [t([4, 5]), t([], 'i32')], { output_type: 'i32' }, { consts: { 1: [0] } })).toEqual([t([5], 'i32')]);
    expect(shapeOf('tf.Gather', [t([10, 4]), t([2, 3], 'i32')])).toEqual([2, 3, 4]);
    expect(shapeOf('tf.ScatterNd', [t([2, 1], 'i32'), t([2, 4]), t([2], 'i32')], {}, { consts: { 2: [6, 4] } })).toEqual([6, 4]);
    expect(shapeOf('tf.PadV2', [t([3]), t([1, 2], 'i32'), t([])], {}, { consts: { 1: [2, 1] } })).toEqual([6]);
    expect(shapeOf('tf.ReverseV2', [t([3, 4]), t([1], 'i32')])).toEqual([3, 4]);
    expect(shapeOf('tf.Cumsum', [t([3, 4]), t([], 'i32')])).toEqual([3, 4]);
    expect(run('tf.Rank', [t([3, 4])])).toEqual([t([], 'i32')]);
    expect(run('tf.PlaceholderWithDefault', [t([2, 2])], { dtype: 'f32', shape: [-1, 2] })).toEqual([t([-1, 2])]);
    expect(run('tf.EnsureShape', [t([-1, 2])], { shape: [5, 2] })).toEqual([t([5, 2])]);
  });
  it('variables, functions, strings, checkpoints, gradients', () => {
    expect(run('tf.VariableV2', [], { dtype: 'f32', shape: [3, 2] })).toEqual([t([3, 2])]);
    expect(run('tf.Assign', [t([3]), t([3])])).toEqual([t([3])]);
    expect(run('tf.AssignAdd', [t([3]), t([3])])).toEqual([t([3])]);
    expect(run('tf.AssignSub', [t([3]), t([3])])).toEqual([t([3])]);
    expect(run('tf.ApplyGradientDescent', [t([3]), t([]), t([3])])).toEqual([t([3])]);
    expect(run('tf.AssignVariableOp', [t([], 'resource'), t([3])], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tf.VarIsInitializedOp', [t([], 'resource')])).toEqual([t([], 'bool')]);
    expect(run('tf.DisableCopyOnRead', [t([], 'resource')], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tf._Arg', [], { T: 'i32', index: 0 })).toEqual([t(undefined, 'i32')]);
    expect(run('tf._Retval', [t([2])], { T: 'f32', index: 0 }, { numOutputs: 0 })).toEqual([]);
    expect(run('tf.If', [t([], 'bool'), t([2])], { Tout: ['f32'], output_shapes: [[2]] })).toEqual([t([2])]);
    expect(run('tf.StatelessWhile', [t([], 'i32')])).toEqual([t([], 'i32')]);
    expect(run('tf.StringJoin', [t([3], 'string'), t([], 'string')], { N: 2 })).toEqual([t([3], 'string')]);
    expect(run('tf.StaticRegexFullMatch', [t([3], 'string')], { pattern: 'a.*' })).toEqual([t([3], 'bool')]);
    expect(run('tf.ShardedFilename', [t([], 'string'), t([], 'i32'), t([], 'i32')])).toEqual([t([], 'string')]);
    expect(run('tf.SaveV2', [t([], 'string'), t([1], 'string'), t([1], 'string'), t([3])], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tf.MergeV2Checkpoints', [t([1], 'string'), t([], 'string')], {}, { numOutputs: 0 })).toEqual([]);
    expect(run('tf.ParseExample', [t([2], 'string'), t([0], 'string'), t([], 'string')], { Nsparse: 0, Ndense: 1, Tdense: ['i64'], dense_shapes: [[1]] })).toEqual([t([2, 1], 'i64')]);
    expect(run('tf.DynamicStitch', [t([2], 'i32'), t([1], 'i32'), t([2, 3]), t([1, 3])], { N: 2 }, { consts: { 0: [0, 2], 1: [1] } })).toEqual([t([3, 3])]);
    expect(run('tf.BroadcastGradientArgs', [t([2], 'i32'), t([2], 'i32')], {}, { numOutputs: 2 })).toEqual([t([-1], 'i32'), t([-1], 'i32')]);
    expect(run('tf.BroadcastArgs', [t([2], 'i32'), t([2], 'i32')], {}, { consts: { 0: [2, 1], 1: [1, 3] } })).toEqual([t([2], 'i32')]);
    expect(run('tf.TensorListLength', [t([], 'variant')])).toEqual([t([], 'i32')]);
    expect(run('tf.TensorListPushBack', [t([], 'variant'), t([3])], { element_dtype: 'f32' })).toEqual([t([], 'variant')]);
    expect(run('tf.RandomStandardNormal', [t([1], 'i32')], { dtype: 'f32' }, { consts: { 0: [4] } })).toEqual([t([4])]);
    expect(run('tf.FakeQuantWithMinMaxArgs', [t([4])], { min: -1, max: 1 })).toEqual([t([4])]);
  });
});
