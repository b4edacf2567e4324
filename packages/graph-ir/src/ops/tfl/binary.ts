// Element-wise binary ops with NumPy broadcasting: arithmetic, comparisons, logical, bitwise.
import { activation, bool } from '../attrs';
import type { AttrSpec, InferArgs } from '../define';
import { shapeMismatch, typeMismatch } from '../errors';
import type { DType } from '../ir';
import { input, mergeDim, fmt, vt } from '../infer/util';
import { inferBroadcast } from '../infer/broadcast';
import { tflOp } from './op';

const binary = (doc: string, optionsTable?: string, attrs: Record<string, AttrSpec> = {}, out?: DType) => ({
  category: out === 'bool' && !doc.startsWith('Logical') ? 'compare' : 'elementwise',
  inputs: ['x', 'y'],
  ...(optionsTable ? { optionsTable } : {}),
  attrs,
  doc: `${doc} Inputs broadcast like NumPy.`,
  infer: (a: InferArgs) => inferBroadcast(a, out),
});

const act = { fusedActivationFunction: activation() };
const actPot = { fusedActivationFunction: activation(), potScaleInt16: bool(true) };

export const ADD = tflOp('ADD', binary('x + y, then the fused activation. potScaleInt16: int16 with power-of-two scales.', 'AddOptions', actPot));
export const SUB = tflOp('SUB', binary('x - y, then the fused activation.', 'SubOptions', actPot));
export const MUL = tflOp('MUL', binary('x * y, then the fused activation.', 'MulOptions', act));
export const DIV = tflOp('DIV', binary('x / y, then the fused activation.', 'DivOptions', act));
export const FLOOR_DIV = tflOp('FLOOR_DIV', binary('floor(x / y).', 'FloorDivOptions'));
export const FLOOR_MOD = tflOp('FLOOR_MOD', binary('x - floor(x / y) * y (sign of y).', 'FloorModOptions'));
export const MAXIMUM = tflOp('MAXIMUM', binary('max(x, y).', 'MaximumMinimumOptions'));
export const MINIMUM = tflOp('MINIMUM', binary('min(x, y).', 'MaximumMinimumOptions'));
export const POW = tflOp('POW', binary('x ** y.', 'PowOptions'));
export const SQUARED_DIFFERENCE = tflOp('SQUARED_DIFFERENCE', binary('(x - y)².', 'SquaredDifferenceOptions'));
export const ATAN2 = tflOp('ATAN2', binary('atan2(x, y).', 'ATan2Options'));
export const BITWISE_XOR = tflOp('BITWISE_XOR', binary('x ^ y on integers.', 'BitwiseXorOptions'));
export const RIGHT_SHIFT = tflOp('RIGHT_SHIFT', binary('x >> y on integers (arithmetic for signed types).', 'RightShiftOptions'));

export const LESS = tflOp('LESS', binary('x < y.', 'LessOptions', {}, 'bool'));
export const LESS_EQUAL = tflOp('LESS_EQUAL', binary('x <= y.', 'LessEqualOptions', {}, 'bool'));
export const GREATER = tflOp('GREATER', binary('x > y.', 'GreaterOptions', {}, 'bool'));
export const GREATER_EQUAL = tflOp('GREATER_EQUAL', binary('x >= y.', 'GreaterEqualOptions', {}, 'bool'));
export const EQUAL = tflOp('EQUAL', binary('x == y.', 'EqualOptions', {}, 'bool'));
export const NOT_EQUAL = tflOp('NOT_EQUAL', binary('x != y.', 'NotEqualOptions', {}, 'bool'));
export const LOGICAL_AND = tflOp('LOGICAL_AND', binary('Logical x && y on bools.', 'LogicalAndOptions', {}, 'bool'));
export const LOGICAL_OR = tflOp('LOGICAL_OR', binary('Logical x || y on bools.', 'LogicalOrOptions', {}, 'bool'));

export const ADD_N = tflOp('ADD_N', {
  category: 'elementwise',
  inputs: ['inputs*'],
  optionsTable: 'AddNOptions',
  doc: 'Sum of any number of tensors of one shape and dtype.',
  infer(a) {
    const first = input(a, 0, 'inputs[0]');
    let shape = first.shape;
    for (let i = 1; i < a.inputs.length; i++) {
      const t = input(a, i, `inputs[${i}]`);
      if (t.dtype !== first.dtype) typeMismatch(`inputs[${i}] is ${t.dtype}, inputs[0] ${first.dtype}`);
      if (!shape || !t.shape) { shape = shape ?? t.shape; continue; }
      if (shape.length !== t.shape.length) shapeMismatch(`inputs[${i}] ${fmt(t.shape)} differs from ${fmt(shape)}`);
      const s = shape;
      shape = s.map((d, k) => mergeDim(d, t.shape![k]!, `inputs[${i}] ${fmt(t.shape)} vs ${fmt(s)}`));
    }
    return [vt(first.dtype, shape)];
  },
});
