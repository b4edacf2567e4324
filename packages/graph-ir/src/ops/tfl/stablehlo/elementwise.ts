// StableHLO element-wise ops (operands of one shape: StableHLO has no implicit broadcasting).
import { enumOf } from '../../attrs';
import { typeMismatch } from '../../errors';
import { declaredOutputs, input, like, vt } from '../../infer/util';
import { tflOp } from '../op';
import type { BuiltinName } from '../codes';
import { all, hlo, sameShapes } from './common';

/** A StableHLO element-wise op on operands of one shape (no implicit broadcasting). */
function elementwise(name: BuiltinName, arity: 1 | 2, what: string) {
  return tflOp(name, {
    category: 'stablehlo',
    inputs: arity === 1 ? ['operand'] : ['lhs', 'rhs'],
    ...(name === 'STABLEHLO_SHIFT_LEFT' ? { optionsTable: 'StablehloShiftLeftOptions' } : {}),
    doc: `stablehlo.${name.slice(11).toLowerCase()}: ${what} (operands of one shape).`,
    infer(a) {
      const ts = all(a);
      if (arity === 2 && ts[0]!.dtype !== ts[1]!.dtype) typeMismatch(`operands are ${ts[0]!.dtype} and ${ts[1]!.dtype}`);
      return [vt(ts[0]!.dtype, sameShapes(ts))];
    },
  });
}

export const STABLEHLO_ABS = elementwise('STABLEHLO_ABS', 1, '|x|');

export const STABLEHLO_COSINE = elementwise('STABLEHLO_COSINE', 1, 'cos(x)');

export const STABLEHLO_EXPONENTIAL = elementwise('STABLEHLO_EXPONENTIAL', 1, 'e ** x');

export const STABLEHLO_FLOOR = elementwise('STABLEHLO_FLOOR', 1, 'floor(x)');

export const STABLEHLO_LOG = elementwise('STABLEHLO_LOG', 1, 'natural log');

export const STABLEHLO_NEGATE = elementwise('STABLEHLO_NEGATE', 1, '-x');

export const STABLEHLO_RSQRT = elementwise('STABLEHLO_RSQRT', 1, '1 / sqrt(x)');

export const STABLEHLO_TANH = elementwise('STABLEHLO_TANH', 1, 'tanh(x)');

export const STABLEHLO_LOGISTIC = elementwise('STABLEHLO_LOGISTIC', 1, '1 / (1 + e^-x)');

export const STABLEHLO_CBRT = elementwise('STABLEHLO_CBRT', 1, 'cube root');

export const STABLEHLO_ADD = elementwise('STABLEHLO_ADD', 2, 'x + y');

export const STABLEHLO_SUBTRACT = elementwise('STABLEHLO_SUBTRACT', 2, 'x - y');

export const STABLEHLO_MULTIPLY = elementwise('STABLEHLO_MULTIPLY', 2, 'x * y');

export const STABLEHLO_DIVIDE = elementwise('STABLEHLO_DIVIDE', 2, 'x / y');

export const STABLEHLO_MAXIMUM = elementwise('STABLEHLO_MAXIMUM', 2, 'max(x, y)');

export const STABLEHLO_MINIMUM = elementwise('STABLEHLO_MINIMUM', 2, 'min(x, y)');

export const STABLEHLO_POWER = elementwise('STABLEHLO_POWER', 2, 'x ** y');

export const STABLEHLO_REMAINDER = elementwise('STABLEHLO_REMAINDER', 2, 'x % y (sign of x)');

export const STABLEHLO_AND = elementwise('STABLEHLO_AND', 2, 'bitwise / logical and');

export const STABLEHLO_OR = elementwise('STABLEHLO_OR', 2, 'bitwise / logical or');

export const STABLEHLO_SHIFT_LEFT = elementwise('STABLEHLO_SHIFT_LEFT', 2, 'x << y');

export const STABLEHLO_CLAMP = hlo('STABLEHLO_CLAMP', {
  inputs: ['min', 'operand', 'max'],
  doc: 'stablehlo.clamp: min(max(operand, min), max); min/max are scalars or of the operand\'s shape.',
  infer: (a) => [like(a, 1)],
});

export const STABLEHLO_SELECT = hlo('STABLEHLO_SELECT', {
  inputs: ['pred', 'onTrue', 'onFalse'],
  doc: 'stablehlo.select: pred ? onTrue : onFalse (pred scalar or of their shape).',
  infer: (a) => [vt(input(a, 1, 'onTrue').dtype, sameShapes(all(a, 1)))],
});

const DIRECTIONS = ['EQ', 'NE', 'GE', 'GT', 'LE', 'LT'].map((d) => `STABLEHLO_COMPARISON_DIRECTION_${d}`);

const CMP_TYPES = ['NOTYPE', 'FLOAT', 'FLOAT_TOTAL_ORDER', 'SIGNED', 'UNSIGNED'].map((d) => `STABLEHLO_COMPARISON_TYPE_${d}`);

export const STABLEHLO_COMPARE = hlo('STABLEHLO_COMPARE', {
  inputs: ['lhs', 'rhs'],
  optionsTable: 'StablehloCompareOptions',
  attrs: {
    comparisonDirection: enumOf(DIRECTIONS, DIRECTIONS[0]!, 'StablehloComparisonDirection'),
    compareType: enumOf(CMP_TYPES, CMP_TYPES[0]!, 'StablehloComparisonType'),
  },
  doc: 'stablehlo.compare: bool result of the comparisonDirection.',
  infer: (a) => [vt('bool', sameShapes(all(a)))],
});

export const STABLEHLO_CONVERT = hlo('STABLEHLO_CONVERT', {
  inputs: ['operand'],
  doc: 'stablehlo.convert: the target element type is only in the result type (declared output kept).',
  infer: (a) => {
    const x = input(a, 0, 'operand');
    return [vt(declaredOutputs(a, 'the result type')[0]!.dtype, x.shape)];
  },
});
