// Recurrent kernels: RNN, SVDF and the LSTM family against naive formulations, and the sequence
// ops against repeated single steps.
import { describe, expect, it } from 'vitest';
import type { Tensor } from '../src/kernel';
import { bidirectionalSequenceLstm } from '../src/backends/reference/kernels/BidirectionalSequenceLstm';
import { lstm } from '../src/backends/reference/kernels/Lstm';
import { rnn } from '../src/backends/reference/kernels/Rnn';
import { svdf } from '../src/backends/reference/kernels/Svdf';
import { unidirectionalSequenceLstm } from '../src/backends/reference/kernels/UnidirectionalSequenceLstm';
import { unidirectionalSequenceRnn } from '../src/backends/reference/kernels/UnidirectionalSequenceRnn';
import { runKernel, tensor } from './helpers/run-kernel';

let seed = 11;
const rand = (): number => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x80000000;
};
const randoms = (n: number, a = 0.5): number[] => Array.from({ length: n }, () => (rand() * 2 - 1) * a);
const f32 = (shape: number[], v: number[]): Tensor => tensor('f32', shape, v);
const vals = (t: Tensor): number[] => Array.from(t.data as ArrayLike<number>);
const sig = (x: number): number => 1 / (1 + Math.exp(-x));

describe('RNN', () => {
  it('computes tanh(b + Wx + Rh) and updates the hidden state', () => {
    const h = f32([1, 2], [0.5, -0.5]);
    const [y] = runKernel(rnn, [f32([1, 2], [1, 2]), f32([2, 2], [0.1, 0.2, 0.3, 0.4]), f32([2, 2], [1, 0, 0, 1]), f32([2], [0.01, 0.02]), h], { attrs: { fusedActivationFunction: 'TANH' } });
    const want = [Math.tanh(0.01 + 0.5 + 0.5), Math.tanh(0.02 + 1.1 - 0.5)];
    vals(y!).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
    vals(h).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
  });

  it('UNIDIRECTIONAL_SEQUENCE_RNN equals repeated RNN steps (batch-major and time-major)', () => {
    const [B, T, I, U] = [2, 3, 3, 4];
    const x = randoms(B * T * I);
    const w = randoms(U * I);
    const r = randoms(U * U);
    const b = randoms(U);
    const h0 = randoms(B * U);
    const hSeq = f32([B, U], h0);
    const [ys] = runKernel(unidirectionalSequenceRnn, [f32([B, T, I], x), f32([U, I], w), f32([U, U], r), f32([U], b), hSeq], { attrs: { fusedActivationFunction: 'RELU', timeMajor: false } });
    const hStep = f32([B, U], h0);
    for (let t = 0; t < T; t++) {
      const xt: number[] = [];
      for (let bi = 0; bi < B; bi++) xt.push(...x.slice((bi * T + t) * I, (bi * T + t + 1) * I));
      const [yt] = runKernel(rnn, [f32([B, I], xt), f32([U, I], w), f32([U, U], r), f32([U], b), hStep], { attrs: { fusedActivationFunction: 'RELU' } });
      for (let bi = 0; bi < B; bi++) for (let u = 0; u < U; u++) expect(vals(ys!)[(bi * T + t) * U + u]).toBeCloseTo(vals(yt!)[bi * U + u]!, 6);
    }
    expect(vals(hSeq)).toEqual(vals(hStep));
    // time-major: same numbers in [T, B, ·] layout
    const xt = new Array<number>(x.length);
    for (let bi = 0; bi < B; bi++) for (let t = 0; t < T; t++) for (let i = 0; i < I; i++) xt[(t * B + bi) * I + i] = x[(bi * T + t) * I + i]!;
    const [ym] = runKernel(unidirectionalSequenceRnn, [f32([T, B, I], xt), f32([U, I], w), f32([U, U], r), f32([U], b), f32([B, U], h0)], { attrs: { fusedActivationFunction: 'RELU', timeMajor: true } });
    for (let bi = 0; bi < B; bi++) for (let t = 0; t < T; t++) for (let u = 0; u < U; u++) expect(vals(ym!)[(t * B + bi) * U + u]).toBeCloseTo(vals(ys!)[(bi * T + t) * U + u]!, 6);
  });
});

describe('SVDF', () => {
  it('keeps a memory of feature activations and filters it over time', () => {
    // 1 batch, 2 inputs, 2 filters, memory 3, rank 1 → 2 units
    const wf = [1, 0, 0, 1];
    const wt = [1, 2, 3, 1, 1, 1];
    const state = f32([1, 6], [0, 0, 0, 0, 0, 0]);
    const run = (x: number[]): number[] => vals(runKernel(svdf, [f32([1, 2], x), f32([2, 2], wf), f32([2, 3], wt), f32([2], [0, 0.5]), state], { attrs: { rank: 1, fusedActivationFunction: 'NONE' } })[0]!);
    expect(run([1, 2])).toEqual([3, 2.5]);   // memory f0 [0,0,1], f1 [0,0,2]
    expect(run([4, 5])).toEqual([14, 7.5]);  // f0 [0,1,4] → 2+12, f1 [0,2,5] → 7 + .5
    expect(vals(state)).toEqual([0, 1, 4, 0, 2, 5]);
  });
});

