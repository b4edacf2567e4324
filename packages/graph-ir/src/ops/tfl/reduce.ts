// Reductions over the axes given by a constant operand: MEAN, SUM, REDUCE_* (ReducerOptions),
// and ARG_MAX / ARG_MIN.
import { bool, tensorType } from '../attrs';
import type { InferArgs } from '../define';
import type { DType } from '../ir';
import { attrBool, attrStr, declared, tensorTypeDType } from '../infer/util';
import { inferReduce } from '../infer/reduce';
import { tflOp } from './op';

const reducer = (what: string, bools = false) => ({
  category: 'reduce',
  inputs: ['input', 'axis'],
  optionsTable: 'ReducerOptions',
  attrs: { keepDims: bool() },
  doc: `${what} over the axes in the constant \`axis\` operand (negative axes count from the end); keepDims keeps them as 1.${bools ? ' Bool input.' : ''}`,
  infer: (a: InferArgs) => inferReduce(a, attrBool(a, 'keepDims')),
});

export const MEAN = tflOp('MEAN', reducer('Mean'));
export const SUM = tflOp('SUM', reducer('Sum'));
export const REDUCE_PROD = tflOp('REDUCE_PROD', reducer('Product'));
export const REDUCE_MAX = tflOp('REDUCE_MAX', reducer('Maximum'));
export const REDUCE_MIN = tflOp('REDUCE_MIN', reducer('Minimum'));
export const REDUCE_ANY = tflOp('REDUCE_ANY', reducer('Logical or', true));
export const REDUCE_ALL = tflOp('REDUCE_ALL', reducer('Logical and', true));

/** ARG_MAX/ARG_MIN output dtype: outputType; unset (FLOAT32): the declared output dtype, else INT64. */
function argDType(a: InferArgs): DType {
  const t = attrStr(a, 'outputType', 'FLOAT32');
  return t === 'FLOAT32' ? (declared(a, 0)?.dtype ?? 'i64') : tensorTypeDType(t);
}

const arg = (what: string, table: string) => ({
  category: 'reduce',
  inputs: ['input', 'axis'],
  optionsTable: table,
  attrs: { outputType: tensorType() },
  doc: `Index of the ${what} along the constant scalar \`axis\`, which is removed; dtype outputType (INT32 or INT64).`,
  infer: (a: InferArgs) => inferReduce(a, false, argDType(a)),
});

export const ARG_MAX = tflOp('ARG_MAX', arg('maximum', 'ArgMaxOptions'));
export const ARG_MIN = tflOp('ARG_MIN', arg('minimum', 'ArgMinOptions'));
