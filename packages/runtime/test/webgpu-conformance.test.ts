// Per-op conformance of the webgpu backend against reference: random small shapes (odd sizes,
// strides, dilations, both paddings, broadcasting, fused activations, constant and computed
// weights), each run twice through a WebGpuSession (the second run reuses cached pipelines,
// uniforms and bind groups). Tolerance: max |diff| <= tol × max(1, max|reference|) with tol per op
// (TOL below); every node must have run on the GPU, not on a fallback.
//
// The same specs run with precision 'f16' (floats stored as f16, arithmetic in f32): the reference
// gets the operands rounded to f16 too, and the tolerance is max(tol, F16_TOL) for roundings to
// f16 (2^-11 relative each). That needs an adapter with 'shader-f16'; where there is
// none (SwiftShader), the f16 specs run on Dawn's null backend instead, which compiles and
// validates every f16 shader, pipeline and dispatch but computes nothing: there they check
// placement and shapes, not values.
import { expect, it } from 'vitest';
import type { AttrValue } from '../src/ir';
import { webgpuInfo, type WebGpuSessionOptions } from '../src/backends/webgpu/index';
import { describeGpu, HAS_WEBGPU, nullBackendGpu } from './webgpu-helpers';
import { compareOp, f32, i32, int, pick, rng, type Operand } from './webgpu-harness';

/** f32 tolerances: sums in another order (conv, matmul, reductions) and WGSL's transcendental functions. */
const TOL: Record<string, number> = { default: 2e-5, transcendental: 1e-4 };
/** f16 storage: a rounding to f16 is 2^-11 = 4.9e-4 relative; room for two (a kernel's own f16 scratch and the output). */
const F16_TOL = 2e-3;

interface Mode { name: string; session: WebGpuSessionOptions; values: boolean }
const F32_MODE: Mode = { name: 'f32', session: {}, values: true };
/** The mode the specs run in now (set by each test before it runs its cases). */
let mode: Mode = F32_MODE;

const ACTS = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];
const CASES = 5;

async function expectConforms(op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, what: string, tol = TOL['default']!): Promise<void> {
  const c = await compareOp(op, inputs, attrs, { ...mode.session, relTol: mode.session.precision === 'f16' ? Math.max(tol, F16_TOL) : tol });
  expect(c.backend, `${op} ${what}: placement`).toBe('webgpu');
  expect(c.got.shape, `${op} ${what}: shape`).toEqual(c.want.shape);
  if (mode.values) expect(c.maxDiff, `${op} ${what}: max |diff| at ${c.at} (${c.got.data[c.at]} vs ${c.want.data[c.at]})`).toBeLessThanOrEqual(c.tol);
}

/** Ops with several outputs (SPLIT, UNPACK): each output compared exactly (pure data movement). */
async function expectOutputs(op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, numOutputs: number, what: string): Promise<void> {
  const c = await compareOp(op, inputs, attrs, { ...mode.session, numOutputs });
  expect(c.backend, `${op} ${what}: placement`).toBe('webgpu');
  expect(c.all.length, `${op} ${what}: outputs`).toBe(numOutputs);
  for (const [got, want] of c.all) {
    expect(got.shape, `${op} ${what}: shape`).toEqual(want.shape);
    if (mode.values) expect(Array.from(got.data as Float32Array), `${op} ${what}`).toEqual(Array.from(want.data as Float32Array));
  }
}

function bools(r: () => number, shape: number[]): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, dtype: 'bool', data: Uint8Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0)) as unknown as Int32Array };
}

/** Runs on WebGPU and reference and expects identical outputs (comparisons, selects, bool data). */
async function expectExact(op: string, inputs: Operand[], attrs: Record<string, AttrValue>, outDtype: 'f32' | 'i32' | 'bool', what: string): Promise<void> {
  const c = await compareOp(op, inputs, attrs, { ...mode.session, outDtype });
  expect(c.backend, `${op} ${what}: placement`).toBe('webgpu');
  expect(c.got.dtype).toBe(outDtype);
  expect(c.got.shape, `${op} ${what}: shape`).toEqual(c.want.shape);
  if (mode.values) expect(Array.from(c.got.data as Uint8Array), `${op} ${what}`).toEqual(Array.from(c.want.data as Uint8Array));
}

function compare(op: string): Spec {
  return async (r, i) => {
    const rank = int(r, 0, 3);
    const out = Array.from({ length: rank }, () => pick(r, [1, 2, 3, 5]));
    const sa = out.map((d) => (r() < 0.3 ? 1 : d)), sb = out.slice(int(r, 0, rank)).map((d) => (r() < 0.3 ? 1 : d));
    const ints = i % 2 === 1;
    const mk = (shape: number[]): Operand => {
      const n = shape.reduce((a, b) => a * b, 1);
      return ints ? { shape, dtype: 'i32', data: Int32Array.from({ length: n }, () => int(r, -2, 2)) } : { shape, data: Float32Array.from({ length: n }, () => int(r, -2, 2) / 2) };
    };
    await expectExact(op, [mk(sa), mk(sb)], {}, 'bool', `[${sa}] vs [${sb}] ${ints ? 'i32' : 'f32'}`);
  };
}

