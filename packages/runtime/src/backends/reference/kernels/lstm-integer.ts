// TFLite's full-integer LSTM ("8x8_16": int8 input/output state, int16 cell state, int8 weights,
// int32 biases, int16 layer-norm weights and peepholes): PopulateQuantizedLstmParams8x8_16 and
// LstmStepInteger8x8_16, step for step. Gates live in Q3.12 int16; sigmoid/tanh are gemmlowp's.
import type { Node } from '../../../ir';
import type { TypedArray } from '../../../kernel';
import { fail } from './conv-utils';
import { logisticQ16, tanhQ16 } from './fixed-point16';
import type { LstmTensors } from './lstm-utils';
import { intermediatesOf } from './lstm-utils';
import { invSqrtQuantizedMultiplierExp, multiplyByQuantizedMultiplier, quantizeMultiplier, roundingDivideByPOT } from './nn-quant-utils';

interface Gate {
  wx?: Int8Array; wh?: Int8Array;            // input / recurrent weights
  xBias?: Int32Array; hBias?: Int32Array;    // effective biases (bias + zero-point folding)
  xA: number; xB: number; hA: number; hB: number;
  peep?: Int16Array; pA: number; pB: number;
  ln?: Int16Array; lnBias?: Int32Array; lnA: number; lnB: number; lnGuard: number;
}

export interface IntegerLstmParams {
  gates: [Gate | undefined, Gate, Gate, Gate]; // input (absent with CIFG), forget, cell, output
  cellScale: number;          // log2 of the cell-state scale
  cellClip: number; projClip: number;
  hiddenA: number; hiddenB: number; hiddenZp: number;
  proj?: Int8Array; projBias?: Int32Array; projA: number; projB: number;
  outputZp: number;
  nInput: number; nCell: number; nOutput: number;
}

const f = Math.fround;
const sc = (t: { quant?: { scale: number[] } } | undefined): number => t?.quant?.scale[0] ?? 1;
const zp = (t: { quant?: { zeroPoint: number[] } } | undefined): number => t?.quant?.zeroPoint[0] ?? 0;

/** bias[r] + zeroPoint · Σ_c W[r, c] (TFLite's PrecomputeZeroPointTimesWeightWithBias). */
function effectiveBias(w: Int8Array, rows: number, cols: number, zeroPoint: number, bias: Int32Array | undefined): Int32Array {
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += w[r * cols + c]!;
    out[r] = ((bias ? bias[r]! : 0) + zeroPoint * s) | 0;
  }
  return out;
}

export function checkIntegerLstm(node: Node, inputIdx = 0, stateIdx = [18, 19]): true | string {
  const input = node.inputs[inputIdx];
  const cell = node.inputs[stateIdx[1]!];
  const outState = node.inputs[stateIdx[0]!];
  if (!input || !cell || !outState) return 'input and state tensors are required';
  if (input.dtype !== 'i8' || cell.dtype !== 'i16' || outState.dtype !== 'i8') {
    return `integer LSTM needs int8 input/output state and int16 cell state, got ${input.dtype}/${outState.dtype}/${cell.dtype}`;
  }
  const inter = intermediatesOf(node);
  if (inter.length !== 5) return `integer LSTM needs the 5 quantization intermediates TFLite's converter emits (found ${inter.length}); the 8x8_8 variant is not supported`;
  const s = cell.quant?.scale[0] ?? 0;
  if (!(s > 0) || !Number.isInteger(Math.log2(s))) return `cell state scale ${s} must be a power of two`;
  return true;
}

