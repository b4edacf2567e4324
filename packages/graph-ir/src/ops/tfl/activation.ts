// Activations and normalizations (output shape = input shape, except PRELU which broadcasts).
import { activation, bool, float, int } from '../attrs';
import type { InferArgs } from '../define';
import { declared, expectRank, input, like, vt } from '../infer/util';
import { inferBroadcast } from '../infer/broadcast';
import { tflOp } from './op';

const act = (doc: string, optionsTable?: string, attrs = {}) => ({
  category: 'activation',
  inputs: ['input'],
  ...(optionsTable ? { optionsTable } : {}),
  attrs,
  doc,
  infer: (a: InferArgs) => [like(a)],
});

export const RELU = tflOp('RELU', act('max(x, 0).'));
export const RELU6 = tflOp('RELU6', act('min(max(x, 0), 6).'));
export const RELU_N1_TO_1 = tflOp('RELU_N1_TO_1', act('min(max(x, -1), 1).'));
export const RELU_0_TO_1 = tflOp('RELU_0_TO_1', act('min(max(x, 0), 1).'));
export const LOGISTIC = tflOp('LOGISTIC', act('Sigmoid 1 / (1 + e^-x).'));
export const TANH = tflOp('TANH', act('tanh(x).'));
export const ELU = tflOp('ELU', act('x if x > 0 else e^x - 1.'));
export const HARD_SWISH = tflOp('HARD_SWISH', act('x * relu6(x + 3) / 6.', 'HardSwishOptions'));
export const GELU = tflOp('GELU', act('x * Φ(x); approximate uses the tanh form.', 'GeluOptions', { approximate: bool() }));
export const LEAKY_RELU = tflOp('LEAKY_RELU', act('x if x >= 0 else alpha * x.', 'LeakyReluOptions', { alpha: float() }));

export const PRELU = tflOp('PRELU', {
  category: 'activation',
  inputs: ['input', 'alpha'],
  doc: 'x if x >= 0 else alpha * x, alpha broadcast against the input (usually one slope per channel).',
  infer: (a) => inferBroadcast(a),
});

export const SOFTMAX = tflOp('SOFTMAX', {
  ...act('exp(beta * x) normalized over the last axis. Quantized int8 input may produce int16 output (the declared output dtype is kept then).', 'SoftmaxOptions', { beta: float() }),
  category: 'softmax',
  infer(a) {
    const x = like(a);
    const out = declared(a, 0)?.dtype;
    return [x.dtype === 'i8' && out === 'i16' ? vt(out, x.shape) : x];
  },
});
export const LOG_SOFTMAX = tflOp('LOG_SOFTMAX', { ...act('log(softmax(x)) over the last axis.', 'LogSoftmaxOptions'), category: 'softmax' });

export const L2_NORMALIZATION = tflOp('L2_NORMALIZATION', {
  ...act('x / sqrt(max(sum(x²), ε)) over the last axis (fusedActivationFunction is stored but not applied).', 'L2NormOptions', {
    fusedActivationFunction: activation(),
  }),
  category: 'normalization',
});

export const LOCAL_RESPONSE_NORMALIZATION = tflOp('LOCAL_RESPONSE_NORMALIZATION', {
  category: 'normalization',
  inputs: ['input'],
  optionsTable: 'LocalResponseNormalizationOptions',
  attrs: { radius: int(), bias: float(), alpha: float(), beta: float() },
  doc: 'x / (bias + alpha * sum of x² over 2*radius+1 neighbouring channels) ** beta, NHWC.',
  infer: (a) => {
    expectRank(input(a, 0, 'input'), 4, 'input');
    return [like(a)];
  },
});
