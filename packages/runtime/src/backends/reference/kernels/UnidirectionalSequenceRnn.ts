// tfl.UNIDIRECTIONAL_SEQUENCE_RNN: the basic RNN cell over time. input [batch, time, nInput]
// ([time, batch, nInput] with timeMajor) → output of the same layout with nUnits; the hidden
// state variable is updated in place. float32 and hybrid (int8 weights).
import type { KernelConfig } from '../../../kernel';
import { boolAttr, fail, requireInput } from './conv-utils';
import { checkRnn, runRnn } from './rnn-utils';

export const unidirectionalSequenceRnn: KernelConfig = {
  op: 'tfl.UNIDIRECTIONAL_SEQUENCE_RNN',
  backend: 'reference',
  supports: checkRnn,
  run(ctx) {
    const input = requireInput(ctx, 0, 'input');
    if (input.shape.length !== 3) fail(ctx.node, `input must be 3-D, got [${input.shape}]`);
    const nUnits = requireInput(ctx, 1, 'weights').shape[0]!;
    const timeMajor = boolAttr(ctx.attrs, 'timeMajor');
    const [d0, d1] = input.shape as [number, number];
    const nBatch = timeMajor ? d1 : d0;
    const steps = timeMajor ? d0 : d1;
    runRnn(ctx, nBatch, steps, [d0, d1, nUnits], timeMajor ? (b, s) => s * nBatch + b : (b, s) => b * steps + s);
  },
};
