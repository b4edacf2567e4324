// Math: element-wise unary/binary (NumPy broadcasting), comparisons, logic, matmuls, reductions.
import { broadcastShapes } from '../../shape';
import { bool, float, strs } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch, typeMismatch } from '../errors';
import type { DType } from '../ir';
import { attrBool, attrDType, constScalar, fmt, input, isKnownDim, like, mergeDim, vt } from '../infer/util';
import { inferReduce } from '../infer/reduce';
import { matmulShape } from '../infer/matmul';
import { T, tfOp } from './op';

function inferBinary(a: InferArgs, out?: DType) {
  const x = input(a, 0, 'x');
  const y = input(a, 1, 'y');
  if (x.dtype !== y.dtype) typeMismatch(`x is ${x.dtype}, y ${y.dtype}`);
  return [vt(out ?? x.dtype, broadcastShapes(x.shape, y.shape))];
}

const binary = (name: string, doc: string, out?: DType, attrs = {}) =>
  tfOp(name, {
    category: out === 'bool' && !name.startsWith('Logical') ? 'compare' : 'elementwise',
    inputs: ['x', 'y'], attrs: { ...(name.startsWith('Logical') ? {} : { T }), ...attrs },
    doc: `${doc} Broadcasts like NumPy.`, infer: (a) => inferBinary(a, out),
  });

export const Add = binary('Add', 'x + y (also string concatenation).');
export const AddV2 = binary('AddV2', 'x + y.');
export const Sub = binary('Sub', 'x - y.');
export const Mul = binary('Mul', 'x * y.');
export const RealDiv = binary('RealDiv', 'x / y for real types.');
export const Div = binary('Div', 'x / y (integer division truncates).');
export const DivNoNan = binary('DivNoNan', 'x / y, 0 where y is 0.');
export const FloorDiv = binary('FloorDiv', 'floor(x / y).');
export const FloorMod = binary('FloorMod', 'x - floor(x / y) * y.');
export const TruncateDiv = binary('TruncateDiv', 'x / y rounded toward zero.');
export const Maximum = binary('Maximum', 'max(x, y).');
export const Minimum = binary('Minimum', 'min(x, y).');
export const Pow = binary('Pow', 'x ** y.');
export const SquaredDifference = binary('SquaredDifference', '(x - y)².');
export const Atan2 = binary('Atan2', 'atan2(x, y).');
export const Less = binary('Less', 'x < y.', 'bool');
export const LessEqual = binary('LessEqual', 'x <= y.', 'bool');
export const Greater = binary('Greater', 'x > y.', 'bool');
export const GreaterEqual = binary('GreaterEqual', 'x >= y.', 'bool');
export const Equal = binary('Equal', 'x == y.', 'bool', { incompatible_shape_error: bool(true) });
export const NotEqual = binary('NotEqual', 'x != y.', 'bool', { incompatible_shape_error: bool(true) });
export const LogicalAnd = binary('LogicalAnd', 'x && y.', 'bool');
export const LogicalOr = binary('LogicalOr', 'x || y.', 'bool');

const unary = (name: string, doc: string) =>
  tfOp(name, { category: 'elementwise', inputs: ['x'], attrs: name === 'LogicalNot' ? {} : { T }, doc, infer: (a) => [like(a)] });

