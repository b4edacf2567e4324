// Element-wise unary math (output shape = input shape).
import { bool } from '../attrs';
import type { InferArgs } from '../define';
import { typeMismatch } from '../errors';
import type { DType } from '../ir';
import { like, vt } from '../infer/util';
import { tflOp } from './op';

const unary = (doc: string, optionsTable?: string, out?: (x: DType) => DType) => ({
  category: 'elementwise',
  inputs: ['x'],
  ...(optionsTable ? { optionsTable } : {}),
  doc,
  infer: (a: InferArgs) => {
    const x = like(a);
    return [out ? vt(out(x.dtype), x.shape) : x];
  },
});

/** Real-valued dtype of a complex one (complex64 → f32, complex128 → f64). */
function realOf(d: DType): DType {
  if (d === 'complex64') return 'f32';
  if (d === 'complex128') return 'f64';
  return typeMismatch(`expects a complex input, got ${d}`);
}

export const ABS = tflOp('ABS', unary('|x|.', 'AbsOptions'));
export const CEIL = tflOp('CEIL', unary('ceil(x).'));
export const FLOOR = tflOp('FLOOR', unary('floor(x).'));
export const ROUND = tflOp('ROUND', unary('x rounded half to even.'));
export const COS = tflOp('COS', unary('cos(x).', 'CosOptions'));
export const SIN = tflOp('SIN', unary('sin(x).'));
export const EXP = tflOp('EXP', unary('e ** x.', 'ExpOptions'));
export const LOG = tflOp('LOG', unary('Natural log of x.'));
export const NEG = tflOp('NEG', unary('Negation: -x.', 'NegOptions'));
export const SQRT = tflOp('SQRT', unary('sqrt(x).'));
export const RSQRT = tflOp('RSQRT', unary('1 / sqrt(x).'));
export const SQUARE = tflOp('SQUARE', unary('x * x.', 'SquareOptions'));
export const SIGN = tflOp('SIGN', unary('-1, 0 or 1 by the sign of x.', 'SignOptions'));
export const LOGICAL_NOT = tflOp('LOGICAL_NOT', unary('!x on bools.', 'LogicalNotOptions'));
export const ZEROS_LIKE = tflOp('ZEROS_LIKE', unary('Zeros of the shape and dtype of x.', 'ZerosLikeOptions'));
export const COMPLEX_ABS = tflOp('COMPLEX_ABS', unary('|x| of a complex tensor (real output).', undefined, realOf));
export const REAL = tflOp('REAL', unary('Real part of a complex tensor.', undefined, realOf));
export const IMAG = tflOp('IMAG', unary('Imaginary part of a complex tensor.', undefined, realOf));

export const CUMSUM = tflOp('CUMSUM', {
  category: 'elementwise',
  inputs: ['input', 'axis'],
  optionsTable: 'CumsumOptions',
  attrs: { exclusive: bool(), reverse: bool() },
  doc: 'Cumulative sum along the constant scalar `axis`.',
  infer: (a) => [like(a)],
});

export const REVERSE_V2 = tflOp('REVERSE_V2', {
  category: 'shape',
  inputs: ['input', 'axis'],
  optionsTable: 'ReverseV2Options',
  doc: 'Reverses the order of elements along the axes in `axis`.',
  infer: (a) => [like(a)],
});

export const REVERSE_SEQUENCE = tflOp('REVERSE_SEQUENCE', {
  category: 'shape',
  inputs: ['input', 'seqLengths'],
  optionsTable: 'ReverseSequenceOptions',
  attrs: { seqDim: { kind: 'int', default: 0 }, batchDim: { kind: 'int', default: 0 } },
  doc: 'Reverses the first seqLengths[b] elements along seqDim for each b along batchDim.',
  infer: (a) => [like(a)],
});
