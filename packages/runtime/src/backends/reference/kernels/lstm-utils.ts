// What the LSTM kernels (LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM, BIDIRECTIONAL_SEQUENCE_LSTM) share:
// the TFLite input layout, one float/hybrid time step (TFLite's LstmStepFloat / LstmStepHybrid),
// and the sequence loop. The full-integer 8x8_16 step lives in lstm-integer.ts.
import type { Node, Value } from '../../../ir';
import type { KernelContext, Tensor, TypedArray } from '../../../kernel';
import { type Activation } from './nn-quant-utils';
import { asymmetricQuantizeFloats, symmetricQuantizeFloats } from './nn-quant-utils';
import { fail } from './conv-utils';

/** TFLite's LSTM input order (kInputTensor …); sequence LSTMs use the same first 24. */
export const LSTM_IN = {
  input: 0, inputToInput: 1, inputToForget: 2, inputToCell: 3, inputToOutput: 4,
  recurrentToInput: 5, recurrentToForget: 6, recurrentToCell: 7, recurrentToOutput: 8,
  cellToInput: 9, cellToForget: 10, cellToOutput: 11,
  inputGateBias: 12, forgetGateBias: 13, cellGateBias: 14, outputGateBias: 15,
  projectionWeights: 16, projectionBias: 17, outputState: 18, cellState: 19,
  inputLayerNorm: 20, forgetLayerNorm: 21, cellLayerNorm: 22, outputLayerNorm: 23,
} as const;

/** The tensors of one LSTM direction (indices into ctx.inputs given by `at`). */
export interface LstmTensors {
  inputToInput?: Tensor; inputToForget: Tensor; inputToCell: Tensor; inputToOutput: Tensor;
  recurrentToInput?: Tensor; recurrentToForget: Tensor; recurrentToCell: Tensor; recurrentToOutput: Tensor;
  cellToInput?: Tensor; cellToForget?: Tensor; cellToOutput?: Tensor;
  inputGateBias?: Tensor; forgetGateBias?: Tensor; cellGateBias?: Tensor; outputGateBias?: Tensor;
  projectionWeights?: Tensor; projectionBias?: Tensor;
  outputState: Tensor; cellState: Tensor;
  inputLayerNorm?: Tensor; forgetLayerNorm?: Tensor; cellLayerNorm?: Tensor; outputLayerNorm?: Tensor;
}

export type LstmIndexMap = { [K in keyof typeof LSTM_IN]: number };

export function lstmTensors(ctx: KernelContext, map: LstmIndexMap = LSTM_IN): LstmTensors {
  const t = {} as Record<string, Tensor | undefined>;
  for (const [k, i] of Object.entries(map)) if (k !== 'input') t[k] = i >= 0 ? ctx.inputs[i] : undefined;
  for (const k of ['inputToForget', 'inputToCell', 'inputToOutput', 'recurrentToForget', 'recurrentToCell', 'recurrentToOutput', 'outputState', 'cellState']) {
    if (!t[k]) fail(ctx.node, `missing required LSTM tensor ${k}`);
  }
  return t as unknown as LstmTensors;
}

