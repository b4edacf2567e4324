// Unary/binary/compare/logical element-wise ops, activations, softmax, reductions,
// quantize/dequantize/fake-quant/bitcast, arg max/min, top-k, select and cumsum of the reference
// backend.
import type { KernelConfig } from '../../kernel';
import { abs } from './kernels/Abs';
import { add } from './kernels/Add';
import { addN } from './kernels/AddN';
import { argMax } from './kernels/ArgMax';
import { argMin } from './kernels/ArgMin';
import { atan2 } from './kernels/Atan2';
import { bitcast } from './kernels/Bitcast';
import { bitwiseXor } from './kernels/BitwiseXor';
import { bucketize } from './kernels/Bucketize';
import { ceil } from './kernels/Ceil';
import { complexAbs } from './kernels/ComplexAbs';
import { cos } from './kernels/Cos';
import { cumsum } from './kernels/Cumsum';
import { dequantize } from './kernels/Dequantize';
import { div } from './kernels/Div';
import { elu } from './kernels/Elu';
import { equal } from './kernels/Equal';
import { exp } from './kernels/Exp';
import { fakeQuant } from './kernels/FakeQuant';
import { floor } from './kernels/Floor';
import { floorDiv } from './kernels/FloorDiv';
import { floorMod } from './kernels/FloorMod';
import { gelu } from './kernels/Gelu';
import { greater } from './kernels/Greater';
import { greaterEqual } from './kernels/GreaterEqual';
import { hardSwish } from './kernels/HardSwish';
import { imag } from './kernels/Imag';
import { leakyRelu } from './kernels/LeakyRelu';
import { less } from './kernels/Less';
import { lessEqual } from './kernels/LessEqual';
import { log } from './kernels/Log';
import { logicalAnd } from './kernels/LogicalAnd';
import { logicalNot } from './kernels/LogicalNot';
import { logicalOr } from './kernels/LogicalOr';
import { logistic } from './kernels/Logistic';
import { logSoftmax } from './kernels/LogSoftmax';
import { maximum } from './kernels/Maximum';
import { mean } from './kernels/Mean';
import { minimum } from './kernels/Minimum';
import { mul } from './kernels/Mul';
import { neg } from './kernels/Neg';
import { notEqual } from './kernels/NotEqual';
import { pow } from './kernels/Pow';
import { prelu } from './kernels/Prelu';
import { quantize } from './kernels/Quantize';
import { real } from './kernels/Real';
import { reduceAll } from './kernels/ReduceAll';
import { reduceAny } from './kernels/ReduceAny';
import { reduceMax } from './kernels/ReduceMax';
import { reduceMin } from './kernels/ReduceMin';
import { reduceProd } from './kernels/ReduceProd';
import { relu } from './kernels/Relu';
import { relu0To1 } from './kernels/Relu0To1';
import { relu6 } from './kernels/Relu6';
import { reluN1To1 } from './kernels/ReluN1To1';
import { rightShift } from './kernels/RightShift';
import { round } from './kernels/Round';
import { rsqrt } from './kernels/Rsqrt';
import { select } from './kernels/Select';
import { selectV2 } from './kernels/SelectV2';
import { sign } from './kernels/Sign';
import { sin } from './kernels/Sin';
import { softmax } from './kernels/Softmax';
import { sqrt } from './kernels/Sqrt';
import { square } from './kernels/Square';
import { squaredDifference } from './kernels/SquaredDifference';
import { sub } from './kernels/Sub';
import { sum } from './kernels/Sum';
import { tanh } from './kernels/Tanh';
import { topkV2 } from './kernels/TopkV2';

export const elementwiseKernels: KernelConfig[] = [
  // binary arithmetic
  add, sub, mul, div, floorDiv, floorMod, pow, squaredDifference, maximum, minimum, addN, atan2, bitwiseXor, rightShift,
  // comparisons and logic
  equal, notEqual, less, lessEqual, greater, greaterEqual, logicalAnd, logicalOr, logicalNot, select, selectV2,
  // unary math
  abs, neg, exp, log, sqrt, rsqrt, square, sin, cos, floor, ceil, round, sign, bucketize, complexAbs, real, imag,
  // activations
  relu, relu6, reluN1To1, relu0To1, leakyRelu, prelu, elu, hardSwish, logistic, tanh, gelu, softmax, logSoftmax,
  // reductions
  mean, sum, reduceProd, reduceMax, reduceMin, reduceAny, reduceAll,
  // quantization, indices, scans
  quantize, dequantize, fakeQuant, bitcast, argMax, argMin, topkV2, cumsum,
];
