// Element-wise math, comparisons, logic, activations, reductions and matrix products.
import type { Value } from '@liteml/graph-ir';
import { rule, rules, tensorTypeName, type LegalizeBuilder, type LegalizeRule, type TfNode } from './rule';

const BINARY: Record<string, string> = {
  Add: 'ADD', AddV2: 'ADD', Sub: 'SUB', Mul: 'MUL', RealDiv: 'DIV', FloorDiv: 'FLOOR_DIV', FloorMod: 'FLOOR_MOD',
  Maximum: 'MAXIMUM', Minimum: 'MINIMUM', Pow: 'POW', SquaredDifference: 'SQUARED_DIFFERENCE', Atan2: 'ATAN2',
  Less: 'LESS', LessEqual: 'LESS_EQUAL', Greater: 'GREATER', GreaterEqual: 'GREATER_EQUAL', Equal: 'EQUAL',
  NotEqual: 'NOT_EQUAL', LogicalAnd: 'LOGICAL_AND', LogicalOr: 'LOGICAL_OR', BitwiseXor: 'BITWISE_XOR',
  RightShift: 'RIGHT_SHIFT',
};

const UNARY: Record<string, string> = {
  Abs: 'ABS', Ceil: 'CEIL', Floor: 'FLOOR', Round: 'ROUND', Cos: 'COS', Sin: 'SIN', Exp: 'EXP', Log: 'LOG',
  Neg: 'NEG', Sqrt: 'SQRT', Rsqrt: 'RSQRT', Square: 'SQUARE', Sign: 'SIGN', LogicalNot: 'LOGICAL_NOT',
  ZerosLike: 'ZEROS_LIKE', Tanh: 'TANH', Sigmoid: 'LOGISTIC', Relu: 'RELU', Relu6: 'RELU6', Elu: 'ELU',
  LogSoftmax: 'LOG_SOFTMAX', ComplexAbs: 'COMPLEX_ABS', Real: 'REAL', Imag: 'IMAG',
};

const REDUCE: Record<string, string> = {
  Mean: 'MEAN', Sum: 'SUM', Prod: 'REDUCE_PROD', Max: 'REDUCE_MAX', Min: 'REDUCE_MIN', Any: 'REDUCE_ANY', All: 'REDUCE_ALL',
};

/** An activation by TF op name applied to `x` (used by the fused TF ops too). */
export function activation(b: LegalizeBuilder, op: string, x: Value, alpha = 0.2): Value {
  switch (op) {
    case 'Relu': return b.op('tfl.RELU', [x]);
    case 'Relu6': return b.op('tfl.RELU6', [x]);
    case 'Elu': return b.op('tfl.ELU', [x]);
    case 'Tanh': return b.op('tfl.TANH', [x]);
    case 'Sigmoid': return b.op('tfl.LOGISTIC', [x]);
    case 'LeakyRelu': return b.op('tfl.LEAKY_RELU', [x], { alpha });
    default: return b.fail(`fused activation '${op}' is not supported`);
  }
}

/** x · y for TF MatMul semantics: FULLY_CONNECTED when y is a constant matrix, else BATCH_MATMUL. */
export function matmul(b: LegalizeBuilder, x: Value, y: Value, adjX: boolean, adjY: boolean): Value {
  if (y.data && y.shape?.length === 2 && !adjX) {
    const w = adjY ? y : b.transpose(y, [1, 0]);
    const keepNumDims = (x.shape?.length ?? 2) !== 2;
    return b.op('tfl.FULLY_CONNECTED', [x, w, undefined], { fusedActivationFunction: 'NONE', keepNumDims });
  }
  return b.op('tfl.BATCH_MATMUL', [x, y], { adjX, adjY });
}

const reciprocal = (n: TfNode, b: LegalizeBuilder) => b.op('tfl.DIV', [b.scalar(n.T, 1), n.input(0)]);