function logical(op: string): Spec {
  return async (r) => {
    const shape = [int(r, 1, 3), int(r, 1, 4)];
    await expectExact(op, [bools(r, shape), bools(r, r() < 0.5 ? shape : [shape[1]!])], {}, 'bool', `[${shape}]`);
  };
}

const compareOpTyped = (op: string, inputs: Operand[], attrs: Record<string, AttrValue>, outDtype: 'f32' | 'i32') => compareOp(op, inputs, attrs, { ...mode.session, outDtype });

type Spec = (r: () => number, i: number) => Promise<void>;

function binary(op: string, positiveB = false): Spec {
  return async (r) => {
    const rank = int(r, 0, 5);
    const out = Array.from({ length: rank }, () => pick(r, [1, 2, 3, 5]));
    const operand = () => out.slice(rank - int(r, 0, rank)).map((d) => (r() < 0.35 ? 1 : d));
    let sa = operand(), sb = operand();
    if (r() < 0.3) sb = [...sa];
    const a = f32(r, sa, false, 3), b = f32(r, sb, r() < 0.5, 3);
    if (positiveB) for (let i = 0; i < b.data.length; i++) b.data[i] = Math.abs(b.data[i]!) + 0.5;
    const attrs = { fusedActivationFunction: pick(r, ACTS) };
    await expectConforms(op, [a, b], attrs, `[${sa}] ∘ [${sb}] ${attrs.fusedActivationFunction}`, op === 'tfl.POW' ? TOL['transcendental'] : undefined);
  };
}

function unary(op: string, lo = -4, hi = 4, attrs: Record<string, AttrValue> = {}, tol = TOL['default']): Spec {
  return async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 6));
    const x = f32(r, shape);
    for (let i = 0; i < x.data.length; i++) x.data[i] = lo + ((x.data[i]! + 1) / 2) * (hi - lo);
    await expectConforms(op, [x], attrs, `[${shape}]`, tol);
  };
}

function pool(op: string): Spec {
  return async (r) => {
    const fh = pick(r, [1, 2, 3]), fw = pick(r, [1, 2, 3]), s = pick(r, [1, 2]);
    const shape = [pick(r, [1, 2]), int(r, fh, 9), int(r, fw, 9), pick(r, [1, 3, 4, 7])];
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: s, strideW: pick(r, [1, s]), filterHeight: fh, filterWidth: fw, fusedActivationFunction: pick(r, ACTS) };
    await expectConforms(op, [f32(r, shape, false, 4)], attrs, `[${shape}] ${JSON.stringify(attrs)}`);
  };
}

function reduce(op: string): Spec {
  return async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 5));
    const axes = shape.map((_, i) => i).filter(() => r() < 0.5);
    if (!axes.length) axes.push(shape.length - 1);
    const keepDims = r() < 0.5;
    const x = f32(r, shape, false, 2);
    if (op === 'tfl.REDUCE_PROD') for (let i = 0; i < x.data.length; i++) x.data[i] = 0.5 + Math.abs(x.data[i]!) / 2;
    await expectConforms(op, [x, i32(axes.map((a) => (r() < 0.3 ? a - shape.length : a)))], { keepDims }, `[${shape}] axes [${axes}] keep ${keepDims}`);
  };
}

