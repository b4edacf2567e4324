// tfl.DEPTHWISE_CONV_2D on wasm. float32: weights [1, KH, KW, OC] used in place (copied once to
// wasm memory with a zero-filled bias); depth multiplier 1 vectorized over channels, any other
// multiplier scalar. int8 / uint8: int32 accumulators (weights widened to int16 once, offset added),
// requantized per channel bit-exactly like the reference backend. Hybrid (float32 input, int8
// weights): the input quantized per batch (hybrid-utils.ts), int32 accumulators of (x − zero point)
// · w, the float epilogue of assembly/hybrid.ts; bit-exact with reference.
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { conv2dGeometry, conv2dInputs } from '../../reference/kernels/conv2d-geometry';
import { WASM_BACKEND, beginCall, clampRange, f32, fail, intAttr, persistentPack, putTask } from '../kernel-utils';
import type { Heap } from '../heap';
import { parallel, threadsFor } from '../threads';
import { hybridPlan, quantizeInput } from './hybrid-utils';
import { biasInts, checkWasmConv, offsetWeights, q8Plan } from './q8-utils';

const TASK_DWCONV = 2;
const TASK_DWCONV_Q8 = 5;
const TASK_DWCONV_HYBRID = 7;

export const depthwiseConv2d: KernelConfig = {
  op: 'tfl.DEPTHWISE_CONV_2D',
  backend: WASM_BACKEND,
  supports: (node) => checkWasmConv(node, 3),
  run(ctx) {
    const [x, w] = conv2dInputs(ctx);
    const bias = ctx.inputs[2];
    const [n, inH, inW, inC] = x.shape as [number, number, number, number];
    const [, kH, kW, outC] = w.shape as [number, number, number, number];
    const dm = inC > 0 ? outC / inC : intAttr(ctx.attrs, 'depthMultiplier', 1);
    if (!Number.isInteger(dm) || dm < 1) fail(ctx.node, `filter has ${outC} channels, not a multiple of the ${inC} input channels`);
    if (bias && bias.data.length !== outC) fail(ctx.node, `bias has ${bias.data.length} values for ${outC} output channels`);
    const { sH, sW, dH, dW, outH, outW, padT, padL } = conv2dGeometry(ctx.attrs, inH, inW, kH, kW);
    const out = ctx.output(0, [n, outH, outW, outC]);
    if (out.data.length === 0) return;
    if (x.dtype !== 'f32') {
      runQ8(ctx, x, w, out, [n, inH, inW, inC, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW]);
      return;
    }
    if (w.dtype === 'i8') {
      runHybrid(ctx, x, w, out, [n, inH, inW, inC, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW]);
      return;
    }
    const [lo, hi] = clampRange(ctx);
    const h = beginCall();
    const wCount = kH * kW * outC;
    const bytes = (wCount + outC) * 4;
    const make = (hh: Heap, dst: number) => {
      const v = hh.views().f32;
      v.set(f32(w).subarray(0, wCount), dst >>> 2);
      if (bias) v.set(f32(bias), (dst >>> 2) + wCount);
      else v.fill(0, (dst >>> 2) + wCount, (dst >>> 2) + wCount + outC);
    };
    let wp = persistentPack(ctx, 1, w, bias, bytes, make, 'depthwise');
    if (wp === undefined) {
      wp = h.scratch(bytes);
      make(h, wp);
    }
    const xp = h.putF32(f32(x));
    const op = h.scratch(out.data.length * 4);
    const threads = Math.min(threadsFor(ctx), n * outH, Math.max(1, Math.floor((out.data.length * kH * kW) / 65536)));
    const task = putTask(h, [TASK_DWCONV, xp, n, inH, inW, inC, wp, wp + wCount * 4, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW, op, lo, hi], [20, 21]);
    parallel(h.inst, task, threads);
    h.getF32(op, f32(out));
  },
};

function runQ8(ctx: KernelContext, x: Tensor, w: Tensor, out: Tensor, geo: number[]): void {
  const [n, inH, inW, inC, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW] = geo as [number, number, number, number, number,
    number, number, number, number, number, number, number, number, number, number];
  const outC = inC * dm;
  const h = beginCall();
  const plan = q8Plan(ctx, x, w, outC, 'asymmetric', false, kH * kW * outC * 2, (q, p) => {
    const { i32, u8 } = h.views();
    const w16 = Int16Array.from(offsetWeights(w, q.filterOffset).subarray(0, kH * kW * outC));
    u8.set(new Uint8Array(w16.buffer), p.weights);
    const bias = biasInts(q, outC);
    for (let c = 0; c < outC; c++) i32[(p.bias >>> 2) + c] = bias[c]! | 0;
  });
  h.beginScratch();
  const xd = x.data as Int8Array | Uint8Array;
  const xp = h.scratch(xd.length);
  h.views().u8.set(new Uint8Array(xd.buffer, xd.byteOffset, xd.byteLength), xp);
  const od = out.data as Int8Array | Uint8Array;
  const op = h.scratch(od.length);
  const threads = Math.min(threadsFor(ctx), n * outH, Math.max(1, Math.floor((od.length * kH * kW) / 65536)));
  const accStride = Math.ceil((outC * 4) / 64) * 64;
  const acc = h.scratch(accStride * threads);
  const task = putTask(h, [TASK_DWCONV_Q8, xp, plan.xSigned, n, inH, inW, inC, plan.weights, plan.bias, dm, kH, kW, sH, sW, dH, dW,
    padT, padL, outH, outW, plan.inputOffset, plan.rq, plan.fp32, 0, plan.outZp, plan.qmin, plan.qmax, op, plan.outSigned,
    acc, accStride], []);
  parallel(h.inst, task, threads);
  new Uint8Array(od.buffer, od.byteOffset, od.byteLength).set(h.views().u8.subarray(op, op + od.length));
}

function runHybrid(ctx: KernelContext, x: Tensor, w: Tensor, out: Tensor, geo: number[]): void {
  const [n, inH, inW, inC, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW] = geo as [number, number, number, number, number,
    number, number, number, number, number, number, number, number, number, number];
  const outC = inC * dm;
  const h = beginCall();
  const plan = hybridPlan(ctx, x, w, outC, 'asymmetric', undefined, kH * kW * outC * 2, (hh, p) => {
    const w16 = Int16Array.from((w.data as Int8Array).subarray(0, kH * kW * outC));
    hh.views().u8.set(new Uint8Array(w16.buffer), p.weights);
  });
  h.beginScratch();
  const [lo, hi] = clampRange(ctx);
  const { qx, scaling, zps } = quantizeInput(h, plan, x, n);
  const op = h.scratch(out.data.length * 4);
  const threads = Math.min(threadsFor(ctx), n * outH, Math.max(1, Math.floor((out.data.length * kH * kW) / 65536)));
  const accStride = Math.ceil((outW * outC * 4) / 64) * 64;
  const acc = h.scratch(accStride * threads);
  const task = putTask(h, [TASK_DWCONV_HYBRID, qx, n, inH, inW, inC, plan.weights, dm, kH, kW, sH, sW, dH, dW, padT, padL, outH, outW,
    zps, scaling, plan.colsum, plan.scales, plan.bias, plan.chanFirst, lo, hi, op, acc, accStride], [24, 25]);
  parallel(h.inst, task, threads);
  h.getF32(op, f32(out));
}