export const mathRules: LegalizeRule[] = [
  ...Object.entries(BINARY).map(([tf, tfl]) => rule(tf, (n, b) => b.op(`tfl.${tfl}`, [n.input(0), n.input(1)]))),
  // TF's Div truncates integer quotients, like TFLite's DIV kernel
  rule('Div', (n, b) => b.op('tfl.DIV', [n.input(0), n.input(1)])),
  rule('TruncateDiv', (n, b) => (n.T === 'i32' ? b.op('tfl.DIV', [n.input(0), n.input(1)]) : b.fail(`TruncateDiv on ${n.T} (TFLite divides int32 only)`))),
  ...Object.entries(UNARY).map(([tf, tfl]) => rule(tf, (n, b) => b.op(`tfl.${tfl}`, [n.input(0)]))),
  ...rules(['Reciprocal', 'Inv'], reciprocal),
  // SoftmaxOptions.beta reads as 0 when absent (a flatbuffer default): TF's softmax is beta = 1.
  rule('Softmax', (n, b) => b.op('tfl.SOFTMAX', [n.input(0)], { beta: 1 })),
  // SoftmaxOptions.beta defaults to 0 in the TFLite schema: always write it
  rule('Softmax', (n, b) => b.op('tfl.SOFTMAX', [n.input(0)], { beta: 1 })),
  rule('LeakyRelu', (n, b) => b.op('tfl.LEAKY_RELU', [n.input(0)], { alpha: n.attr('alpha', 0.2) })),
  rule('Selu', (n, b) => {
    const x = n.input(0);
    const elu = b.op('tfl.ELU', [x]);
    const scaled = b.op('tfl.MUL', [elu, b.scalar(n.T, 1.6732632423543772)]);
    const pos = b.op('tfl.RELU', [x]);
    const neg = b.op('tfl.MINIMUM', [scaled, b.scalar(n.T, 0)]);
    return b.op('tfl.MUL', [b.op('tfl.ADD', [pos, neg]), b.scalar(n.T, 1.0507009873554805)]);
  }),
  rule('Softplus', (n, b) => b.op('tfl.LOG', [b.op('tfl.ADD', [b.op('tfl.EXP', [n.input(0)]), b.scalar(n.T, 1)])])),
  rule('Softsign', (n, b) => b.op('tfl.DIV', [n.input(0), b.op('tfl.ADD', [b.op('tfl.ABS', [n.input(0)]), b.scalar(n.T, 1)])])),
  rule('AddN', (n, b) => (n.inputs.length === 1 ? n.input(0) : b.op('tfl.ADD_N', n.inputs))),
  rule('Cast', (n, b) => {
    const to = n.attr<string>('DstT') as Value['dtype'] | undefined ?? n.output().dtype;
    const x = n.input(0);
    if (x.dtype === to) return x;
    tensorTypeName(to);
    return b.cast(x, to);
  }),
  ...Object.entries(REDUCE).map(([tf, tfl]) =>
    rule(tf, (n, b) => b.op(`tfl.${tfl}`, [n.input(0), b.toI32(n.input(1))], { keepDims: n.attr('keep_dims', false) }))),
  ...(['ArgMax', 'ArgMin'] as const).map((tf) => rule(tf, (n, b) => b.op(`tfl.${tf === 'ArgMax' ? 'ARG_MAX' : 'ARG_MIN'}`,
    [n.input(0), b.toI32(n.input(1))], { outputType: tensorTypeName(n.attr('output_type', 'i64')) }))),
  rule('Cumsum', (n, b) => b.op('tfl.CUMSUM', [n.input(0), b.toI32(n.input(1))], { exclusive: n.attr('exclusive', false), reverse: n.attr('reverse', false) })),
  rule('MatMul', (n, b) => {
    const ta = n.attr('transpose_a', false);
    const x = ta ? b.transpose(n.input(0), [1, 0]) : n.input(0);
    return matmul(b, x, n.input(1), false, n.attr('transpose_b', false));
  }),
  ...rules(['BatchMatMul', 'BatchMatMulV2', 'BatchMatMulV3'], (n, b) =>
    matmul(b, n.input(0), n.input(1), n.attr('adj_x', false), n.attr('adj_y', false))),
  rule('_FusedMatMul', (n, b) => {
    const ta = n.attr('transpose_a', false);
    const x = ta ? b.transpose(n.input(0), [1, 0]) : n.input(0);
    const y = matmul(b, x, n.input(1), false, n.attr('transpose_b', false));
    return applyFusedOps(n, b, y, 2);
  }),
  rule('IsNan', (n, b) => b.op('tfl.NOT_EQUAL', [n.input(0), n.input(0)])),
];

/**
 * The `fused_ops` of Grappler's fused TF ops (_FusedConv2D, _FusedMatMul, FusedDepthwiseConv2dNative):
 * BiasAdd / FusedBatchNorm then an activation, with their arguments from input `argStart` on.
 */
export function applyFusedOps(n: TfNode, b: LegalizeBuilder, y: Value, argStart: number): Value {
  const ops = n.attr<readonly string[]>('fused_ops', []);
  let arg = argStart;
  let out = y;
  for (const op of ops) {
    if (op === 'BiasAdd' || op === 'Add' || op === 'AddV2') {
      out = b.op('tfl.ADD', [out, n.input(arg++)]);
    } else if (op === 'FusedBatchNorm') {
      const [scale, offset, mean, variance] = [n.input(arg), n.input(arg + 1), n.input(arg + 2), n.input(arg + 3)];
      arg += 4;
      out = batchNorm(b, out, scale, offset, mean, variance, n.attr('epsilon', 0.0001));
    } else {
      out = activation(b, op, out, n.attr('leakyrelu_alpha', 0.2));
    }
  }
  return out;
}

/** Inference batch norm as x * m + (offset - mean * m), m = scale / sqrt(variance + eps); constants fold later. */
export function batchNorm(b: LegalizeBuilder, x: Value, scale: Value, offset: Value, mean: Value, variance: Value, eps: number): Value {
  const rs = b.op('tfl.RSQRT', [b.op('tfl.ADD', [variance, b.scalar(variance.dtype, eps)])]);
  const m = b.op('tfl.MUL', [scale, rs]);
  const shift = b.op('tfl.SUB', [offset, b.op('tfl.MUL', [mean, m])]);
  return b.op('tfl.ADD', [b.op('tfl.MUL', [x, m]), shift]);
}
