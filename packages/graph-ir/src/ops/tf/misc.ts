// Detection, fake quantization, random numbers, strings, checkpoints, tf.Example parsing,
// gradient helpers.
import { broadcastShapes } from '../../shape';
import { bool, float, int, str } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrDType, attrDTypes, attrInt, constInts, constScalar, fmt, input, isKnownDim, like, toShape, unknownDims, vectorLength, vt } from '../infer/util';
import { T, tfOp } from './op';

function nmsMax(a: InferArgs): number {
  const boxes = input(a, 0, 'boxes');
  if (boxes.shape && (boxes.shape.length !== 2 || (isKnownDim(boxes.shape[1]!) && boxes.shape[1] !== 4))) {
    shapeMismatch(`boxes must be [N, 4], got ${fmt(boxes.shape)}`);
  }
  return constScalar(a, 2) ?? -1;
}
const nmsInputs = ['boxes', 'scores', 'max_output_size', 'iou_threshold', 'score_threshold'];
export const NonMaxSuppressionV3 = tfOp('NonMaxSuppressionV3', {
  category: 'detection', inputs: nmsInputs, attrs: { T, T_threshold: T },
  doc: 'Greedy NMS: int32 indices of at most max_output_size kept boxes; the count depends on the data (-1).',
  infer: (a) => { nmsMax(a); return [vt('i32', [-1])]; },
});
export const NonMaxSuppressionV4 = tfOp('NonMaxSuppressionV4', {
  category: 'detection', inputs: nmsInputs, outputs: ['selected_indices', 'valid_outputs'], attrs: { T, T_threshold: T, pad_to_max_output_size: bool() },
  doc: 'Greedy NMS; with pad_to_max_output_size the indices are padded to max_output_size, else their count depends on the data.',
  infer(a) {
    const max = nmsMax(a);
    return [vt('i32', [a.attrs['pad_to_max_output_size'] === true ? max : -1]), vt('i32', [])];
  },
});
export const NonMaxSuppressionV5 = tfOp('NonMaxSuppressionV5', {
  category: 'detection', inputs: [...nmsInputs, 'soft_nms_sigma'], outputs: ['selected_indices', 'selected_scores', 'valid_outputs'],
  attrs: { T, pad_to_max_output_size: bool() },
  doc: 'Greedy (Soft-)NMS returning indices, their (decayed) scores and the valid count.',
  infer(a) {
    const max = nmsMax(a);
    const n = a.attrs['pad_to_max_output_size'] === true ? max : -1;
    return [vt('i32', [n]), vt(input(a, 1, 'scores').dtype, [n]), vt('i32', [])];
  },
});

const fq = { num_bits: int(8), narrow_range: bool() };
export const FakeQuantWithMinMaxArgs = tfOp('FakeQuantWithMinMaxArgs', {
  category: 'quant', inputs: ['inputs'], attrs: { min: float(-6), max: float(6), ...fq },
  doc: 'Rounds float inputs to the num_bits grid over [min, max] (attributes).', infer: (a) => [like(a)],
});
export const FakeQuantWithMinMaxVars = tfOp('FakeQuantWithMinMaxVars', {
  category: 'quant', inputs: ['inputs', 'min', 'max'], attrs: fq,
  doc: 'Rounds float inputs to the num_bits grid over the scalar [min, max] operands.', infer: (a) => [like(a)],
});
export const FakeQuantWithMinMaxVarsPerChannel = tfOp('FakeQuantWithMinMaxVarsPerChannel', {
  category: 'quant', inputs: ['inputs', 'min', 'max'], attrs: fq,
  doc: 'Per-channel fake quantization: min/max are [channels] over the last dim.',
  infer(a) {
    const x = input(a, 0, 'inputs');
    const mn = input(a, 1, 'min');
    const last = x.shape?.at(-1);
    const c = mn.shape?.[0];
    if (last !== undefined && c !== undefined && isKnownDim(last) && isKnownDim(c) && last !== c) {
      shapeMismatch(`min/max ${fmt(mn.shape)} must have one entry per channel of ${fmt(x.shape)}`);
    }
    return [like(a)];
  },
});

const random = (name: string, doc: string) =>
  tfOp(name, {
    category: 'random', inputs: ['shape'], attrs: { seed: int(), seed2: int(), dtype: T, T },
    doc: `${doc} of the constant shape, dtype attr.`,
    infer: (a) => [vt(attrDType(a, 'dtype', 'f32'), constInts(a, 0) ?? unknownDims(vectorLength(a.inputs[0])))],
  });
export const RandomUniform = random('RandomUniform', 'Uniform [0, 1) samples');
export const RandomStandardNormal = random('RandomStandardNormal', 'Standard normal samples');