describe('SVDF (integer)', () => {
  it('tracks the float SVDF on dequantized values within a step', () => {
    const [nIn, nF, nM] = [4, 3, 2];
    const wfq = Array.from({ length: nF * nIn }, () => Math.round((rand() * 2 - 1) * 127));
    const wtq = Array.from({ length: nF * nM }, () => Math.round((rand() * 2 - 1) * 32767));
    const [sIn, sWf, sWt, sState, sOut] = [0.05, 0.01, 1 / 32768, 0.002, 0.01];
    const stateQ = tensor('i16', [1, nF * nM], new Array(nF * nM).fill(0), { scale: [sState], zeroPoint: [0] });
    const stateF = f32([1, nF * nM], new Array(nF * nM).fill(0));
    for (let step = 0; step < 3; step++) {
      const xq = Array.from({ length: nIn }, () => Math.round((rand() * 2 - 1) * 100));
      const [yq] = runKernel(svdf, [
        tensor('i8', [1, nIn], xq, { scale: [sIn], zeroPoint: [3] }), tensor('i8', [nF, nIn], wfq, { scale: [sWf], zeroPoint: [0] }),
        tensor('i16', [nF, nM], wtq, { scale: [sWt], zeroPoint: [0] }), undefined, stateQ,
      ], { attrs: { rank: 1, fusedActivationFunction: 'RELU' }, outputs: [{ dtype: 'i8', quant: { scale: [sOut], zeroPoint: [0] } }] });
      const [yf] = runKernel(svdf, [
        f32([1, nIn], xq.map((v) => (v - 3) * sIn)), f32([nF, nIn], wfq.map((v) => v * sWf)), f32([nF, nM], wtq.map((v) => v * sWt)), undefined, stateF,
      ], { attrs: { rank: 1, fusedActivationFunction: 'NONE' } });
      vals(yq!).forEach((v, i) => expect(Math.abs(v - Math.max(-128, Math.min(127, Math.round(vals(yf!)[i]! / sOut))))).toBeLessThanOrEqual(2));
    }
  });
});

// Naive LSTM (no peephole/projection/layer norm): gates i, f, c, o.
function naiveLstmStep(x: number[], h: number[], c: number[], W: number[][], R: number[][], bias: number[][], nCell: number, cellClip: number): { h: number[]; c: number[] } {
  const gate = (g: number, act: (v: number) => number): number[] => Array.from({ length: nCell }, (_, r) => {
    let acc = bias[g]![r]!;
    for (let k = 0; k < x.length; k++) acc += W[g]![r * x.length + k]! * x[k]!;
    for (let k = 0; k < h.length; k++) acc += R[g]![r * h.length + k]! * h[k]!;
    return act(acc);
  });
  const i = gate(0, sig);
  const f = gate(1, sig);
  const g = gate(2, Math.tanh);
  const o = gate(3, sig);
  const c2 = c.map((cv, k) => {
    const v = f[k]! * cv + i[k]! * g[k]!;
    return cellClip > 0 ? Math.max(-cellClip, Math.min(cellClip, v)) : v;
  });
  return { h: c2.map((v, k) => o[k]! * Math.tanh(v)), c: c2 };
}

function lstmInputs(nInput: number, nCell: number, x: Tensor, h: Tensor, c: Tensor, W: number[][], R: number[][], bias: number[][]): (Tensor | undefined)[] {
  return [
    x, ...W.map((w) => f32([nCell, nInput], w)), ...R.map((r) => f32([nCell, nCell], r)),
    undefined, undefined, undefined, ...bias.map((b) => f32([nCell], b)), undefined, undefined, h, c,
    undefined, undefined, undefined, undefined,
  ];
}