export const Abs = unary('Abs', '|x|.');
export const Neg = unary('Neg', 'Negation: -x.');
export const Exp = unary('Exp', 'e ** x.');
export const Expm1 = unary('Expm1', 'e ** x - 1.');
export const Log = unary('Log', 'Natural log.');
export const Log1p = unary('Log1p', 'log(1 + x).');
export const Sqrt = unary('Sqrt', 'sqrt(x).');
export const Rsqrt = unary('Rsqrt', '1 / sqrt(x).');
export const Square = unary('Square', 'x * x.');
export const Reciprocal = unary('Reciprocal', '1 / x.');
export const Sin = unary('Sin', 'sin(x).');
export const Cos = unary('Cos', 'cos(x).');
export const Tan = unary('Tan', 'tan(x).');
export const Asin = unary('Asin', 'asin(x).');
export const Acos = unary('Acos', 'acos(x).');
export const Atan = unary('Atan', 'atan(x).');
export const Sinh = unary('Sinh', 'sinh(x).');
export const Cosh = unary('Cosh', 'cosh(x).');
export const Tanh = unary('Tanh', 'tanh(x).');
export const Sigmoid = unary('Sigmoid', '1 / (1 + e^-x).');
export const Erf = unary('Erf', 'The error function.');
export const Floor = unary('Floor', 'floor(x).');
export const Ceil = unary('Ceil', 'ceil(x).');
export const Round = unary('Round', 'x rounded half to even.');
export const Rint = unary('Rint', 'x rounded half to even.');
export const Sign = unary('Sign', '-1, 0 or 1 by the sign of x.');
export const LogicalNot = unary('LogicalNot', 'Logical not: !x.');
export const ZerosLike = unary('ZerosLike', 'Zeros shaped like x.');
export const OnesLike = unary('OnesLike', 'Ones shaped like x.');

function inferDType(a: InferArgs, out: DType) {
  return [vt(out, input(a, 0, 'x').shape)];
}
export const IsNan = tfOp('IsNan', { category: 'elementwise', inputs: ['x'], attrs: { T }, doc: 'x is NaN (bool).', infer: (a) => inferDType(a, 'bool') });
export const IsInf = tfOp('IsInf', { category: 'elementwise', inputs: ['x'], attrs: { T }, doc: 'x is ±∞ (bool).', infer: (a) => inferDType(a, 'bool') });

export const AddN = tfOp('AddN', {
  category: 'elementwise', inputs: ['inputs*'], attrs: { N: { kind: 'int' }, T },
  doc: 'Sum of N tensors of one shape.',
  infer(a) {
    const first = input(a, 0, 'inputs[0]');
    let shape = first.shape;
    for (let i = 1; i < a.inputs.length; i++) {
      const t = input(a, i, `inputs[${i}]`);
      if (!shape || !t.shape) { shape = shape ?? t.shape; continue; }
      if (t.shape.length !== shape.length) shapeMismatch(`inputs[${i}] ${fmt(t.shape)} vs ${fmt(shape)}`);
      const s = shape;
      shape = s.map((d, k) => mergeDim(d, t.shape![k]!, `inputs[${i}] ${fmt(t.shape)} vs ${fmt(s)}`));
    }
    return [vt(first.dtype, shape)];
  },
});

const mm = { T, transpose_a: bool(), transpose_b: bool() };
function inferMatMul(a: InferArgs) {
  const x = input(a, 0, 'a');
  const y = input(a, 1, 'b');
  if (x.shape && x.shape.length !== 2) shapeMismatch(`a must be 2-D, got ${fmt(x.shape)}`);
  if (y.shape && y.shape.length !== 2) shapeMismatch(`b must be 2-D, got ${fmt(y.shape)}`);
  return [vt(x.dtype, matmulShape(x.shape ?? [-1, -1], y.shape ?? [-1, -1], attrBool(a, 'transpose_a'), attrBool(a, 'transpose_b')))];
}
export const MatMul = tfOp('MatMul', {
  category: 'matmul', inputs: ['a', 'b'], attrs: { ...mm, grad_a: bool(), grad_b: bool() },
  doc: 'a · b of 2-D matrices (transposed first when transpose_a/transpose_b).', infer: inferMatMul,
});
export const _FusedMatMul = tfOp('_FusedMatMul', {
  category: 'matmul', inputs: ['a', 'b', 'args*'],
  attrs: { ...mm, num_args: { kind: 'int', default: 0 }, fused_ops: strs([]), epsilon: float(0.0001), leakyrelu_alpha: float(0.2) },
  doc: 'Grappler\'s MatMul fused with fused_ops (BiasAdd, Relu …) taking num_args operands.', infer: inferMatMul,
});

