// tfl.RNN: one step of a basic RNN cell, h = act(bias + W·x + R·h_prev).
// input [batch, nInput], weights [nUnits, nInput], recurrent weights [nUnits, nUnits],
// bias [nUnits], hidden state (variable, updated in place) → output [batch, nUnits].
// float32 and hybrid (int8 weights; asymmetricQuantizeInputs honoured).
import type { KernelConfig } from '../../../kernel';
import { requireInput } from './conv-utils';
import { checkRnn, runRnn } from './rnn-utils';

export const rnn: KernelConfig = {
  op: 'tfl.RNN',
  backend: 'reference',
  supports: checkRnn,
  run(ctx) {
    const input = requireInput(ctx, 0, 'input');
    const nUnits = requireInput(ctx, 1, 'weights').shape[0]!;
    const nBatch = input.shape[0]!;
    runRnn(ctx, nBatch, 1, [nBatch, nUnits], (b) => b);
  },
};
