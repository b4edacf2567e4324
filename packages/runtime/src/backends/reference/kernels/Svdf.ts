// tfl.SVDF (singular value decomposition filter): each step shifts the per-filter memory left,
// writes weights_feature · input into its newest slot, then out = Σ_rank(state · weights_time)
// + bias, activated. Inputs: input [batch, nInput], weightsFeature [nFilter, nInput],
// weightsTime [nFilter, nMemory], bias? [nUnit], state (variable) [batch, nFilter · nMemory];
// nUnit = nFilter / rank. float32; hybrid (float × int8 weights); full integer (int8 input and
// output, int16 state and time weights, int32 bias) as TFLite's EvalIntegerSVDF; TFLM's int8
// state / time-weights variant runs the same arithmetic with int8 clamping.
import type { KernelConfig, KernelContext, Tensor, TypedArray } from '../../../kernel';
import { activationAttr, boolAttr, fail, intAttr, requireInput } from './conv-utils';
import { applyActivation } from './lstm-utils';
import { asymmetricQuantizeFloats, multiplyByQuantizedMultiplier, quantizeMultiplier, symmetricQuantizeFloats } from './nn-quant-utils';

interface Dims { batch: number; nInput: number; nFilter: number; nMemory: number; nUnit: number; rank: number }

function dims(ctx: KernelContext): Dims {
  const input = requireInput(ctx, 0, 'input');
  const wf = requireInput(ctx, 1, 'weights_feature');
  const wt = requireInput(ctx, 2, 'weights_time');
  const rank = intAttr(ctx.attrs, 'rank', 1);
  const nFilter = wf.shape[0]!;
  const nInput = wf.shape[1]!;
  const nMemory = wt.shape[1]!;
  if (input.shape[input.shape.length - 1] !== nInput) fail(ctx.node, `input [${input.shape}] does not match weights_feature [${wf.shape}]`);
  if (rank < 1 || nFilter % rank !== 0) fail(ctx.node, `${nFilter} filters cannot be split by rank ${rank}`);
  const batch = input.data.length / nInput;
  const state = requireInput(ctx, 4, 'state');
  if (state.data.length !== batch * nFilter * nMemory) fail(ctx.node, `state has ${state.data.length} values, expected ${batch * nFilter * nMemory}`);
  return { batch, nInput, nFilter, nMemory, nUnit: nFilter / rank, rank };
}

/** Shifts every filter's memory one slot left (TFLite shifts the flat buffer; same result). */
function shiftState(state: TypedArray): void {
  state.copyWithin(0, 1);
}

function runFloat(ctx: KernelContext, d: Dims): void {
  const input = ctx.inputs[0]!.data as Float32Array;
  const wf = ctx.inputs[1]!;
  const wt = ctx.inputs[2]!;
  const bias = ctx.inputs[3]?.data as Float32Array | undefined;
  const state = ctx.inputs[4]!.data as Float32Array;
  const out = ctx.output(0, [d.batch, d.nUnit]).data as Float32Array;
  shiftState(state);
  const { batch, nInput, nFilter, nMemory } = d;
  const wfd = wf.data as TypedArray;
  if (wf.dtype === 'f32') {
    for (let b = 0; b < batch; b++) {
      for (let f = 0; f < nFilter; f++) {
        let acc = 0;
        for (let i = 0; i < nInput; i++) acc += (wfd[f * nInput + i] as number) * input[b * nInput + i]!;
        state[(b * nFilter + f) * nMemory + nMemory - 1] = acc;
      }
    }
  } else {
    // Hybrid: quantize each input row, integer dot products, scale back (TFLite's EvalHybridSVDF).
    const q = new Int8Array(nInput);
    const ws = wf.quant?.scale[0] ?? 1;
    const asym = boolAttr(ctx.attrs, 'asymmetricQuantizeInputs');
    for (let b = 0; b < batch; b++) {
      const row = input.subarray(b * nInput, (b + 1) * nInput);
      let zero = true;
      for (const v of row) if (v !== 0) { zero = false; break; }
      for (let f = 0; f < nFilter; f++) state[(b * nFilter + f) * nMemory + nMemory - 1] = 0;
      if (zero) continue;
      let sf: number;
      let zp = 0;
      if (asym) [sf, zp] = asymmetricQuantizeFloats(row, 0, nInput, q);
      else sf = symmetricQuantizeFloats(row, 0, nInput, q);
      const scale = Math.fround(sf * ws);
      for (let f = 0; f < nFilter; f++) {
        let acc = 0;
        for (let i = 0; i < nInput; i++) acc += (wfd[f * nInput + i] as number) * (q[i]! - zp);
        const at = (b * nFilter + f) * nMemory + nMemory - 1;
        state[at] = Math.fround(state[at]! + Math.fround(acc * scale));
      }
    }
  }
  const wtd = wt.data as TypedArray;
  const wts = wt.dtype === 'f32' ? 1 : wt.quant?.scale[0] ?? 1;
  const act = activationAttr(ctx.attrs);
  for (let b = 0; b < batch; b++) {
    for (let u = 0; u < d.nUnit; u++) {
      let sum = 0;
      for (let r = 0; r < d.rank; r++) {
        const f = u * d.rank + r;
        let acc = 0;
        for (let m = 0; m < nMemory; m++) acc += (wtd[f * nMemory + m] as number) * wts * state[(b * nFilter + f) * nMemory + m]!;
        sum += acc;
      }
      out[b * d.nUnit + u] = applyActivation(act, sum + (bias ? bias[u]! : 0));
    }
  }
}