export function prepareIntegerLstm(node: Node, t: LstmTensors, input: { quant?: { scale: number[]; zeroPoint: number[] } }, cellClip: number, projClip: number): IntegerLstmParams {
  const inter = intermediatesOf(node);
  const useLn = !!t.forgetLayerNorm;
  const interScale: number[] = [];
  const interZp: number[] = [];
  for (let i = 0; i < 4; i++) {
    if (useLn) { interScale.push(sc(inter[i])); interZp.push(zp(inter[i])); }
    else { interScale.push(2 ** -12); interZp.push(0); }
  }
  interScale.push(sc(inter[4]));
  interZp.push(zp(inter[4]));
  const cellScale = Math.round(Math.log2(sc(t.cellState)));
  const inputScale = sc(input);
  const outScale = sc(t.outputState);
  const nCell = t.inputToForget.shape[0]!;
  const nInput = t.inputToForget.shape[1]!;
  const nOutput = t.recurrentToForget.shape[1]!;
  const inputOffset = -zp(input);
  const outOffset = -zp(t.outputState);
  const q = (v: number): [number, number] => quantizeMultiplier(v);
  const i8 = (x?: { data: unknown }) => x?.data as Int8Array | undefined;
  const i16 = (x?: { data: unknown }) => x?.data as Int16Array | undefined;
  const i32 = (x?: { data: unknown }) => x?.data as Int32Array | undefined;

  const mkGate = (g: number, wx: LstmTensors['inputToForget'] | undefined, wh: LstmTensors['inputToForget'] | undefined,
    peep: LstmTensors['cellToForget'], ln: LstmTensors['forgetLayerNorm'], bias: LstmTensors['forgetGateBias']): Gate | undefined => {
    if (!wx || !wh) return undefined;
    const [xA, xB] = q(f(f(sc(wx) * inputScale) / interScale[g]!));
    const [hA, hB] = q(f(f(sc(wh) * outScale) / interScale[g]!));
    const gate: Gate = {
      wx: i8(wx), wh: i8(wh), xA, xB, hA, hB, pA: 0, pB: 0, lnA: 0, lnB: 0, lnGuard: 1,
      xBias: effectiveBias(i8(wx)!, nCell, nInput, inputOffset, useLn ? undefined : i32(bias)),
      hBias: effectiveBias(i8(wh)!, nCell, nOutput, outOffset, undefined),
    };
    if (peep) {
      gate.peep = i16(peep);
      [gate.pA, gate.pB] = q(f((2 ** cellScale * sc(peep)) / interScale[g]!));
    }
    if (useLn && ln) {
      gate.ln = i16(ln);
      gate.lnBias = i32(bias) ?? new Int32Array(nCell);
      [gate.lnA, gate.lnB] = q(sc(ln));
      gate.lnGuard = Math.max(1, Math.trunc(10000 * sc(ln)));
    }
    return gate;
  };
  const gates: IntegerLstmParams['gates'] = [
    mkGate(0, t.inputToInput, t.recurrentToInput, t.cellToInput, t.inputLayerNorm, t.inputGateBias),
    mkGate(1, t.inputToForget, t.recurrentToForget, t.cellToForget, t.forgetLayerNorm, t.forgetGateBias)!,
    mkGate(2, t.inputToCell, t.recurrentToCell, undefined, t.cellLayerNorm, t.cellGateBias)!,
    mkGate(3, t.inputToOutput, t.recurrentToOutput, t.cellToOutput, t.outputLayerNorm, t.outputGateBias)!,
  ];
  const [hiddenA, hiddenB] = q(f((2 ** -15 / interScale[4]!) * 2 ** -15));
  const p: IntegerLstmParams = {
    gates, cellScale, hiddenA, hiddenB, hiddenZp: interZp[4]!, projA: 0, projB: 0, outputZp: zp(t.outputState),
    cellClip: cellClip > 0 ? Math.trunc(Math.min(Math.max(f(cellClip / sc(t.cellState)), -32768), 32767)) : 0,
    projClip: projClip > 0 ? Math.trunc(Math.min(Math.max(f(projClip / outScale), -128), 127)) : 0,
    nInput, nCell, nOutput,
  };
  if (t.projectionWeights) {
    p.proj = i8(t.projectionWeights);
    p.projBias = effectiveBias(p.proj!, nOutput, nCell, p.hiddenZp, i32(t.projectionBias));
    [p.projA, p.projB] = q(f(f(sc(t.projectionWeights) * interScale[4]!) / outScale));
  }
  return p;
}