/** The node's TFLite intermediates (quantized LSTMs keep gate scales there). */
export function intermediatesOf(node: Node): Value[] {
  return (node as Node & { intermediates?: Value[] }).intermediates ?? [];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function applyActivation(act: Activation | 'SIGMOID', x: number): number {
  switch (act) {
    case 'SIGMOID': return sigmoid(x);
    case 'TANH': return Math.tanh(x);
    case 'RELU': return x < 0 ? 0 : x;
    case 'RELU6': return x < 0 ? 0 : x > 6 ? 6 : x;
    case 'RELU_N1_TO_1': return x < -1 ? -1 : x > 1 ? 1 : x;
    case 'SIGN_BIT': return x < 0 ? 1 : 0;
    default: return x;
  }
}

/** dtype checks shared by the float/hybrid LSTMs. */
export function checkFloatLstm(node: Node, map: LstmIndexMap = LSTM_IN): true | string {
  const input = node.inputs[map.input];
  const w = node.inputs[map.inputToForget];
  if (!input || !w) return 'input and input-to-forget weights are required';
  if (input.dtype === 'f32' && (w.dtype === 'f32' || w.dtype === 'i8')) return true;
  return `input/weights dtypes ${input.dtype}/${w.dtype} are not supported (f32/f32, f32/i8 hybrid, i8/i8 with int16 cell state)`;
}

// ---------------------------------------------------------------------------------------------
// float / hybrid step

/** Scratch reused across steps, sized per (batch, cell, output). */
export interface LstmScratch {
  gates: Float64Array[];   // input, forget, cell, output: [batch · nCell]
  hidden: Float64Array;    // [batch · nCell]
  proj: Float64Array;      // [batch · nMax] projection accumulator
  fVec: Float32Array;      // hybrid: one float row to quantize
  qVec: Int8Array;         // hybrid: quantized vector
  sf: Float32Array;        // hybrid: per-batch scale
  zp: Int32Array;          // hybrid: per-batch zero point
}

export function lstmScratch(nBatch: number, nCell: number, nMax: number): LstmScratch {
  return {
    gates: [0, 1, 2, 3].map(() => new Float64Array(nBatch * nCell)),
    hidden: new Float64Array(nBatch * nCell),
    proj: new Float64Array(nBatch * nMax), fVec: new Float32Array(nMax),
    qVec: new Int8Array(nBatch * nMax), sf: new Float32Array(nBatch), zp: new Int32Array(nBatch),
  };
}

function scaleOf(t: Tensor): number {
  return t.quant?.scale[0] ?? 1;
}

/**
 * gate[b, r] += Σ_c W[r, c] · v[b, c]. Float weights multiply directly; int8 weights (hybrid)
 * multiply the per-batch quantized vector and scale back as TFLite's hybrid matmul does.
 */
export function addMatVec(gate: Float64Array, w: Tensor, v: ArrayLike<number>, vOff: number, vStride: number,
  nBatch: number, rows: number, cols: number, s: LstmScratch, asymmetric: boolean): void {
  const wd = w.data as TypedArray;
  if (w.dtype === 'f32') {
    for (let b = 0; b < nBatch; b++) {
      const vb = vOff + b * vStride;
      for (let r = 0; r < rows; r++) {
        let acc = 0;
        for (let c = 0; c < cols; c++) acc += (wd[r * cols + c] as number) * v[vb + c]!;
        gate[b * rows + r] += acc;
      }
    }
    return;
  }
  // Hybrid: quantize each batch row of v.
  const tmp = s.fVec;
  let allZero = true;
  for (let b = 0; b < nBatch && allZero; b++) for (let c = 0; c < cols; c++) if (v[vOff + b * vStride + c] !== 0) { allZero = false; break; }
  if (allZero) return; // TFLite skips the product for an all-zero vector
  const ws = scaleOf(w);
  for (let b = 0; b < nBatch; b++) {
    for (let c = 0; c < cols; c++) tmp[c] = v[vOff + b * vStride + c]!;
    let sf: number;
    let zp = 0;
    if (asymmetric) [sf, zp] = asymmetricQuantizeFloats(tmp, 0, cols, s.qVec);
    else sf = symmetricQuantizeFloats(tmp, 0, cols, s.qVec);
    const scale = Math.fround(sf * ws);
    for (let r = 0; r < rows; r++) {
      let acc = 0;
      for (let c = 0; c < cols; c++) acc += (wd[r * cols + c] as number) * (s.qVec[c]! - zp);
      gate[b * rows + r] = Math.fround(gate[b * rows + r]! + Math.fround(acc * scale));
    }
  }
}

function vecValues(t: Tensor | undefined): ((i: number) => number) | undefined {
  if (!t) return undefined;
  const d = t.data as TypedArray;
  const s = t.dtype === 'f32' ? 1 : scaleOf(t);
  return (i) => (d[i] as number) * s;
}

/** One gate: bias (or 0 with layer norm) + W·x + R·h (+ peephole), layer norm, activation. */
function gate(out: Float64Array, wx: Tensor, x: ArrayLike<number>, xOff: number, xStride: number, nInput: number,
  wh: Tensor, h: ArrayLike<number>, nOutput: number, peephole: Tensor | undefined, cell: ArrayLike<number>,
  layerNorm: Tensor | undefined, bias: Tensor | undefined, act: Activation | 'SIGMOID',
  nBatch: number, nCell: number, s: LstmScratch, asym: boolean): void {
  const bv = vecValues(bias);
  for (let b = 0; b < nBatch; b++) for (let c = 0; c < nCell; c++) out[b * nCell + c] = layerNorm || !bv ? 0 : bv(c);
  addMatVec(out, wx, x, xOff, xStride, nBatch, nCell, nInput, s, asym);
  addMatVec(out, wh, h, 0, nOutput, nBatch, nCell, nOutput, s, asym);
  const pv = vecValues(peephole);
  if (pv) for (let b = 0; b < nBatch; b++) for (let c = 0; c < nCell; c++) out[b * nCell + c] += pv(c) * cell[b * nCell + c]!;
  const lv = vecValues(layerNorm);
  if (lv) {
    for (let b = 0; b < nBatch; b++) {
      let sum = 0;
      for (let c = 0; c < nCell; c++) sum += out[b * nCell + c]!;
      const mean = sum / nCell;
      let sq = 0;
      for (let c = 0; c < nCell; c++) { const d = out[b * nCell + c]! - mean; sq += d * d; }
      const inv = 1 / Math.sqrt(sq / nCell + 1e-8);
      for (let c = 0; c < nCell; c++) out[b * nCell + c] = (out[b * nCell + c]! - mean) * inv * lv(c) + (bv ? bv(c) : 0);
    }
  }
  for (let i = 0; i < nBatch * nCell; i++) out[i] = applyActivation(act, out[i]!);
}

export interface LstmStepOptions {
  act: Activation; cellClip: number; projClip: number; asymmetric: boolean;
}

/**
 * One float/hybrid LSTM step for `nBatch` rows: reads x (rows at xOff + b·xStride), updates the
 * output state and cell state tensors in place, writes the new output state to
 * out[outOff + b·outStride …].
 */
export function lstmStepFloat(t: LstmTensors, x: ArrayLike<number>, xOff: number, xStride: number, nBatch: number, nInput: number,
  nCell: number, nOutput: number, out: Float32Array, outOff: number, outStride: number, o: LstmStepOptions, s: LstmScratch,
  batchOffset = 0): void {
  const h = t.outputState.data as Float32Array;
  const cs = t.cellState.data as Float32Array;
  const hView = h.subarray(batchOffset * nOutput, (batchOffset + nBatch) * nOutput);
  const cView = cs.subarray(batchOffset * nCell, (batchOffset + nBatch) * nCell);
  const [ig, fg, cg, og] = s.gates as [Float64Array, Float64Array, Float64Array, Float64Array];
  const cifg = !t.inputToInput;
  if (!cifg) gate(ig, t.inputToInput!, x, xOff, xStride, nInput, t.recurrentToInput!, hView, nOutput, t.cellToInput, cView, t.inputLayerNorm, t.inputGateBias, 'SIGMOID', nBatch, nCell, s, o.asymmetric);
  gate(fg, t.inputToForget, x, xOff, xStride, nInput, t.recurrentToForget, hView, nOutput, t.cellToForget, cView, t.forgetLayerNorm, t.forgetGateBias, 'SIGMOID', nBatch, nCell, s, o.asymmetric);
  gate(cg, t.inputToCell, x, xOff, xStride, nInput, t.recurrentToCell, hView, nOutput, undefined, cView, t.cellLayerNorm, t.cellGateBias, o.act, nBatch, nCell, s, o.asymmetric);
  for (let i = 0; i < nBatch * nCell; i++) {
    let c = fg[i]! * cView[i]! + cg[i]! * (cifg ? 1 - fg[i]! : ig[i]!);
    if (o.cellClip > 0) c = c > o.cellClip ? o.cellClip : c < -o.cellClip ? -o.cellClip : c;
    cView[i] = c;
  }
  gate(og, t.inputToOutput, x, xOff, xStride, nInput, t.recurrentToOutput, hView, nOutput, t.cellToOutput, cView, t.outputLayerNorm, t.outputGateBias, 'SIGMOID', nBatch, nCell, s, o.asymmetric);
  const hid = s.hidden;
  for (let i = 0; i < nBatch * nCell; i++) hid[i] = og[i]! * applyActivation(o.act, cView[i]!);
  if (t.projectionWeights) {
    const pb = vecValues(t.projectionBias);
    const proj = s.proj;
    for (let b = 0; b < nBatch; b++) for (let r = 0; r < nOutput; r++) proj[b * nOutput + r] = pb ? pb(r) : 0;
    addMatVec(proj, t.projectionWeights, hid, 0, nCell, nBatch, nOutput, nCell, s, o.asymmetric);
    for (let i = 0; i < nBatch * nOutput; i++) {
      let v = proj[i]!;
      if (o.projClip > 0) v = v > o.projClip ? o.projClip : v < -o.projClip ? -o.projClip : v;
      hView[i] = v;
    }
  } else {
    for (let i = 0; i < nBatch * nOutput; i++) hView[i] = hid[i]!;
  }
  for (let b = 0; b < nBatch; b++) for (let r = 0; r < nOutput; r++) out[outOff + b * outStride + r] = hView[b * nOutput + r]!;
}
