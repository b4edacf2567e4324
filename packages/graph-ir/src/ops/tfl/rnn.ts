// Recurrent layers: LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM, BIDIRECTIONAL_SEQUENCE_LSTM, RNN,
// UNIDIRECTIONAL_SEQUENCE_RNN, BIDIRECTIONAL_SEQUENCE_RNN, SVDF. State inputs are variable tensors.
import { activation, bool, enumOf, float, int } from '../attrs';
import type { InferArgs, ValueType } from '../define';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrBool, attrInt, attrStr, dimAdd, dimDiv, dimMul, fmt, input, mergeDim, vt } from '../infer/util';
import { tflOp } from './op';

/** The 23 weight/state inputs after `input` of TFLite's LSTM cell, in order ('?' = optional). */
const LSTM_PARAMS = [
  'inputToInputWeights?', 'inputToForgetWeights', 'inputToCellWeights', 'inputToOutputWeights',
  'recurrentToInputWeights?', 'recurrentToForgetWeights', 'recurrentToCellWeights', 'recurrentToOutputWeights',
  'cellToInputWeights?', 'cellToForgetWeights?', 'cellToOutputWeights?',
  'inputGateBias?', 'forgetGateBias', 'cellGateBias', 'outputGateBias',
  'projectionWeights?', 'projectionBias?',
];
const LSTM_STATE = ['outputState', 'cellState'];
const LSTM_NORM = [
  'inputLayerNormCoefficients?', 'forgetLayerNormCoefficients?', 'cellLayerNormCoefficients?', 'outputLayerNormCoefficients?',
];
const LSTM_INPUTS = ['input', ...LSTM_PARAMS, ...LSTM_STATE, ...LSTM_NORM];

/** n_output of an LSTM: columns of recurrentToOutputWeights [n_cell, n_output] at `at`. */
function lstmOutputs(a: InferArgs, at: number): Dim {
  const w = input(a, at, 'recurrentToOutputWeights');
  if (w.shape && w.shape.length !== 2) shapeMismatch(`recurrentToOutputWeights must be 2-D, got ${fmt(w.shape)}`);
  return w.shape?.[1] ?? -1;
}

/** Sequence output: the input's leading (time, batch) dims, then `units`. */
function seqOut(x: ValueType, units: Dim, dtype = x.dtype): ValueType {
  if (x.shape && x.shape.length !== 3) shapeMismatch(`sequence input must be 3-D, got ${fmt(x.shape)}`);
  return vt(dtype, x.shape ? [x.shape[0]!, x.shape[1]!, units] : [-1, -1, units]);
}

export const LSTM = tflOp('LSTM', {
  category: 'rnn',
  inputs: LSTM_INPUTS,
  outputs: ['output', 'outputState?', 'cellState?', 'activationTemp?'],
  optionsTable: 'LSTMOptions',
  attrs: {
    fusedActivationFunction: activation(), cellClip: float(), projClip: float(),
    kernelType: enumOf(['FULL', 'BASIC'], 'FULL', 'LSTMKernelType'), asymmetricQuantizeInputs: bool(),
  },
  doc: 'One LSTM step. FULL kernel: the 24 inputs listed (optional peephole, projection, layer norm; CIFG when the input gate is omitted), output [batch, n_output]. BASIC kernel (quantized 8-bit cell): inputs input, prevActivation, weights [4n, in+n], biases [4n], prevState; outputs activation [batch, n], state [batch, n], concatTemp [batch, in+n], activationTemp [batch, 4n].',
  infer(a) {
    const x = input(a, 0, 'input');
    const batch: Dim = x.shape?.[0] ?? -1;
    if (attrStr(a, 'kernelType', 'FULL') === 'BASIC') {
      const prev = input(a, 1, 'prevActivation');
      const n: Dim = prev.shape?.[1] ?? -1;
      const st = input(a, 4, 'prevState');
      return [
        vt(x.dtype, [batch, n]), vt(st.dtype, [batch, n]),
        vt(x.dtype, [batch, dimAdd(x.shape?.[1] ?? -1, n)]), vt(st.dtype, [batch, dimMul(n, 4)]),
      ].slice(0, a.numOutputs);
    }
    if (x.shape && x.shape.length !== 2) shapeMismatch(`input must be [batch, input_size], got ${fmt(x.shape)}`);
    const out = vt(x.dtype, [batch, lstmOutputs(a, 8)]);
    return Array.from({ length: Math.max(1, a.numOutputs) }, () => out);
  },
});

export const UNIDIRECTIONAL_SEQUENCE_LSTM = tflOp('UNIDIRECTIONAL_SEQUENCE_LSTM', {
  category: 'rnn',
  inputs: LSTM_INPUTS,
  optionsTable: 'UnidirectionalSequenceLSTMOptions',
  attrs: {
    fusedActivationFunction: activation(), cellClip: float(), projClip: float(), timeMajor: bool(),
    asymmetricQuantizeInputs: bool(), diagonalRecurrentTensors: bool(),
  },
  doc: 'An LSTM over a sequence [batch, time, input] ([time, batch, input] when timeMajor), same 24 inputs as LSTM; output [.., .., n_output].',
  infer: (a) => [seqOut(input(a, 0, 'input'), lstmOutputs(a, 8))],
});

