// tfl.LSTM (kernelType FULL): one step of TFLite's LSTM cell with optional CIFG, peepholes,
// projection and layer norm. input [batch, nInput] → output [batch, nOutput]; the output and cell
// state variables are updated in place. float32; hybrid (float × int8 weights); full integer
// 8x8_16 (int8 activations, int16 cell state) with TFLite's effective scales.
import type { KernelConfig } from '../../../kernel';
import { checkLstm, runLstm } from './lstm-kernel';

export const lstm: KernelConfig = {
  op: 'tfl.LSTM',
  backend: 'reference',
  supports(node) {
    const kind = node.attrs.kernelType ?? 'FULL';
    if (kind !== 'FULL') return `LSTM kernelType ${String(kind)} is not supported (only FULL)`;
    if (node.inputs.length < 20) return `LSTM needs at least 20 inputs, got ${node.inputs.length}`;
    return checkLstm(node);
  },
  run: (ctx) => runLstm(ctx, false),
};