const SPECS: Record<string, Spec> = {
  'tfl.CONV_2D': async (r, i) => {
    const k = pick(r, [1, 1, 2, 3, 5]), kw = r() < 0.2 ? pick(r, [1, 3]) : k;
    const stride = pick(r, [1, 1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2]), h = int(r, (k - 1) * dil + 1, 11), w = int(r, (kw - 1) * dil + 1, 11);
    const cin = pick(r, [1, 3, 5, 8, 17, 33]), cout = pick(r, [1, 4, 7, 16, 33]);
    const bias = r() < 0.8 ? f32(r, [cout], true) : undefined;
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: i % 2 ? stride : 1, dilationHFactor: dil, dilationWFactor: dil, fusedActivationFunction: pick(r, ACTS) };
    await expectConforms('tfl.CONV_2D', [f32(r, [n, h, w, cin]), f32(r, [cout, k, kw, cin], true), bias], attrs, `x [${n},${h},${w},${cin}] w [${cout},${k},${kw},${cin}] ${JSON.stringify(attrs)}`);
  },
  'tfl.DEPTHWISE_CONV_2D': async (r, i) => {
    const k = pick(r, [1, 3, 5]), stride = pick(r, [1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2]), h = int(r, (k - 1) * dil + 1, 10), w = int(r, (k - 1) * dil + 1, 10);
    const c = pick(r, [1, 3, 8, 13]), dm = pick(r, [1, 1, 2]);
    const bias = r() < 0.8 ? f32(r, [c * dm], true) : undefined;
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: stride, dilationHFactor: dil, dilationWFactor: dil, depthMultiplier: dm, fusedActivationFunction: pick(r, ACTS) };
    await expectConforms('tfl.DEPTHWISE_CONV_2D', [f32(r, [n, h, w, c]), f32(r, [1, k, k, c * dm], i % 3 !== 2), bias], attrs, `x [${n},${h},${w},${c}] k ${k} ${JSON.stringify(attrs)}`);
  },
  'tfl.FULLY_CONNECTED': async (r, i) => {
    const rows = pick(r, [1, 2, 5, 33]), depth = pick(r, [1, 3, 16, 31, 70]), units = pick(r, [1, 10, 17, 40]);
    const keep = r() < 0.3;
    const bias = r() < 0.7 ? f32(r, [units], true) : undefined;
    const attrs = { keepNumDims: keep, fusedActivationFunction: pick(r, ACTS) };
    await expectConforms('tfl.FULLY_CONNECTED', [keep ? f32(r, [1, rows, depth]) : f32(r, [rows, depth]), f32(r, [units, depth], i % 3 !== 2), bias], attrs, `rows ${rows} depth ${depth} units ${units} ${JSON.stringify(attrs)}`);
  },
  'tfl.BATCH_MATMUL': async (r) => {
    const m = pick(r, [1, 3, 17, 40]), k = pick(r, [1, 5, 33]), n = pick(r, [1, 4, 35]);
    const batch = Array.from({ length: int(r, 0, 3) }, () => pick(r, [1, 2, 3]));
    const bx = batch.map((d) => (r() < 0.3 ? 1 : d)), by = batch.slice(int(r, 0, batch.length)).map((d) => (r() < 0.3 ? 1 : d));
    const adjX = r() < 0.4, adjY = r() < 0.4;
    const x = f32(r, [...bx, ...(adjX ? [k, m] : [m, k])]), y = f32(r, [...by, ...(adjY ? [n, k] : [k, n])], r() < 0.3);
    await expectConforms('tfl.BATCH_MATMUL', [x, y], { adjX, adjY }, `x [${x.shape}] y [${y.shape}] adj ${adjX} ${adjY}`);
  },
  'tfl.AVERAGE_POOL_2D': pool('tfl.AVERAGE_POOL_2D'),
  'tfl.MAX_POOL_2D': pool('tfl.MAX_POOL_2D'),
  'tfl.L2_POOL_2D': pool('tfl.L2_POOL_2D'),
  'tfl.ADD': binary('tfl.ADD'),
  'tfl.SUB': binary('tfl.SUB'),
  'tfl.MUL': binary('tfl.MUL'),
  'tfl.DIV': binary('tfl.DIV', true),
  'tfl.MAXIMUM': binary('tfl.MAXIMUM'),
  'tfl.MINIMUM': binary('tfl.MINIMUM'),
  'tfl.SQUARED_DIFFERENCE': binary('tfl.SQUARED_DIFFERENCE'),
  'tfl.POW': binary('tfl.POW', true),
  'tfl.RELU': unary('tfl.RELU'),
  'tfl.RELU6': unary('tfl.RELU6', -3, 9),
  'tfl.RELU_N1_TO_1': unary('tfl.RELU_N1_TO_1'),
  'tfl.RELU_0_TO_1': unary('tfl.RELU_0_TO_1'),
  'tfl.LEAKY_RELU': unary('tfl.LEAKY_RELU', -4, 4, { alpha: 0.15 }),
  'tfl.HARD_SWISH': unary('tfl.HARD_SWISH', -5, 5),
  'tfl.ELU': unary('tfl.ELU', -4, 4, {}, TOL['transcendental']),
  'tfl.LOGISTIC': unary('tfl.LOGISTIC', -10, 10, {}, TOL['transcendental']),
  'tfl.TANH': unary('tfl.TANH', -6, 6, {}, TOL['transcendental']),
  'tfl.GELU': unary('tfl.GELU', -5, 5, {}, TOL['transcendental']),
  'tfl.EXP': unary('tfl.EXP', -5, 5, {}, TOL['transcendental']),
  'tfl.LOG': unary('tfl.LOG', 0.01, 50, {}, TOL['transcendental']),
  'tfl.SQRT': unary('tfl.SQRT', 0, 50),
  'tfl.RSQRT': unary('tfl.RSQRT', 0.05, 50, {}, TOL['transcendental']),
  'tfl.SIN': unary('tfl.SIN', -100, 100, {}, TOL['transcendental']),
  'tfl.COS': unary('tfl.COS', -100, 100, {}, TOL['transcendental']),
  'tfl.ABS': unary('tfl.ABS'), 'tfl.NEG': unary('tfl.NEG'), 'tfl.SQUARE': unary('tfl.SQUARE'),
  'tfl.FLOOR': unary('tfl.FLOOR'), 'tfl.CEIL': unary('tfl.CEIL'), 'tfl.ROUND': unary('tfl.ROUND'), 'tfl.SIGN': unary('tfl.SIGN'),
  'tfl.SOFTMAX': async (r) => {
    const shape = [int(r, 1, 4), pick(r, [1, 3, 10, 100, 300])];
    await expectConforms('tfl.SOFTMAX', [f32(r, shape, false, 8)], { beta: pick(r, [1, 0.5, 2]) }, `[${shape}]`, TOL['transcendental']);
  },
  'tfl.LOG_SOFTMAX': async (r) => {
    const shape = [int(r, 1, 3), int(r, 1, 5), pick(r, [2, 7, 70])];
    await expectConforms('tfl.LOG_SOFTMAX', [f32(r, shape, false, 8)], {}, `[${shape}]`, TOL['transcendental']);
  },
  'tfl.MEAN': reduce('tfl.MEAN'), 'tfl.SUM': reduce('tfl.SUM'), 'tfl.REDUCE_MAX': reduce('tfl.REDUCE_MAX'),
  'tfl.REDUCE_MIN': reduce('tfl.REDUCE_MIN'), 'tfl.REDUCE_PROD': reduce('tfl.REDUCE_PROD'),
  'tfl.CONCATENATION': async (r) => {
    const rank = int(r, 1, 4), axis = int(r, 0, rank - 1);
    const base = Array.from({ length: rank }, () => int(r, 1, 4));
    const ins = Array.from({ length: int(r, 1, 4) }, () => f32(r, base.map((d, i) => (i === axis ? int(r, 1, 3) : d)), r() < 0.3));
    const attrs = { axis: r() < 0.3 ? axis - rank : axis, fusedActivationFunction: pick(r, ['NONE', 'RELU']) };
    await expectConforms('tfl.CONCATENATION', ins, attrs, `${ins.map((t) => `[${t.shape}]`).join(' ')} ${JSON.stringify(attrs)}`);
  },
  'tfl.PAD': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 4));
    const pads = shape.flatMap(() => [int(r, 0, 2), int(r, 0, 2)]);
    await expectConforms('tfl.PAD', [f32(r, shape), i32(pads, [shape.length, 2])], {}, `[${shape}] pads [${pads}]`);
  },
  'tfl.PADV2': async (r) => {
    const shape = [int(r, 1, 3), int(r, 1, 5), int(r, 1, 5), int(r, 1, 3)];
    const pads = shape.flatMap(() => [int(r, 0, 2), int(r, 0, 2)]);
    await expectConforms('tfl.PADV2', [f32(r, shape), i32(pads, [4, 2]), { shape: [], data: Float32Array.of(-7.5), constant: true }], {}, `[${shape}] pads [${pads}]`);
  },
  'tfl.TRANSPOSE': async (r) => {
    const shape = Array.from({ length: int(r, 1, 5) }, () => int(r, 1, 4));
    const perm = shape.map((_, i) => i).sort(() => r() - 0.5);
    await expectConforms('tfl.TRANSPOSE', [f32(r, shape), i32(perm)], {}, `[${shape}] perm [${perm}]`);
  },
  'tfl.RESIZE_BILINEAR': async (r) => {
    const shape = [pick(r, [1, 2]), int(r, 1, 6), int(r, 1, 6), pick(r, [1, 3])];
    const size = [int(r, 1, 12), int(r, 1, 12)];
    const alignCorners = r() < 0.3, halfPixelCenters = !alignCorners && r() < 0.5;
    await expectConforms('tfl.RESIZE_BILINEAR', [f32(r, shape), i32(size)], { alignCorners, halfPixelCenters }, `[${shape}] → [${size}] align ${alignCorners} half ${halfPixelCenters}`);
  },
  'tfl.RESIZE_NEAREST_NEIGHBOR': async (r) => {
    const shape = [1, int(r, 1, 6), int(r, 1, 6), pick(r, [1, 2])];
    const size = [int(r, 1, 12), int(r, 1, 12)];
    const alignCorners = r() < 0.3, halfPixelCenters = r() < 0.5;
    await expectConforms('tfl.RESIZE_NEAREST_NEIGHBOR', [f32(r, shape), i32(size)], { alignCorners, halfPixelCenters }, `[${shape}] → [${size}] align ${alignCorners} half ${halfPixelCenters}`);
  },
  'tfl.GATHER': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 5));
    const axis = int(r, 0, shape.length - 1);
    const idx = Array.from({ length: int(r, 1, 6) }, () => int(r, 0, shape[axis]! - 1));
    const constant = r() < 0.5;
    await expectConforms('tfl.GATHER', [f32(r, shape), i32(idx, [idx.length], constant)], { axis }, `[${shape}] axis ${axis} idx [${idx}]`);
  },
  'tfl.STRIDED_SLICE': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 7));
    const begin = shape.map((d) => int(r, -d, d - 1)), end = shape.map((d) => int(r, -d, d));
    const strides = shape.map(() => pick(r, [1, 1, 2, -1, 3]));
    const attrs = { beginMask: int(r, 0, 15), endMask: int(r, 0, 15), shrinkAxisMask: r() < 0.3 ? 1 : 0 };
    if (attrs.shrinkAxisMask) { strides[0] = 1; begin[0] = int(r, 0, shape[0]! - 1); }
    await expectConforms('tfl.STRIDED_SLICE', [f32(r, shape), i32(begin), i32(end), i32(strides)], attrs, `[${shape}] ${begin}:${end}:${strides} ${JSON.stringify(attrs)}`);
  },
  'tfl.SLICE': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 6));
    const begin = shape.map((d) => int(r, 0, d - 1)), size = shape.map((d, i) => (r() < 0.3 ? -1 : int(r, 0, d - begin[i]!)));
    await expectConforms('tfl.SLICE', [f32(r, shape), i32(begin), i32(size)], {}, `[${shape}] begin [${begin}] size [${size}]`);
  },
  'tfl.RESHAPE': async (r) => {
    const shape = [int(r, 1, 4), int(r, 1, 4), int(r, 1, 4)];
    await expectConforms('tfl.RESHAPE', [f32(r, shape), i32([shape[0]!, -1])], {}, `[${shape}] → [${shape[0]}, -1]`);
  },
  'tfl.SQUEEZE': async (r) => {
    const shape = [1, int(r, 1, 4), 1, int(r, 2, 4)];
    await expectConforms('tfl.SQUEEZE', [f32(r, shape)], { squeezeDims: r() < 0.5 ? [0] : [] }, `[${shape}]`);
  },
  'tfl.SPLIT': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 3));
    const axis = int(r, 0, shape.length - 1), parts = pick(r, [1, 2, 3]);
    shape[axis] = shape[axis]! * parts;
    await expectOutputs('tfl.SPLIT', [i32([axis], []), f32(r, shape)], { numSplits: parts }, parts, `[${shape}] axis ${axis} parts ${parts}`);
  },
  'tfl.SPLIT_V': async (r) => {
    const shape = [int(r, 1, 3), int(r, 4, 8), int(r, 1, 3)];
    const a = int(r, 1, shape[1]! - 2), b = int(r, 1, shape[1]! - a - 1);
    await expectOutputs('tfl.SPLIT_V', [f32(r, shape), i32([a, -1, b]), i32([1], [])], { numSplits: 3 }, 3, `[${shape}] sizes ${a},-1,${b}`);
  },
  'tfl.UNPACK': async (r) => {
    const shape = [int(r, 1, 3), int(r, 1, 4), int(r, 1, 3)];
    const axis = int(r, 0, 2);
    await expectOutputs('tfl.UNPACK', [f32(r, shape)], { axis, num: shape[axis]! }, shape[axis]!, `[${shape}] axis ${axis}`);
  },
  'tfl.PACK': async (r) => {
    const shape = [int(r, 1, 3), int(r, 1, 4)];
    const n = int(r, 1, 4), axis = int(r, -3, 2);
    await expectConforms('tfl.PACK', Array.from({ length: n }, () => f32(r, shape, r() < 0.3)), { axis, valuesCount: n }, `${n} × [${shape}] axis ${axis}`);
  },
  'tfl.TILE': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 3));
    const m = shape.map(() => int(r, 1, 3));
    await expectConforms('tfl.TILE', [f32(r, shape), i32(m)], {}, `[${shape}] × [${m}]`);
  },
  'tfl.BROADCAST_TO': async (r) => {
    const target = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 4));
    const shape = target.slice(int(r, 0, target.length - 1)).map((d) => (r() < 0.5 ? 1 : d));
    await expectConforms('tfl.BROADCAST_TO', [f32(r, shape), i32(target)], {}, `[${shape}] → [${target}]`);
  },
  'tfl.MIRROR_PAD': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 2, 5));
    const mode = pick(r, ['REFLECT', 'SYMMETRIC']);
    const pads = shape.flatMap((d) => [int(r, 0, mode === 'REFLECT' ? d - 1 : d), int(r, 0, mode === 'REFLECT' ? d - 1 : d)]);
    await expectConforms('tfl.MIRROR_PAD', [f32(r, shape), i32(pads, [shape.length, 2])], { mode }, `[${shape}] ${mode} [${pads}]`);
  },
  'tfl.SPACE_TO_DEPTH': async (r) => {
    const bs = pick(r, [1, 2, 3]);
    const shape = [int(r, 1, 2), bs * int(r, 1, 3), bs * int(r, 1, 3), int(r, 1, 4)];
    await expectConforms('tfl.SPACE_TO_DEPTH', [f32(r, shape)], { blockSize: bs }, `[${shape}] block ${bs}`);
  },
  'tfl.DEPTH_TO_SPACE': async (r) => {
    const bs = pick(r, [1, 2, 3]);
    const shape = [int(r, 1, 2), int(r, 1, 4), int(r, 1, 4), bs * bs * int(r, 1, 3)];
    await expectConforms('tfl.DEPTH_TO_SPACE', [f32(r, shape)], { blockSize: bs }, `[${shape}] block ${bs}`);
  },
  'tfl.PRELU': async (r) => {
    const shape = [1, int(r, 1, 5), int(r, 1, 5), int(r, 1, 6)];
    const alpha = r() < 0.5 ? [shape[3]!] : [1, 1, shape[3]!];
    await expectConforms('tfl.PRELU', [f32(r, shape, false, 3), f32(r, alpha, r() < 0.7)], {}, `[${shape}] alpha [${alpha}]`);
  },
  'tfl.TRANSPOSE_CONV': async (r) => {
    const k = pick(r, [1, 2, 3, 4]), s = pick(r, [1, 2, 3]);
    const padding = pick(r, ['SAME', 'VALID']);
    const n = pick(r, [1, 2]), h = int(r, 1, 6), w = int(r, 1, 6), cin = pick(r, [1, 3, 8]), cout = pick(r, [1, 4, 9]);
    const oh = padding === 'SAME' ? h * s : (h - 1) * s + k, ow = padding === 'SAME' ? w * s : (w - 1) * s + k;
    const bias = r() < 0.6 ? f32(r, [cout], true) : undefined;
    await expectConforms('tfl.TRANSPOSE_CONV', [i32([n, oh, ow, cout]), f32(r, [cout, k, k, cin], true), f32(r, [n, h, w, cin]), bias],
      { padding, strideH: s, strideW: s }, `x [${n},${h},${w},${cin}] k ${k} s ${s} ${padding} → [${oh},${ow},${cout}]`);
  },
  'tfl.L2_NORMALIZATION': async (r) => {
    const shape = [int(r, 1, 4), pick(r, [1, 5, 100])];
    await expectConforms('tfl.L2_NORMALIZATION', [f32(r, shape, false, 3)], {}, `[${shape}]`);
  },
  'tfl.CAST': async (r) => {
    const shape = [int(r, 1, 4), int(r, 1, 5)];
    const x = f32(r, shape, false, 50);
    const c = await compareOpTyped('tfl.CAST', [x], {}, 'i32');
    expect(c.backend).toBe('webgpu');
    if (mode.values) expect(Array.from(c.got.data as Int32Array)).toEqual(Array.from(c.want.data as Int32Array));
    const back = await compareOpTyped('tfl.CAST', [{ shape, data: Int32Array.from(c.want.data as Int32Array), dtype: 'i32' }], {}, 'f32');
    expect(back.backend).toBe('webgpu');
    if (mode.values) expect(Array.from(back.got.data as Float32Array)).toEqual(Array.from(back.want.data as Float32Array));
  },
  ...Object.fromEntries(['tfl.EQUAL', 'tfl.NOT_EQUAL', 'tfl.LESS', 'tfl.LESS_EQUAL', 'tfl.GREATER', 'tfl.GREATER_EQUAL'].map((op) => [op, compare(op)])),
  'tfl.LOGICAL_AND': logical('tfl.LOGICAL_AND'),
  'tfl.LOGICAL_OR': logical('tfl.LOGICAL_OR'),
  'tfl.LOGICAL_NOT': async (r) => {
    const shape = [int(r, 1, 4), int(r, 1, 5)];
    await expectExact('tfl.LOGICAL_NOT', [bools(r, shape)], {}, 'bool', `[${shape}]`);
  },
  'tfl.SELECT_V2': async (r) => {
    const out = [int(r, 1, 3), int(r, 1, 4), int(r, 1, 3)];
    const sub = () => out.slice(int(r, 0, 3)).map((d) => (r() < 0.4 ? 1 : d));
    const [sc, sx, sy] = [sub(), sub(), sub()];
    if (sc.length < 3 && sx.length < 3 && sy.length < 3) sx.unshift(...out.slice(0, 3 - sx.length));
    await expectExact('tfl.SELECT_V2', [bools(r, sc), f32(r, sx), f32(r, sy, r() < 0.3)], {}, 'f32', `[${sc}] ? [${sx}] : [${sy}]`);
  },
  'tfl.SPACE_TO_BATCH_ND': async (r) => {
    const bh = pick(r, [1, 2, 3]), bw = pick(r, [1, 2]);
    const pads = [int(r, 0, 2), 0, int(r, 0, 1), 0];
    const h = bh * int(r, 1, 3) - pads[0]!, w = bw * int(r, 1, 3) - pads[2]!;
    const shape = [int(r, 1, 2), Math.max(1, h), Math.max(1, w), int(r, 1, 3)];
    pads[1] = (bh - ((shape[1]! + pads[0]!) % bh)) % bh; pads[3] = (bw - ((shape[2]! + pads[2]!) % bw)) % bw;
    await expectConforms('tfl.SPACE_TO_BATCH_ND', [f32(r, shape), i32([bh, bw]), i32(pads, [2, 2])], {}, `[${shape}] block ${bh}x${bw} pads [${pads}]`);
  },
  'tfl.BATCH_TO_SPACE_ND': async (r) => {
    const bh = pick(r, [1, 2, 3]), bw = pick(r, [1, 2]);
    const shape = [bh * bw * int(r, 1, 2), int(r, 1, 3), int(r, 1, 3), int(r, 1, 3)];
    const crops = [int(r, 0, 1), 0, 0, int(r, 0, 1)].map((c, i) => Math.min(c, i < 2 ? shape[1]! * bh - 1 : shape[2]! * bw - 1));
    await expectConforms('tfl.BATCH_TO_SPACE_ND', [f32(r, shape), i32([bh, bw]), i32(crops, [2, 2])], {}, `[${shape}] block ${bh}x${bw} crops [${crops}]`);
  },
  'tfl.EXPAND_DIMS': async (r) => {
    const shape = [int(r, 1, 4), int(r, 1, 4)];
    await expectConforms('tfl.EXPAND_DIMS', [f32(r, shape), i32([int(r, -3, 2)], [1])], {}, `[${shape}]`);
  },
  'tfl.SELECT': async (r, i) => {
    const shape = Array.from({ length: int(r, 1, 3) }, () => int(r, 1, 4));
    const how = pick(r, shape.length > 1 ? ['same', 'rows', 'scalar'] : ['same', 'scalar']);
    const sc = how === 'same' ? shape : how === 'rows' ? [shape[0]!] : [];
    const values = (constant: boolean): Operand => (i % 2 === 1
      ? { shape, dtype: 'i32', data: Int32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => int(r, -50, 50)), constant }
      : f32(r, shape, constant));
    await expectExact('tfl.SELECT', [bools(r, sc), values(false), values(r() < 0.3)], {}, i % 2 === 1 ? 'i32' : 'f32', `[${sc}] ? [${shape}] (${how})`);
  },
  'tfl.GATHER_ND': async (r, i) => {
    const ps = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 4));
    const k = int(r, i === 0 ? 0 : 1, ps.length), batch = Array.from({ length: int(r, 0, 2) }, () => int(r, 1, 3));
    const rows = batch.reduce((a, b) => a * b, 1);
    const idx = Array.from({ length: rows }, () => ps.slice(0, k).map((d) => int(r, 0, d - 1))).flat();
    await expectExact('tfl.GATHER_ND', [f32(r, ps, r() < 0.3), i32(idx, [...batch, k], r() < 0.5)], {}, 'f32', `[${ps}] indices [${batch},${k}] [${idx}]`);
  },
  'tfl.EMBEDDING_LOOKUP': async (r) => {
    const table = [int(r, 1, 6), ...Array.from({ length: int(r, 1, 2) }, () => int(r, 1, 5))];
    const ids = Array.from({ length: int(r, 1, 6) }, () => int(r, 0, table[0]! - 1));
    await expectExact('tfl.EMBEDDING_LOOKUP', [i32(ids, [ids.length], r() < 0.5), f32(r, table, r() < 0.5)], {}, 'f32', `table [${table}] ids [${ids}]`);
  },
  'tfl.ATAN2': async (r) => {
    const rank = int(r, 0, 4);
    const out = Array.from({ length: rank }, () => pick(r, [1, 2, 3, 5]));
    const operand = () => out.slice(rank - int(r, 0, rank)).map((d) => (r() < 0.35 ? 1 : d));
    const sy = operand(), sx = r() < 0.3 ? [...sy] : operand();
    const y = f32(r, sy, false, 3), x = f32(r, sx, r() < 0.5, 3);
    for (const t of [y, x]) for (let j = 0; j < t.data.length; j++) if (r() < 0.15) t.data[j] = 0; // axes and the origin
    await expectConforms('tfl.ATAN2', [y, x], {}, `atan2([${sy}], [${sx}])`, TOL['transcendental']);
  },
  'tfl.DYNAMIC_UPDATE_SLICE': async (r) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 5));
    const us = shape.map((d) => int(r, 1, d));
    const start = shape.map((d) => int(r, -2, d + 1)); // past either end: clamped so the update fits
    await expectExact('tfl.DYNAMIC_UPDATE_SLICE', [f32(r, shape, r() < 0.2), f32(r, us, r() < 0.3), i32(start, [shape.length], r() < 0.5)], {}, 'f32', `[${shape}] ← [${us}] at [${start}]`);
  },
  'tfl.SCATTER_ND': async (r, i) => {
    const shape = Array.from({ length: int(r, 1, 4) }, () => int(r, 1, 4));
    const k = int(r, 1, shape.length), batch = Array.from({ length: int(r, 1, 2) }, () => int(r, 1, 4));
    const rows = batch.reduce((a, b) => a * b, 1);
    const pool = Array.from({ length: int(r, 1, 3) }, () => shape.slice(0, k).map((d) => int(r, 0, d - 1)));
    const idx = Array.from({ length: rows }, () => pick(r, pool)).flat(); // few distinct rows: duplicates sum
    const us = [...batch, ...shape.slice(k)];
    const ints = i % 2 === 1;
    const n = us.reduce((a, b) => a * b, 1);
    const updates: Operand = ints ? { shape: us, dtype: 'i32', data: Int32Array.from({ length: n }, () => int(r, -9, 9)) } : f32(r, us, r() < 0.3);
    const inputs = [i32(idx, [...batch, k], r() < 0.5), updates, i32(shape)];
    const what = `[${shape}] indices [${batch},${k}] [${idx}] ${ints ? 'i32' : 'f32'}`;
    if (ints) await expectExact('tfl.SCATTER_ND', inputs, {}, 'i32', what);
    else await expectConforms('tfl.SCATTER_ND', inputs, {}, what);
  },
};