function inferBatchMatMul(a: InferArgs, broadcast: boolean, out?: DType) {
  const x = input(a, 0, 'x');
  const y = input(a, 1, 'y');
  if (!broadcast && x.shape && y.shape && x.shape.length !== y.shape.length) {
    shapeMismatch(`BatchMatMul (v1) needs operands of one rank: ${fmt(x.shape)} and ${fmt(y.shape)}`);
  }
  return [vt(out ?? x.dtype, matmulShape(x.shape, y.shape, attrBool(a, 'adj_x'), attrBool(a, 'adj_y')))];
}
const bmm = { T, adj_x: bool(), adj_y: bool(), grad_x: bool(), grad_y: bool() };
export const BatchMatMul = tfOp('BatchMatMul', {
  category: 'matmul', inputs: ['x', 'y'], attrs: bmm,
  doc: 'Batched matmul over the last two dims; batch dims must match.', infer: (a) => inferBatchMatMul(a, false),
});
export const BatchMatMulV2 = tfOp('BatchMatMulV2', {
  category: 'matmul', inputs: ['x', 'y'], attrs: bmm,
  doc: 'Batched matmul; batch dims broadcast.', infer: (a) => inferBatchMatMul(a, true),
});
export const BatchMatMulV3 = tfOp('BatchMatMulV3', {
  category: 'matmul', inputs: ['x', 'y'], attrs: { ...bmm, Ta: T, Tb: T, Tout: T },
  doc: 'Batched matmul with broadcasting and output dtype Tout.', infer: (a) => inferBatchMatMul(a, true, attrDType(a, 'Tout', input(a, 0).dtype)),
});

const reduction = (name: string, doc: string) =>
  tfOp(name, {
    category: 'reduce', inputs: ['input', 'reduction_indices'],
    attrs: { ...(name === 'All' || name === 'Any' ? {} : { T }), keep_dims: bool(), Tidx: T },
    doc: `${doc} over the constant reduction_indices; keep_dims keeps them as 1.`,
    infer: (a) => inferReduce(a, attrBool(a, 'keep_dims')),
  });
export const Mean = reduction('Mean', 'Mean');
export const Sum = reduction('Sum', 'Sum');
export const Max = reduction('Max', 'Maximum');
export const Min = reduction('Min', 'Minimum');
export const Prod = reduction('Prod', 'Product');
export const All = reduction('All', 'Logical and');
export const Any = reduction('Any', 'Logical or');

const argReduce = (name: string, what: string) =>
  tfOp(name, {
    category: 'reduce', inputs: ['input', 'dimension'], attrs: { T, Tidx: T, output_type: { kind: 'dtype', default: 'i64' } },
    doc: `Index of the ${what} along the constant \`dimension\` (removed); dtype output_type.`,
    infer: (a) => inferReduce(a, false, attrDType(a, 'output_type', 'i64')),
  });
export const ArgMax = argReduce('ArgMax', 'maximum');
export const ArgMin = argReduce('ArgMin', 'minimum');

export const TopKV2 = tfOp('TopKV2', {
  category: 'reduce', inputs: ['input', 'k'], outputs: ['values', 'indices'],
  attrs: { T, sorted: bool(true), Tk: T, index_type: { kind: 'dtype', default: 'i32' } },
  doc: 'The k largest entries of the last dim and their indices (index_type).',
  infer(a) {
    const x = input(a, 0, 'input');
    const k = constScalar(a, 1) ?? -1;
    const last = x.shape?.at(-1);
    if (k >= 0 && last !== undefined && isKnownDim(last) && k > last) shapeMismatch(`k = ${k} exceeds the last dim of ${fmt(x.shape)}`);
    const shape = x.shape ? [...x.shape.slice(0, -1), k] : undefined;
    return [vt(x.dtype, shape), vt(attrDType(a, 'index_type', 'i32'), shape)];
  },
});
