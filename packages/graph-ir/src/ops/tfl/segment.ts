// Segment reductions and sparse ↔ dense: SEGMENT_SUM, UNSORTED_SEGMENT_*, SPARSE_TO_DENSE, DENSIFY.
import { bool } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch } from '../errors';
import { constInts, constScalar, fmt, input, like, unknownDims, vectorLength, vt } from '../infer/util';
import { tflOp } from './op';

export const SEGMENT_SUM = tflOp('SEGMENT_SUM', {
  category: 'reduce',
  inputs: ['data', 'segmentIds'],
  optionsTable: 'SegmentSumOptions',
  doc: 'Sums rows of data sharing a (sorted) segment id: [max id + 1, ...data[1:]]; the first dim is known only when the ids are constant.',
  infer(a) {
    const d = input(a, 0, 'data');
    const ids = constInts(a, 1);
    const n = ids ? (ids.length ? Math.max(...ids) + 1 : 0) : -1;
    return [vt(d.dtype, d.shape ? [n, ...d.shape.slice(1)] : undefined)];
  },
});

function inferUnsorted(a: InferArgs) {
  const d = input(a, 0, 'data');
  const ids = input(a, 1, 'segmentIds');
  const n = constScalar(a, 2) ?? -1;
  if (!d.shape || !ids.shape) return [vt(d.dtype, undefined)];
  if (ids.shape.length > d.shape.length) shapeMismatch(`segmentIds ${fmt(ids.shape)} has a higher rank than data ${fmt(d.shape)}`);
  return [vt(d.dtype, [n, ...d.shape.slice(ids.shape.length)])];
}

const unsorted = (what: string, table: string) => ({
  category: 'reduce',
  inputs: ['data', 'segmentIds', 'numSegments'],
  optionsTable: table,
  doc: `${what} of the data entries sharing a segment id (any order): [numSegments, ...data[rank(ids):]].`,
  infer: inferUnsorted,
});

export const UNSORTED_SEGMENT_SUM = tflOp('UNSORTED_SEGMENT_SUM', unsorted('Sum', 'UnsortedSegmentSumOptions'));
export const UNSORTED_SEGMENT_PROD = tflOp('UNSORTED_SEGMENT_PROD', unsorted('Product', 'UnsortedSegmentProdOptions'));
export const UNSORTED_SEGMENT_MAX = tflOp('UNSORTED_SEGMENT_MAX', unsorted('Maximum', 'UnsortedSegmentMaxOptions'));
export const UNSORTED_SEGMENT_MIN = tflOp('UNSORTED_SEGMENT_MIN', unsorted('Minimum', 'UnsortedSegmentMinOptions'));

export const SPARSE_TO_DENSE = tflOp('SPARSE_TO_DENSE', {
  category: 'shape',
  inputs: ['indices', 'outputShape', 'values', 'defaultValue'],
  optionsTable: 'SparseToDenseOptions',
  attrs: { validateIndices: bool() },
  doc: 'A dense tensor of the constant outputShape holding `values` at `indices`, defaultValue elsewhere.',
  infer(a) {
    const v = input(a, 2, 'values');
    return [vt(v.dtype, constInts(a, 1) ?? unknownDims(vectorLength(a.inputs[1])))];
  },
});

export const DENSIFY = tflOp('DENSIFY', {
  category: 'quant',
  inputs: ['input'],
  optionsTable: 'DensifyOptions',
  doc: 'Expands a sparse constant (tensor sparsity parameters) to its dense form; the tensor shape is already the dense shape.',
  infer: (a) => [like(a)],
});
