// The basic RNN cell shared by RNN and UNIDIRECTIONAL_SEQUENCE_RNN (TFLite's RnnBatchStep):
// h = act(bias + W·x + R·h_prev), float32 or hybrid (int8 weights, inputs quantized on the fly).
import type { Node } from '../../../ir';
import type { KernelContext, Tensor, TypedArray } from '../../../kernel';
import { activationAttr, boolAttr, fail, requireInput } from './conv-utils';
import { addMatVec, applyActivation, lstmScratch } from './lstm-utils';

export function checkRnn(node: Node): true | string {
  const [input, w, r, , h] = node.inputs;
  if (!input || !w || !r || !h) return 'input, weights, recurrent weights and hidden state are required';
  if (input.dtype !== 'f32') return `RNN supports float32 input only (and int8 hybrid weights), got ${input.dtype}`;
  if (!['f32', 'i8'].includes(w.dtype) || w.dtype !== r.dtype) return `weights dtypes ${w.dtype}/${r.dtype} are not supported`;
  if (h.dtype !== 'f32') return `hidden state must be float32, got ${h.dtype}`;
  return true;
}

/**
 * Runs `steps` RNN steps; `row(b, s)` gives the input/output row index of batch b at step s.
 * The hidden state (input 4) is updated in place.
 */
export function runRnn(ctx: KernelContext, nBatch: number, steps: number, outShape: number[], row: (b: number, s: number) => number): void {
  const input = requireInput(ctx, 0, 'input');
  const w = requireInput(ctx, 1, 'weights');
  const r = requireInput(ctx, 2, 'recurrent_weights');
  const bias = ctx.inputs[3];
  const hidden = requireInput(ctx, 4, 'hidden_state');
  const [nUnits, nInput] = w.shape as [number, number];
  if (input.shape[input.shape.length - 1] !== nInput) fail(ctx.node, `input [${input.shape}] does not match weights [${w.shape}]`);
  if (hidden.data.length !== nBatch * nUnits) fail(ctx.node, `hidden state has ${hidden.data.length} values, expected ${nBatch * nUnits}`);
  const out = ctx.output(0, outShape).data as Float32Array;
  const x = input.data as Float32Array;
  const h = hidden.data as Float32Array;
  const act = activationAttr(ctx.attrs);
  const asym = boolAttr(ctx.attrs, 'asymmetricQuantizeInputs');
  const s = lstmScratch(1, nUnits, Math.max(nInput, nUnits));
  const acc = new Float64Array(nUnits);
  const b0 = bias ? (bias.data as TypedArray) : undefined;
  for (let b = 0; b < nBatch; b++) {
    const hb = h.subarray(b * nUnits, (b + 1) * nUnits);
    for (let st = 0; st < steps; st++) {
      const ri = row(b, st);
      for (let u = 0; u < nUnits; u++) acc[u] = b0 ? (b0[u] as number) : 0;
      addMatVec(acc, w as Tensor, x, ri * nInput, nInput, 1, nUnits, nInput, s, asym);
      addMatVec(acc, r as Tensor, hb, 0, nUnits, 1, nUnits, nUnits, s, asym);
      for (let u = 0; u < nUnits; u++) {
        const v = applyActivation(act, acc[u]!);
        hb[u] = v;
        out[ri * nUnits + u] = v;
      }
    }
  }
}