/** f16 on the default adapter when it has 'shader-f16'; else f16 shaders validated on Dawn's null backend. */
async function f16Mode(): Promise<Mode> {
  if ((await webgpuInfo()).shaderF16) return { name: 'f16', session: { precision: 'f16' }, values: true };
  return { name: 'f16 on the null backend (compiles and validates; values not computed)', session: { precision: 'f16', gpu: await nullBackendGpu() }, values: false };
}

const MODES: Mode[] = HAS_WEBGPU ? [F32_MODE, await f16Mode()] : [F32_MODE];

for (const m of MODES) {
  describeGpu(`webgpu conformance vs reference (${m.name})`, () => {
    const use = () => { mode = m; };
    it('tfl.CONV_2D: every kernel path (1×1 matmul, implicit GEMM, direct)', async () => {
      use();
      const r = rng(4242);
      const cases: [number[], number[], Record<string, AttrValue>][] = [
        [[2, 6, 5, 70], [40, 1, 1, 70], { padding: 'SAME', strideH: 1, strideW: 1 }],                 // 1×1: tiled matmul
        [[1, 9, 8, 17], [33, 3, 3, 17], { padding: 'SAME', strideH: 2, strideW: 1 }],                 // implicit GEMM
        [[1, 11, 10, 9], [36, 3, 3, 9], { padding: 'VALID', strideH: 1, strideW: 1, dilationHFactor: 2, dilationWFactor: 2 }],
        [[2, 7, 7, 3], [8, 3, 3, 3], { padding: 'SAME', strideH: 2, strideW: 2 }],                    // direct, 4 channels per invocation
        [[1, 6, 6, 70], [40, 1, 1, 70], { padding: 'VALID', strideH: 2, strideW: 2 }],                // strided 1×1: implicit GEMM
      ];
      for (const [x, w, a] of cases) {
        const attrs = { dilationHFactor: 1, dilationWFactor: 1, fusedActivationFunction: 'RELU6', ...a };
        await expectConforms('tfl.CONV_2D', [f32(r, x), f32(r, w, true), f32(r, [w[0]!], true)], attrs, `x [${x}] w [${w}] ${JSON.stringify(a)}`);
      }
    });

    for (const [op, spec] of Object.entries(SPECS)) {
      it(`${op}: ${CASES} random cases`, async () => {
        use();
        const r = rng(op.length * 7919 + 17);
        for (let i = 0; i < CASES; i++) await spec(r, i);
      });
    }
  });
}