const clamp16 = (v: number): number => (v > 32767 ? 32767 : v < -32768 ? -32768 : v);

/** out[b, r] = sat16(out + MBQM(bias[r] + Σ W[r, c]·v[b, c])) (int8 × int8 → int16 gate). */
function matVecToGate(out: Int16Array, w: Int8Array, bias: Int32Array, a: number, b: number, v: ArrayLike<number>, vOff: number, vStride: number, nBatch: number, rows: number, cols: number): void {
  for (let bi = 0; bi < nBatch; bi++) {
    const vb = vOff + bi * vStride;
    for (let r = 0; r < rows; r++) {
      let acc = bias[r]!;
      for (let c = 0; c < cols; c++) acc += w[r * cols + c]! * (v[vb + c] as number);
      const i = bi * rows + r;
      out[i] = clamp16(multiplyByQuantizedMultiplier(acc | 0, a, b) + out[i]!);
    }
  }
}

function layerNorm(g: Int16Array, w: Int16Array, bias: Int32Array, a: number, b: number, guard: number, nBatch: number, n: number): void {
  for (let bi = 0; bi < nBatch; bi++) {
    let sum = 0;
    let sumSq = 0;
    for (let j = 0; j < n; j++) { const v = g[bi * n + j]!; sum += v; sumSq += v * v; }
    const mean = Math.trunc((sum * 1024) / n) | 0;
    const temp = Math.trunc((1 << 20) / n);
    // int64 arithmetic: sumSq·temp − mean² (both exact in doubles for int16 gates)
    const variance = sumSq * temp - mean * mean;
    let variance2 = Math.trunc(variance / (1 << 20)) | 0;
    if (variance2 < 1) variance2 = guard;
    const [ia, ib] = invSqrtQuantizedMultiplierExp(variance2, -1);
    for (let j = 0; j < n; j++) {
      const shifted = (1024 * g[bi * n + j]! - mean) | 0;
      const rescaled = multiplyByQuantizedMultiplier(shifted, ia, ib);
      const val3 = (Math.imul(rescaled, w[j]!) + bias[j]!) | 0;
      const val4 = Math.trunc((val3 > 0 ? val3 + 512 : val3 - 512) / 1024);
      g[bi * n + j] = clamp16(multiplyByQuantizedMultiplier(val4, a, b + 12));
    }
  }
}

function computeGate(g: Gate, out: Int16Array, x: TypedArray, xOff: number, xStride: number, h: Int8Array, cell: Int16Array,
  nBatch: number, p: IntegerLstmParams, sigmoid: boolean): void {
  out.fill(0, 0, nBatch * p.nCell);
  matVecToGate(out, g.wx!, g.xBias!, g.xA, g.xB, x as Int8Array, xOff, xStride, nBatch, p.nCell, p.nInput);
  matVecToGate(out, g.wh!, g.hBias!, g.hA, g.hB, h, 0, p.nOutput, nBatch, p.nCell, p.nOutput);
  if (g.peep) {
    for (let bi = 0; bi < nBatch; bi++) {
      for (let c = 0; c < p.nCell; c++) {
        const i = bi * p.nCell + c;
        out[i] = clamp16(multiplyByQuantizedMultiplier(g.peep[c]! * cell[i]!, g.pA, g.pB) + out[i]!);
      }
    }
  }
  if (g.ln) layerNorm(out, g.ln, g.lnBias!, g.lnA, g.lnB, g.lnGuard, nBatch, p.nCell);
  for (let i = 0; i < nBatch * p.nCell; i++) out[i] = sigmoid ? logisticQ16(out[i]!, 3) : tanhQ16(out[i]!, 3);
}

export interface IntegerScratch { gates: Int16Array[]; tanh: Int16Array; hidden: Int8Array }

