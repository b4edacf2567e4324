// Selection and sorting: SELECT, SELECT_V2, WHERE, UNIQUE, TOPK_V2, BUCKETIZE,
// NON_MAX_SUPPRESSION_V4/V5.
import { broadcastShapes } from '../../shape';
import { floats, tensorType } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch, typeMismatch } from '../errors';
import { attrStr, constScalar, declared, fmt, input, isKnownDim, like, mergeDim, tensorTypeDType, vt } from '../infer/util';
import { tflOp } from './op';

export const SELECT = tflOp('SELECT', {
  category: 'elementwise',
  inputs: ['condition', 'x', 'y'],
  optionsTable: 'SelectOptions',
  doc: 'condition ? x : y; x and y share a shape; condition has that shape or is 1-D over its first dim (picks whole rows).',
  infer(a) {
    const c = input(a, 0, 'condition');
    const x = input(a, 1, 'x');
    const y = input(a, 2, 'y');
    if (x.dtype !== y.dtype) typeMismatch(`x is ${x.dtype}, y ${y.dtype}`);
    let shape = x.shape;
    if (x.shape && y.shape) {
      if (x.shape.length !== y.shape.length) shapeMismatch(`x ${fmt(x.shape)} and y ${fmt(y.shape)} differ`);
      shape = x.shape.map((d, i) => mergeDim(d, y.shape![i]!, `x ${fmt(x.shape)} vs y ${fmt(y.shape)}`));
    } else shape = x.shape ?? y.shape;
    if (c.shape && shape && c.shape.length !== shape.length) {
      const rowwise = c.shape.length === 1 && shape.length >= 1;
      if (!rowwise && c.shape.length !== 0) shapeMismatch(`condition ${fmt(c.shape)} must match x ${fmt(shape)} or be 1-D over its first dim`);
      if (rowwise) mergeDim(c.shape[0]!, shape[0]!, `condition ${fmt(c.shape)} vs the first dim of x ${fmt(shape)}`);
    }
    return [vt(x.dtype, shape)];
  },
});

export const SELECT_V2 = tflOp('SELECT_V2', {
  category: 'elementwise',
  inputs: ['condition', 'x', 'y'],
  optionsTable: 'SelectV2Options',
  doc: 'condition ? x : y with all three broadcast like NumPy.',
  infer(a) {
    const c = input(a, 0, 'condition');
    const x = input(a, 1, 'x');
    const y = input(a, 2, 'y');
    if (x.dtype !== y.dtype) typeMismatch(`x is ${x.dtype}, y ${y.dtype}`);
    return [vt(x.dtype, broadcastShapes(c.shape, x.shape, y.shape))];
  },
});

export const WHERE = tflOp('WHERE', {
  category: 'shape',
  inputs: ['condition'],
  optionsTable: 'WhereOptions',
  doc: 'Coordinates of the true (non-zero) elements: int64 [count, rank]; count depends on the data (-1).',
  infer(a) {
    const c = input(a, 0, 'condition');
    return [vt('i64', [-1, c.shape ? c.shape.length : -1])];
  },
});

export const UNIQUE = tflOp('UNIQUE', {
  category: 'shape',
  inputs: ['input'],
  outputs: ['output', 'idx'],
  optionsTable: 'UniqueOptions',
  attrs: { idxOutType: tensorType('INT32') },
  doc: 'The distinct elements of a 1-D input (count depends on the data: -1) and, per element, its index among them.',
  infer(a) {
    const x = input(a, 0, 'input');
    if (x.shape && x.shape.length !== 1) shapeMismatch(`input must be 1-D, got ${fmt(x.shape)}`);
    return [vt(x.dtype, [-1]), vt(tensorTypeDType(attrStr(a, 'idxOutType', 'INT32')), x.shape ?? [-1])];
  },
});

export const TOPK_V2 = tflOp('TOPK_V2', {
  category: 'reduce',
  inputs: ['input', 'k'],
  outputs: ['values', 'indices'],
  optionsTable: 'TopKV2Options',
  doc: 'The k largest entries of the last dim (sorted) and their int32 indices.',
  infer(a) {
    const x = input(a, 0, 'input');
    const k = constScalar(a, 1) ?? -1;
    if (x.shape?.length === 0) shapeMismatch('input must have rank >= 1');
    const last = x.shape?.at(-1);
    if (k >= 0 && last !== undefined && isKnownDim(last) && k > last) shapeMismatch(`k = ${k} exceeds the last dim of ${fmt(x.shape)}`);
    const shape = x.shape ? [...x.shape.slice(0, -1), k] : undefined;
    return [vt(x.dtype, shape), vt(declared(a, 1)?.dtype ?? 'i32', shape)];
  },
});

export const BUCKETIZE = tflOp('BUCKETIZE', {
  category: 'elementwise',
  inputs: ['input'],
  optionsTable: 'BucketizeOptions',
  attrs: { boundaries: floats([]) },
  doc: 'Index of the bucket (between sorted boundaries) of each element, int32.',
  infer: (a) => [vt('i32', like(a).shape)],
});

const nms = (v5: boolean) => ({
  category: 'detection',
  inputs: v5
    ? ['boxes', 'scores', 'maxOutputSize', 'iouThreshold', 'scoreThreshold', 'softNmsSigma']
    : ['boxes', 'scores', 'maxOutputSize', 'iouThreshold', 'scoreThreshold'],
  outputs: v5 ? ['selectedIndices', 'selectedScores', 'validOutputs'] : ['selectedIndices', 'validOutputs'],
  optionsTable: v5 ? 'NonMaxSuppressionV5Options' : 'NonMaxSuppressionV4Options',
  doc: `Greedy non-max suppression of boxes [N, 4] by scores [N]; outputs are padded to the constant maxOutputSize, validOutputs says how many are real${v5 ? '; softNmsSigma > 0 decays scores (Soft-NMS) and selectedScores returns them' : ''}.`,
  infer(a: InferArgs) {
    const boxes = input(a, 0, 'boxes');
    if (boxes.shape && (boxes.shape.length !== 2 || (isKnownDim(boxes.shape[1]!) && boxes.shape[1] !== 4))) {
      shapeMismatch(`boxes must be [N, 4], got ${fmt(boxes.shape)}`);
    }
    const max = constScalar(a, 2) ?? -1;
    const scores = input(a, 1, 'scores');
    return v5
      ? [vt('i32', [max]), vt(scores.dtype, [max]), vt('i32', [])]
      : [vt('i32', [max]), vt('i32', [])];
  },
});

export const NON_MAX_SUPPRESSION_V4 = tflOp('NON_MAX_SUPPRESSION_V4', nms(false));
export const NON_MAX_SUPPRESSION_V5 = tflOp('NON_MAX_SUPPRESSION_V5', nms(true));
