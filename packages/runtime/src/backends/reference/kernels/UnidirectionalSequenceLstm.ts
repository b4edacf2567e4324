// tfl.UNIDIRECTIONAL_SEQUENCE_LSTM: TFLite's LSTM cell applied over time. input [batch, time,
// nInput] ([time, batch, nInput] with timeMajor) → [batch, time, nOutput]; states are updated in
// place. float32; hybrid; full integer 8x8_16 (same semantics as tfl.LSTM, see lstm-*.ts).
import type { KernelConfig } from '../../../kernel';
import { checkLstm, runLstm } from './lstm-kernel';

export const unidirectionalSequenceLstm: KernelConfig = {
  op: 'tfl.UNIDIRECTIONAL_SEQUENCE_LSTM',
  backend: 'reference',
  supports(node) {
    if (node.inputs.length < 20) return `UNIDIRECTIONAL_SEQUENCE_LSTM needs at least 20 inputs, got ${node.inputs.length}`;
    if (node.attrs.diagonalRecurrentTensors === true) return 'diagonal recurrent tensors are not supported';
    return checkLstm(node);
  },
  run: (ctx) => runLstm(ctx, true),
};
