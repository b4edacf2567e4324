// tfl.BIDIRECTIONAL_SEQUENCE_LSTM: a forward and a backward LSTM (TFLite's cell, float32 or
// hybrid) over the same sequence; the backward one walks time in reverse. Outputs fw [.., nFwOut]
// and bw [.., nBwOut], or one concatenated output with mergeOutputs. Inputs follow TFLite:
// 0 input, 1–17 forward weights/biases/projection, 18–34 backward, 35/36 forward output/cell
// state, 37/38 backward states, 39–47 auxiliary input and weights (not supported).
import type { KernelConfig, KernelContext } from '../../../kernel';
import { activationAttr, boolAttr, fail, floatAttr, requireInput } from './conv-utils';
import { type LstmIndexMap, checkFloatLstm, lstmScratch, lstmStepFloat, lstmTensors } from './lstm-utils';

const NONE = -1;
function direction(first: number, proj: number, states: [number, number]): LstmIndexMap {
  return {
    input: 0,
    inputToInput: first, inputToForget: first + 1, inputToCell: first + 2, inputToOutput: first + 3,
    recurrentToInput: first + 4, recurrentToForget: first + 5, recurrentToCell: first + 6, recurrentToOutput: first + 7,
    cellToInput: first + 8, cellToForget: first + 9, cellToOutput: first + 10,
    inputGateBias: first + 11, forgetGateBias: first + 12, cellGateBias: first + 13, outputGateBias: first + 14,
    projectionWeights: proj, projectionBias: proj + 1, outputState: states[0], cellState: states[1],
    inputLayerNorm: NONE, forgetLayerNorm: NONE, cellLayerNorm: NONE, outputLayerNorm: NONE,
  };
}
const FW = direction(1, 16, [35, 36]);
const BW = direction(18, 33, [37, 38]);

function runDirection(ctx: KernelContext, map: LstmIndexMap, reverse: boolean, out: Float32Array, outOffset: number, outStride: number): void {
  const input = requireInput(ctx, 0, 'input');
  const timeMajor = boolAttr(ctx.attrs, 'timeMajor');
  const [d0, d1, nInput] = input.shape as [number, number, number];
  const nBatch = timeMajor ? d1 : d0;
  const steps = timeMajor ? d0 : d1;
  const t = lstmTensors(ctx, map);
  const nCell = t.inputToForget.shape[0]!;
  const nOutput = t.recurrentToForget.shape[1]!;
  const opts = {
    act: activationAttr({ fusedActivationFunction: ctx.attrs.fusedActivationFunction ?? 'TANH' }),
    cellClip: floatAttr(ctx.attrs, 'cellClip', 0), projClip: floatAttr(ctx.attrs, 'projClip', 0),
    asymmetric: boolAttr(ctx.attrs, 'asymmetricQuantizeInputs'),
  };
  const s = lstmScratch(1, nCell, Math.max(nInput, nOutput, nCell));
  const x = input.data as Float32Array;
  for (let b = 0; b < nBatch; b++) {
    for (let k = 0; k < steps; k++) {
      const st = reverse ? steps - 1 - k : k;
      const row = timeMajor ? st * nBatch + b : b * steps + st;
      lstmStepFloat(t, x, row * nInput, nInput, 1, nInput, nCell, nOutput, out, outOffset + row * outStride, outStride, opts, s, b);
    }
  }
}

export const bidirectionalSequenceLstm: KernelConfig = {
  op: 'tfl.BIDIRECTIONAL_SEQUENCE_LSTM',
  backend: 'reference',
  supports(node) {
    if (node.inputs.length < 39) return `BIDIRECTIONAL_SEQUENCE_LSTM needs 48 inputs, got ${node.inputs.length}`;
    if (node.inputs[39]) return 'the auxiliary input of BIDIRECTIONAL_SEQUENCE_LSTM is not supported';
    const fw = checkFloatLstm(node, FW);
    if (fw !== true) return fw;
    return checkFloatLstm(node, BW);
  },
  run(ctx) {
    const input = requireInput(ctx, 0, 'input');
    if (input.shape.length !== 3) fail(ctx.node, `input must be 3-D, got [${input.shape}]`);
    const [d0, d1] = input.shape as [number, number];
    const nFw = requireInput(ctx, FW.recurrentToForget, 'forward recurrent weights').shape[1]!;
    const nBw = requireInput(ctx, BW.recurrentToForget, 'backward recurrent weights').shape[1]!;
    if (boolAttr(ctx.attrs, 'mergeOutputs')) {
      const o = ctx.output(0, [d0, d1, nFw + nBw]).data as Float32Array;
      runDirection(ctx, FW, false, o, 0, nFw + nBw);
      runDirection(ctx, BW, true, o, nFw, nFw + nBw);
    } else {
      const fo = ctx.output(0, [d0, d1, nFw]).data as Float32Array;
      const bo = ctx.output(1, [d0, d1, nBw]).data as Float32Array;
      runDirection(ctx, FW, false, fo, 0, nFw);
      runDirection(ctx, BW, true, bo, 0, nBw);
    }
  },
};