export function integerScratch(nBatch: number, nCell: number): IntegerScratch {
  return { gates: [0, 1, 2, 3].map(() => new Int16Array(nBatch * nCell)), tanh: new Int16Array(nBatch * nCell), hidden: new Int8Array(nBatch * nCell) };
}

/**
 * One integer LSTM step over `nBatch` rows of the state starting at row `batchOffset`; the new
 * output state is also written to out[outOff + b·outStride …].
 */
export function lstmStepInteger(p: IntegerLstmParams, x: TypedArray, xOff: number, xStride: number, nBatch: number,
  outState: Int8Array, cellState: Int16Array, batchOffset: number, out: Int8Array, outOff: number, outStride: number, s: IntegerScratch): void {
  const { nCell, nOutput } = p;
  const h = outState.subarray(batchOffset * nOutput, (batchOffset + nBatch) * nOutput);
  const cell = cellState.subarray(batchOffset * nCell, (batchOffset + nBatch) * nCell);
  const [ig, fg, cg, og] = s.gates as [Int16Array, Int16Array, Int16Array, Int16Array];
  const cifg = !p.gates[0];
  if (!cifg) computeGate(p.gates[0]!, ig, x, xOff, xStride, h, cell, nBatch, p, true);
  computeGate(p.gates[1], fg, x, xOff, xStride, h, cell, nBatch, p, true);
  computeGate(p.gates[2], cg, x, xOff, xStride, h, cell, nBatch, p, false);
  // UpdateLstmCellInteger
  const n = nBatch * nCell;
  const shift = 30 + p.cellScale;
  for (let i = 0; i < n; i++) {
    const kept = (roundingDivideByPOT(fg[i]! * cell[i]!, 15) << 16) >> 16;
    const inGate = cifg ? 32767 - fg[i]! : ig[i]!;
    const added = (roundingDivideByPOT(inGate * cg[i]!, shift) << 16) >> 16;
    let c = clamp16(kept + added);
    if (p.cellClip > 0) c = c > p.cellClip ? p.cellClip : c < -p.cellClip ? -p.cellClip : c;
    cell[i] = c;
  }
  computeGate(p.gates[3], og, x, xOff, xStride, h, cell, nBatch, p, true);
  // CalculateLstmOutputInteger8x8_16
  const tanhShift = 15 + p.cellScale - 3;
  for (let i = 0; i < n; i++) {
    s.tanh[i] = tanhShift < 0 ? tanhQ16(cell[i]! >> -tanhShift, 3) : tanhQ16(cell[i]!, 15 + p.cellScale);
  }
  for (let i = 0; i < n; i++) {
    // TFLite subtracts the hidden zero point here and adds it back in the projection bias.
    const v = multiplyByQuantizedMultiplier(og[i]! * s.tanh[i]!, p.hiddenA, p.hiddenB) - p.hiddenZp;
    s.hidden[i] = v < -128 ? -128 : v > 127 ? 127 : v;
  }
  if (p.proj) {
    for (let bi = 0; bi < nBatch; bi++) {
      for (let r = 0; r < nOutput; r++) {
        let acc = p.projBias![r]!;
        for (let c = 0; c < nCell; c++) acc += p.proj[r * nCell + c]! * s.hidden[bi * nCell + c]!;
        let v = multiplyByQuantizedMultiplier(acc | 0, p.projA, p.projB) + p.outputZp;
        v = v > 127 ? 127 : v < -128 ? -128 : v;
        if (p.projClip > 0) v = v > p.projClip ? p.projClip : v < -p.projClip ? -p.projClip : v;
        h[bi * nOutput + r] = v;
      }
    }
  } else {
    if (nOutput !== nCell) fail({ op: 'LSTM', name: '' } as Node, 'without projection the output size must equal the cell size');
    h.set(s.hidden.subarray(0, n));
  }
  for (let bi = 0; bi < nBatch; bi++) for (let r = 0; r < nOutput; r++) out[outOff + bi * outStride + r] = h[bi * nOutput + r]!;
}