/** Inputs of the bidirectional LSTM: fw and bw weights, their states, then the auxiliary input. */
const BIDI_LSTM_INPUTS = [
  'input',
  ...LSTM_PARAMS.map((n) => `fw${n[0]!.toUpperCase()}${n.slice(1)}`),
  ...LSTM_PARAMS.map((n) => `bw${n[0]!.toUpperCase()}${n.slice(1)}`),
  'fwOutputState', 'fwCellState', 'bwOutputState', 'bwCellState',
  'auxInput?',
  'fwAuxInputToInputWeights?', 'fwAuxInputToForgetWeights?', 'fwAuxInputToCellWeights?', 'fwAuxInputToOutputWeights?',
  'bwAuxInputToInputWeights?', 'bwAuxInputToForgetWeights?', 'bwAuxInputToCellWeights?', 'bwAuxInputToOutputWeights?',
];

export const BIDIRECTIONAL_SEQUENCE_LSTM = tflOp('BIDIRECTIONAL_SEQUENCE_LSTM', {
  category: 'rnn',
  inputs: BIDI_LSTM_INPUTS,
  outputs: ['fwOutput', 'bwOutput?'],
  optionsTable: 'BidirectionalSequenceLSTMOptions',
  attrs: {
    fusedActivationFunction: activation(), cellClip: float(), projClip: float(), mergeOutputs: bool(),
    timeMajor: bool(true), asymmetricQuantizeInputs: bool(),
  },
  doc: 'Forward and backward LSTMs over a sequence (48 inputs: input, 17 fw and 17 bw parameters, 4 states, auxiliary input and its 8 weights). mergeOutputs concatenates both into one output.',
  infer(a) {
    const x = input(a, 0, 'input');
    const fw = lstmOutputs(a, 8);
    const bw = lstmOutputs(a, 25);
    if (attrBool(a, 'mergeOutputs')) return [seqOut(x, dimAdd(fw, bw))];
    return [seqOut(x, fw), seqOut(x, bw)];
  },
});

const rnnAttrs = { fusedActivationFunction: activation(), asymmetricQuantizeInputs: bool() };
const rnnUnits = (a: InferArgs, at: number): Dim => input(a, at, 'weights').shape?.[0] ?? -1;

export const RNN = tflOp('RNN', {
  category: 'rnn',
  inputs: ['input', 'weights', 'recurrentWeights', 'bias', 'hiddenState'],
  optionsTable: 'RNNOptions',
  attrs: rnnAttrs,
  doc: 'One basic RNN step: h = act(input · weightsᵀ + h · recurrentWeightsᵀ + bias); output [batch, units].',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, [x.shape?.[0] ?? -1, rnnUnits(a, 1)])];
  },
});

export const UNIDIRECTIONAL_SEQUENCE_RNN = tflOp('UNIDIRECTIONAL_SEQUENCE_RNN', {
  category: 'rnn',
  inputs: ['input', 'weights', 'recurrentWeights', 'bias', 'hiddenState'],
  optionsTable: 'SequenceRNNOptions',
  attrs: { timeMajor: bool(), ...rnnAttrs },
  doc: 'A basic RNN over a sequence [batch, time, input] ([time, batch, input] when timeMajor): output [.., .., units].',
  infer: (a) => [seqOut(input(a, 0, 'input'), rnnUnits(a, 1))],
});

export const BIDIRECTIONAL_SEQUENCE_RNN = tflOp('BIDIRECTIONAL_SEQUENCE_RNN', {
  category: 'rnn',
  inputs: [
    'input', 'fwWeights', 'fwRecurrentWeights', 'fwBias', 'fwHiddenState',
    'bwWeights', 'bwRecurrentWeights', 'bwBias', 'bwHiddenState', 'auxInput?', 'fwAuxWeights?', 'bwAuxWeights?',
  ],
  outputs: ['fwOutput', 'bwOutput?'],
  optionsTable: 'BidirectionalSequenceRNNOptions',
  attrs: { timeMajor: bool(), fusedActivationFunction: activation(), mergeOutputs: bool(), asymmetricQuantizeInputs: bool() },
  doc: 'Forward and backward basic RNNs over a sequence; mergeOutputs concatenates them into one output.',
  infer(a) {
    const x = input(a, 0, 'input');
    const fw = rnnUnits(a, 1);
    const bw = rnnUnits(a, 5);
    if (attrBool(a, 'mergeOutputs')) return [seqOut(x, dimAdd(fw, bw))];
    return [seqOut(x, fw), seqOut(x, bw)];
  },
});

export const SVDF = tflOp('SVDF', {
  category: 'rnn',
  inputs: ['input', 'weightsFeature', 'weightsTime', 'bias?', 'state'],
  optionsTable: 'SVDFOptions',
  attrs: { rank: int(), fusedActivationFunction: activation(), asymmetricQuantizeInputs: bool() },
  doc: 'Singular value decomposition filter: input [batch, in], weightsFeature [filters, in], weightsTime [filters, memory], state [batch, memory * filters]; output [batch, filters / rank].',
  infer(a) {
    const x = input(a, 0, 'input');
    const wf = input(a, 1, 'weightsFeature');
    const wt = input(a, 2, 'weightsTime');
    const st = input(a, 4, 'state');
    const rank = attrInt(a, 'rank') || 1;
    const state = dimMul(wt.shape?.[0] ?? -1, wt.shape?.[1] ?? -1);
    if (st.shape?.length === 2) mergeDim(st.shape[1]!, state, `state ${fmt(st.shape)} vs memory_size * num_filters of weightsTime ${fmt(wt.shape)}`);
    return [vt(x.dtype, [x.shape?.[0] ?? -1, dimDiv(wf.shape?.[0] ?? -1, rank, 'filters by rank')])];
  },
});
