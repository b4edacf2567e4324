// The run loop shared by LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM: picks the float/hybrid or the
// integer 8x8_16 step and walks the time steps (batch-major or time-major).
import type { Node } from '../../../ir';
import type { KernelContext, TypedArray } from '../../../kernel';
import { activationAttr, boolAttr, fail, floatAttr, requireInput } from './conv-utils';
import { type IntegerLstmParams, checkIntegerLstm, integerScratch, lstmStepInteger, prepareIntegerLstm } from './lstm-integer';
import { checkFloatLstm, lstmScratch, lstmStepFloat, lstmTensors } from './lstm-utils';

export function checkLstm(node: Node): true | string {
  const input = node.inputs[0];
  if (!input) return 'input is required';
  const act = String(node.attrs.fusedActivationFunction ?? 'TANH');
  if (!['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1', 'TANH', 'SIGN_BIT'].includes(act)) return `unknown activation ${act}`;
  if (input.dtype === 'i8') {
    if (act !== 'TANH') return `integer LSTM supports the TANH activation only, got ${act}`;
    return checkIntegerLstm(node);
  }
  return checkFloatLstm(node);
}

/**
 * Runs `steps` LSTM steps. `input` is [batch, time, nInput] (or [time, batch, nInput] when
 * timeMajor; [batch, nInput] with steps = 1); the output gets the output state of every step.
 */
export function runLstm(ctx: KernelContext, sequence: boolean): void {
  const input = requireInput(ctx, 0, 'input');
  const t = lstmTensors(ctx);
  const timeMajor = sequence && boolAttr(ctx.attrs, 'timeMajor');
  const rank = input.shape.length;
  if (rank !== (sequence ? 3 : 2)) fail(ctx.node, `input must be ${sequence ? '3' : '2'}-D, got [${input.shape}]`);
  const nInput = input.shape[rank - 1]!;
  const nBatch = sequence ? input.shape[timeMajor ? 1 : 0]! : input.shape[0]!;
  const steps = sequence ? input.shape[timeMajor ? 0 : 1]! : 1;
  const nCell = t.inputToForget.shape[0]!;
  const nOutput = t.recurrentToForget.shape[1]!;
  if (t.inputToForget.shape[1] !== nInput) fail(ctx.node, `input size ${nInput} != weights input size ${t.inputToForget.shape[1]}`);
  const outShape = sequence ? (timeMajor ? [steps, nBatch, nOutput] : [nBatch, steps, nOutput]) : [nBatch, nOutput];
  const out = ctx.output(0, outShape);
  const x = input.data as TypedArray;
  // Offsets of (batch b, step s) rows in input and output.
  const inRow = (b: number, s: number): number => (timeMajor ? s * nBatch + b : b * steps + s);

  if (input.dtype === 'i8') {
    const p = (ctx.cache.lstm as IntegerLstmParams | undefined)
      ?? (ctx.cache.lstm = prepareIntegerLstm(ctx.node, t, input, floatAttr(ctx.attrs, 'cellClip', 0), floatAttr(ctx.attrs, 'projClip', 0)));
    const s = integerScratch(1, nCell);
    const o = out.data as Int8Array;
    for (let b = 0; b < nBatch; b++) {
      for (let st = 0; st < steps; st++) {
        const row = inRow(b, st);
        lstmStepInteger(p, x, row * nInput, nInput, 1, t.outputState.data as Int8Array, t.cellState.data as Int16Array, b, o, row * nOutput, nOutput, s);
      }
    }
    return;
  }
  const opts = {
    act: activationAttr({ fusedActivationFunction: ctx.attrs.fusedActivationFunction ?? 'TANH' }),
    cellClip: floatAttr(ctx.attrs, 'cellClip', 0), projClip: floatAttr(ctx.attrs, 'projClip', 0),
    asymmetric: boolAttr(ctx.attrs, 'asymmetricQuantizeInputs'),
  };
  const s = lstmScratch(1, nCell, Math.max(nInput, nOutput, nCell));
  const o = out.data as Float32Array;
  for (let b = 0; b < nBatch; b++) {
    for (let st = 0; st < steps; st++) {
      const row = inRow(b, st);
      lstmStepFloat(t, x as Float32Array, row * nInput, nInput, 1, nInput, nCell, nOutput, o, row * nOutput, nOutput, opts, s, b);
    }
  }
}