export const StringJoin = tfOp('StringJoin', {
  category: 'string', inputs: ['inputs*'], attrs: { N: int(), separator: str('') },
  doc: 'Element-wise join of string tensors (scalars broadcast).',
  infer: (a) => [vt('string', broadcastShapes(...a.inputs.map((_, i) => input(a, i).shape)))],
});
export const StaticRegexFullMatch = tfOp('StaticRegexFullMatch', {
  category: 'string', inputs: ['input'], attrs: { pattern: str('') },
  doc: 'Whether each string fully matches pattern (bool, same shape).', infer: (a) => [vt('bool', input(a, 0, 'input').shape)],
});
export const ShardedFilename = tfOp('ShardedFilename', {
  category: 'checkpoint', inputs: ['basename', 'shard', 'num_shards'],
  doc: 'The checkpoint file name of a shard (string scalar).', infer: () => [vt('string', [])],
});
export const SaveV2 = tfOp('SaveV2', {
  category: 'checkpoint', inputs: ['prefix', 'tensor_names', 'shape_and_slices', 'tensors*'], outputs: [], attrs: { dtypes: { kind: 'any' } },
  doc: 'Writes tensors to a checkpoint; no outputs.', infer: () => [],
});
export const RestoreV2 = tfOp('RestoreV2', {
  category: 'checkpoint', inputs: ['prefix', 'tensor_names', 'shape_and_slices'], outputs: ['tensors*'], attrs: { dtypes: { kind: 'any' } },
  doc: 'Reads tensors of the given dtypes from a checkpoint; their shapes are in the checkpoint (unknown here).',
  infer: (a) => attrDTypes(a, 'dtypes').map((d) => vt(d, undefined)),
});
export const MergeV2Checkpoints = tfOp('MergeV2Checkpoints', {
  category: 'checkpoint', inputs: ['checkpoint_prefixes', 'destination_prefix'], outputs: [], attrs: { delete_old_dirs: bool(true), allow_missing_files: bool() },
  doc: 'Merges checkpoint shards; no outputs.', infer: () => [],
});

/** Outputs of ParseExample(V2): sparse indices/values/shapes, dense values, ragged values/splits. */
function parseExampleOutputs(a: InferArgs, numSparse: number) {
  const s = input(a, 0, 'serialized').shape;
  const rank = s?.length;
  const sparseTypes = attrDTypes(a, 'sparse_types');
  const dense = attrDTypes(a, 'Tdense');
  const denseShapes = Array.isArray(a.attrs['dense_shapes']) ? (a.attrs['dense_shapes'] as unknown[]) : [];
  const out = [
    ...Array.from({ length: numSparse }, () => vt('i64', [-1, rank === undefined ? -1 : rank + 1])),
    ...Array.from({ length: numSparse }, (_, i) => vt(sparseTypes[i] ?? 'string', [-1])),
    ...Array.from({ length: numSparse }, () => vt('i64', [rank === undefined ? -1 : rank + 1])),
    ...dense.map((d, i) => {
      const ds = toShape(denseShapes[i]);
      return vt(d, s && ds ? [...s, ...ds] : undefined);
    }),
    ...attrDTypes(a, 'ragged_value_types').map((d) => vt(d, [-1])),
    ...attrDTypes(a, 'ragged_split_types').map((d) => vt(d, [-1])),
  ];
  return out;
}
const parseAttrs = { sparse_types: { kind: 'any' }, Tdense: { kind: 'any' }, dense_shapes: { kind: 'any' } } as const;
export const ParseExample = tfOp('ParseExample', {
  category: 'string', inputs: ['serialized', 'names', 'sparse_keys*', 'dense_keys*', 'dense_defaults*'], outputs: ['outputs*'],
  attrs: { Nsparse: int(), Ndense: int(), ...parseAttrs },
  doc: 'Parses serialized tf.Example protos: per sparse key indices [n, rank+1] / values [n] / shape, per dense key [...batch, ...dense_shape]; counts depend on the data.',
  infer: (a) => parseExampleOutputs(a, attrInt(a, 'Nsparse')),
});
export const ParseExampleV2 = tfOp('ParseExampleV2', {
  category: 'string', inputs: ['serialized', 'names', 'sparse_keys', 'dense_keys', 'ragged_keys', 'dense_defaults*'], outputs: ['outputs*'],
  attrs: { num_sparse: int(), ...parseAttrs, ragged_value_types: { kind: 'any' }, ragged_split_types: { kind: 'any' } },
  doc: 'ParseExample with ragged features: sparse, dense, then ragged values and row splits.',
  infer: (a) => parseExampleOutputs(a, attrInt(a, 'num_sparse')),
});

export const DynamicStitch = tfOp('DynamicStitch', {
  category: 'shape', inputs: ['indices*', 'data*'], attrs: { N: int(), T },
  doc: 'Interleaves data[i] at positions indices[i]: [max index + 1, ...data[0][rank(indices[0]):]]; the first dim depends on the data unless the indices are constant.',
  infer(a) {
    const n = a.inputs.length / 2;
    const idx = input(a, 0, 'indices[0]');
    const d = input(a, n, 'data[0]');
    let count: Dim = 0;
    for (let i = 0; i < n && count !== -1; i++) {
      const v = constInts(a, i);
      count = v ? Math.max(count as number, ...v.map((x) => x + 1)) : -1;
    }
    if (!idx.shape || !d.shape) return [vt(d.dtype, undefined)];
    return [vt(d.dtype, [count, ...d.shape.slice(idx.shape.length)])];
  },
});

export const BroadcastGradientArgs = tfOp('BroadcastGradientArgs', {
  category: 'shape', inputs: ['s0', 's1'], outputs: ['r0', 'r1'], attrs: { T },
  doc: 'Reduction axes for the gradients of a broadcasting op; their counts depend on the shapes\' values.',
  infer: (a) => [vt(input(a, 0, 's0').dtype, [-1]), vt(input(a, 0).dtype, [-1])],
});
export const BroadcastArgs = tfOp('BroadcastArgs', {
  category: 'shape', inputs: ['s0', 's1'], attrs: { T },
  doc: 'The broadcast of two 1-D shapes.',
  infer(a) {
    const [x, y] = [constInts(a, 0), constInts(a, 1)];
    if (x && y) return [vt(input(a, 0, 's0').dtype, [broadcastShapes(x, y)!.length])];
    const [n0, n1] = [vectorLength(a.inputs[0]), vectorLength(a.inputs[1])];
    return [vt(input(a, 0, 's0').dtype, [n0 !== undefined && n1 !== undefined ? Math.max(n0, n1) : -1])];
  },
});
