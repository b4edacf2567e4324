// Tensors made from shapes and values: FILL, SHAPE, RANK, RANGE, ONE_HOT, MATRIX_DIAG,
// MATRIX_SET_DIAG, random ops.
import { int, tensorType } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch } from '../errors';
import type { DType } from '../ir';
import { attrInt, attrStr, constInts, constScalar, declared, fmt, input, like, normAxis, tensorTypeDType, unknownDims, vectorLength, vt } from '../infer/util';
import { inferRange } from '../infer/range';
import { tflOp } from './op';

export const FILL = tflOp('FILL', {
  category: 'shape',
  inputs: ['dims', 'value'],
  optionsTable: 'FillOptions',
  doc: 'A tensor of shape `dims` filled with the scalar `value`.',
  infer(a) {
    const v = input(a, 1, 'value');
    return [vt(v.dtype, constInts(a, 0) ?? unknownDims(vectorLength(a.inputs[0])))];
  },
});

export const SHAPE = tflOp('SHAPE', {
  category: 'shape',
  inputs: ['input'],
  optionsTable: 'ShapeOptions',
  attrs: { outType: tensorType() },
  doc: 'The input\'s shape as a 1-D tensor of outType (INT32 or INT64; unset: the declared output dtype, else INT32).',
  infer(a) {
    const x = input(a, 0, 'input');
    const t = attrStr(a, 'outType', 'FLOAT32');
    return [vt(t === 'FLOAT32' ? (declared(a, 0)?.dtype ?? 'i32') : tensorTypeDType(t), [x.shape ? x.shape.length : -1])];
  },
});

export const RANK = tflOp('RANK', {
  category: 'shape',
  inputs: ['input'],
  optionsTable: 'RankOptions',
  doc: 'The input\'s rank as an int32 scalar.',
  infer: () => [vt('i32', [])],
});

export const RANGE = tflOp('RANGE', {
  category: 'shape',
  inputs: ['start', 'limit', 'delta'],
  optionsTable: 'RangeOptions',
  doc: 'start, start + delta, … up to (excluding) limit; length known when all three are constant.',
  infer: inferRange,
});

export const ONE_HOT = tflOp('ONE_HOT', {
  category: 'shape',
  inputs: ['indices', 'depth', 'onValue', 'offValue'],
  optionsTable: 'OneHotOptions',
  attrs: { axis: int() },
  doc: 'One-hot encoding: a new dim of size `depth` at `axis` (-1 = last), onValue at each index, offValue elsewhere.',
  infer(a) {
    const idx = input(a, 0, 'indices');
    const on = input(a, 2, 'onValue');
    const depth = constScalar(a, 1) ?? -1;
    if (!idx.shape) return [vt(on.dtype, undefined)];
    const at = normAxis(attrInt(a, 'axis'), idx.shape.length, 'axis', 1);
    return [vt(on.dtype, [...idx.shape.slice(0, at), depth, ...idx.shape.slice(at)])];
  },
});

export const MATRIX_DIAG = tflOp('MATRIX_DIAG', {
  category: 'shape',
  inputs: ['diagonal'],
  optionsTable: 'MatrixDiagOptions',
  doc: 'Batched diagonal matrices: [..., N] → [..., N, N].',
  infer(a) {
    const d = input(a, 0, 'diagonal');
    if (!d.shape) return [vt(d.dtype, undefined)];
    if (d.shape.length === 0) shapeMismatch('diagonal must have rank >= 1');
    return [vt(d.dtype, [...d.shape, d.shape.at(-1)!])];
  },
});

export const MATRIX_SET_DIAG = tflOp('MATRIX_SET_DIAG', {
  category: 'shape',
  inputs: ['input', 'diagonal'],
  optionsTable: 'MatrixSetDiagOptions',
  doc: 'The input with the main diagonal of its innermost matrices replaced.',
  infer(a) {
    const x = input(a, 0, 'input');
    if (x.shape && x.shape.length < 2) shapeMismatch(`input must have rank >= 2, got ${fmt(x.shape)}`);
    return [like(a)];
  },
});

const randomAttrs = { seed: int(), seed2: int() };

/** Random ops: shape from the constant `shape` operand, dtype as declared (float32 by default). */
function inferRandom(a: InferArgs, fallback: DType) {
  return [vt(declared(a, 0)?.dtype ?? fallback, constInts(a, 0) ?? unknownDims(vectorLength(a.inputs[0])))];
}

export const RANDOM_UNIFORM = tflOp('RANDOM_UNIFORM', {
  category: 'random',
  inputs: ['shape'],
  optionsTable: 'RandomOptions',
  attrs: randomAttrs,
  doc: 'Uniform [0, 1) samples of the constant `shape` (float32 unless the output says otherwise).',
  infer: (a) => inferRandom(a, 'f32'),
});

export const RANDOM_STANDARD_NORMAL = tflOp('RANDOM_STANDARD_NORMAL', {
  category: 'random',
  inputs: ['shape'],
  optionsTable: 'RandomOptions',
  attrs: randomAttrs,
  doc: 'Standard normal samples of the constant `shape` (float32 unless the output says otherwise).',
  infer: (a) => inferRandom(a, 'f32'),
});

export const MULTINOMIAL = tflOp('MULTINOMIAL', {
  category: 'random',
  inputs: ['logits', 'numSamples'],
  optionsTable: 'RandomOptions',
  attrs: randomAttrs,
  doc: 'numSamples class indices per batch row drawn from logits [batch, classes]; int64 unless the output says int32.',
  infer(a) {
    const l = input(a, 0, 'logits');
    return [vt(declared(a, 0)?.dtype ?? 'i64', [l.shape?.[0] ?? -1, constScalar(a, 1) ?? -1])];
  },
});