describe('LSTM family (float)', () => {
  const [nInput, nCell, B, T] = [3, 4, 2, 3];
  const W = [0, 1, 2, 3].map(() => randoms(nCell * nInput));
  const R = [0, 1, 2, 3].map(() => randoms(nCell * nCell));
  const bias = [0, 1, 2, 3].map(() => randoms(nCell));
  const x = randoms(B * T * nInput, 1);
  const attrs = { fusedActivationFunction: 'TANH', cellClip: 0.8, projClip: 0, timeMajor: false };

  it('LSTM matches a naive cell, step by step', () => {
    const h = f32([1, nCell], new Array(nCell).fill(0));
    const c = f32([1, nCell], new Array(nCell).fill(0));
    let ref = { h: new Array(nCell).fill(0) as number[], c: new Array(nCell).fill(0) as number[] };
    for (let t = 0; t < T; t++) {
      const xt = x.slice(t * nInput, (t + 1) * nInput);
      const [y] = runKernel(lstm, lstmInputs(nInput, nCell, f32([1, nInput], xt), h, c, W, R, bias), { attrs, outputs: [{ dtype: 'f32' }] });
      ref = naiveLstmStep(xt, ref.h, ref.c, W, R, bias, nCell, 0.8);
      vals(y!).forEach((v, i) => expect(v).toBeCloseTo(ref.h[i]!, 5));
      vals(c).forEach((v, i) => expect(v).toBeCloseTo(ref.c[i]!, 5));
    }
  });

  it('UNIDIRECTIONAL_SEQUENCE_LSTM equals per-batch naive sequences', () => {
    const h = f32([B, nCell], new Array(B * nCell).fill(0));
    const c = f32([B, nCell], new Array(B * nCell).fill(0));
    const [y] = runKernel(unidirectionalSequenceLstm, lstmInputs(nInput, nCell, f32([B, T, nInput], x), h, c, W, R, bias), { attrs, outputs: [{ dtype: 'f32' }] });
    expect(y!.shape).toEqual([B, T, nCell]);
    for (let b = 0; b < B; b++) {
      let ref = { h: new Array(nCell).fill(0) as number[], c: new Array(nCell).fill(0) as number[] };
      for (let t = 0; t < T; t++) {
        ref = naiveLstmStep(x.slice((b * T + t) * nInput, (b * T + t + 1) * nInput), ref.h, ref.c, W, R, bias, nCell, 0.8);
        for (let k = 0; k < nCell; k++) expect(vals(y!)[(b * T + t) * nCell + k]).toBeCloseTo(ref.h[k]!, 5);
      }
    }
  });

  it('BIDIRECTIONAL_SEQUENCE_LSTM: forward = unidirectional, backward = unidirectional on reversed time', () => {
    const zeros = (n: number): Tensor => f32([B, nCell], new Array(n).fill(0));
    const dir = (): (Tensor | undefined)[] => [...W.map((w) => f32([nCell, nInput], w)), ...R.map((r) => f32([nCell, nCell], r)), undefined, undefined, undefined, ...bias.map((b) => f32([nCell], b)), undefined, undefined];
    const inputs: (Tensor | undefined)[] = [f32([B, T, nInput], x), ...dir(), ...dir(), zeros(B * nCell), zeros(B * nCell), zeros(B * nCell), zeros(B * nCell), ...new Array(9).fill(undefined)];
    const [fw, bw] = runKernel(bidirectionalSequenceLstm, inputs, { attrs: { ...attrs, mergeOutputs: false }, outputs: [{ dtype: 'f32' }, { dtype: 'f32' }] });
    const [uni] = runKernel(unidirectionalSequenceLstm, lstmInputs(nInput, nCell, f32([B, T, nInput], x), zeros(B * nCell), zeros(B * nCell), W, R, bias), { attrs, outputs: [{ dtype: 'f32' }] });
    vals(fw!).forEach((v, i) => expect(v).toBeCloseTo(vals(uni!)[i]!, 6));
    const xr = new Array<number>(x.length);
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) for (let i = 0; i < nInput; i++) xr[(b * T + t) * nInput + i] = x[(b * T + (T - 1 - t)) * nInput + i]!;
    const [rev] = runKernel(unidirectionalSequenceLstm, lstmInputs(nInput, nCell, f32([B, T, nInput], xr), zeros(B * nCell), zeros(B * nCell), W, R, bias), { attrs, outputs: [{ dtype: 'f32' }] });
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) for (let k = 0; k < nCell; k++) {
      expect(vals(bw!)[(b * T + t) * nCell + k]).toBeCloseTo(vals(rev!)[(b * T + (T - 1 - t)) * nCell + k]!, 6);
    }
  });

  it('hybrid (int8 weights) stays close to the float LSTM', () => {
    const q = (w: number[]): Tensor => {
      const s = Math.max(...w.map(Math.abs)) / 127;
      return tensor('i8', [nCell, w.length / nCell], w.map((v) => Math.round(v / s)), { scale: [s], zeroPoint: [0] });
    };
    const h = f32([B, nCell], new Array(B * nCell).fill(0));
    const c = f32([B, nCell], new Array(B * nCell).fill(0));
    const inputs = lstmInputs(nInput, nCell, f32([B, T, nInput], x), h, c, W, R, bias);
    for (let i = 1; i <= 8; i++) inputs[i] = q(vals(inputs[i]!));
    const [y] = runKernel(unidirectionalSequenceLstm, inputs, { attrs: { ...attrs, asymmetricQuantizeInputs: true }, outputs: [{ dtype: 'f32' }] });
    const [yf] = runKernel(unidirectionalSequenceLstm, lstmInputs(nInput, nCell, f32([B, T, nInput], x), f32([B, nCell], new Array(B * nCell).fill(0)), f32([B, nCell], new Array(B * nCell).fill(0)), W, R, bias), { attrs, outputs: [{ dtype: 'f32' }] });
    vals(y!).forEach((v, i) => expect(Math.abs(v - vals(yf!)[i]!)).toBeLessThan(0.03));
  });
});