interface IntegerSvdf { a1: number; b1: number; a2: number; b2: number; inZp: number; outZp: number }

function integerParams(ctx: KernelContext): IntegerSvdf {
  const sc = (t: Tensor | undefined): number => t?.quant?.scale[0] ?? 1;
  const f = Math.fround;
  const [input, wf, wt, , state] = ctx.inputs;
  const out = ctx.node.outputs[0]!;
  const [a1, b1] = quantizeMultiplier(f(f(sc(input) * sc(wf)) / sc(state)));
  const [a2, b2] = quantizeMultiplier(f(f(sc(state) * sc(wt)) / (out.quant?.scale[0] ?? 1)));
  return { a1, b1, a2, b2, inZp: input?.quant?.zeroPoint[0] ?? 0, outZp: out.quant?.zeroPoint[0] ?? 0 };
}

function runInteger(ctx: KernelContext, d: Dims): void {
  const p = (ctx.cache.svdf as IntegerSvdf | undefined) ?? (ctx.cache.svdf = integerParams(ctx));
  const input = ctx.inputs[0]!.data as Int8Array;
  const wf = ctx.inputs[1]!.data as Int8Array;
  const wt = ctx.inputs[2]!.data as Int16Array | Int8Array;
  const bias = ctx.inputs[3]?.data as Int32Array | undefined;
  const stateT = ctx.inputs[4]!;
  const state = stateT.data as Int16Array | Int8Array;
  // TFLite uses int16 state and time weights; TFLM also runs int8 ones (state read as symmetric).
  const [sMin, sMax] = stateT.dtype === 'i8' ? [-128, 127] : [-32768, 32767];
  const out = ctx.output(0, [d.batch, d.nUnit]).data as Int8Array;
  const { batch, nInput, nFilter, nMemory } = d;
  shiftState(state);
  for (let b = 0; b < batch; b++) {
    for (let f = 0; f < nFilter; f++) {
      let acc = 0;
      for (let i = 0; i < nInput; i++) acc += wf[f * nInput + i]! * (input[b * nInput + i]! - p.inZp);
      const v = multiplyByQuantizedMultiplier(acc | 0, p.a1, p.b1);
      state[(b * nFilter + f) * nMemory + nMemory - 1] = v > sMax ? sMax : v < sMin ? sMin : v;
    }
  }
  for (let b = 0; b < batch; b++) {
    for (let u = 0; u < d.nUnit; u++) {
      let sum = bias ? bias[u]! : 0;
      for (let r = 0; r < d.rank; r++) {
        const f = u * d.rank + r;
        let acc = 0;
        for (let m = 0; m < nMemory; m++) acc += wt[f * nMemory + m]! * state[(b * nFilter + f) * nMemory + m]!;
        sum = (sum + (acc | 0)) | 0;
      }
      const v = multiplyByQuantizedMultiplier(sum, p.a2, p.b2) + p.outZp;
      out[b * d.nUnit + u] = v > 127 ? 127 : v < -128 ? -128 : v;
    }
  }
}

export const svdf: KernelConfig = {
  op: 'tfl.SVDF',
  backend: 'reference',
  supports(node) {
    const [input, wf, wt, , state] = node.inputs;
    if (!input || !wf || !wt || !state) return 'input, weights_feature, weights_time and state are required';
    if (input.dtype === 'f32') {
      if (!['f32', 'i8'].includes(wf.dtype)) return `weights_feature dtype ${wf.dtype} is not supported with float input`;
      if (state.dtype !== 'f32') return `state must be float32 with float input, got ${state.dtype}`;
      return true;
    }
    if (input.dtype === 'i8') {
      if (wf.dtype !== 'i8' || (wt.dtype !== 'i16' && wt.dtype !== 'i8') || (state.dtype !== 'i16' && state.dtype !== 'i8')) {
        return `integer SVDF needs int8 weights_feature and int16 (or int8) weights_time and state, got ${wf.dtype}/${wt.dtype}/${state.dtype}`;
      }
      if (!input.quant || !wf.quant || !wt.quant || !state.quant || !node.outputs[0]?.quant) return 'integer SVDF needs quantization parameters on input, weights, state and output';
      return true;
    }
    return `input dtype ${input.dtype} is not supported (f32, i8)`;
  },
  prepare(ctx) {
    if (ctx.inputs[0]?.dtype === 'i8') ctx.cache.svdf = integerParams(ctx);
  },
  run(ctx) {
    const d = dims(ctx);
    if (ctx.inputs[0]!.dtype === 'i8') runInteger(ctx, d);
    else runFloat(ctx, d);
  },
};
