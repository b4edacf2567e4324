// Per-op conformance: random shapes (odd sizes, strides, dilations, both paddings, broadcasting,
// fused activations, with and without bias, constant and computed weights) run on a backend and
// on `reference`, outputs compared with a float tolerance. Written once for every fast backend:
// add its name to BACKENDS (and its ISA variants to VARIANTS) to run the same specs on it.
import { afterAll, describe, expect, it } from 'vitest';
import type { AttrValue, DType, Node, QuantParams, Value } from '../src/ir';
import { setRequantization } from '../src/backends/reference/kernels/nn-quant-utils';
import type { Tensor } from '../src/kernel';
import { runNode } from '../src/run-node';
import { chosenBackend, selectWasmIsa, type WasmIsa } from '../src/backends/wasm/index';

interface Variant { backend: string; label: string; setup?: () => void; teardown?: () => void; cases: number }
const wasmIsa = (isa: WasmIsa, cases: number): Variant => ({
  backend: 'wasm', label: `wasm (${isa})`, cases, setup: () => selectWasmIsa(isa), teardown: () => selectWasmIsa(undefined),
});
/** Backends (and builds) under test; the scalar build runs fewer random cases. */
const VARIANTS: Variant[] = [wasmIsa('wasmsimd', 24), wasmIsa('scalar', 6)];

// ------------------------------------------------------------------------------------ helpers

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

let ids = 0;
interface Operand { dtype: DType; shape: number[]; data: Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array; constant?: boolean; quant?: QuantParams }
function f32(r: () => number, shape: number[], constant = false, scale = 1): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (r() * 2 - 1) * scale;
  return { dtype: 'f32', shape, data, constant };
}
/** Random 8-bit tensor (full range) with per-tensor or per-axis quantization. */
function q8(r: () => number, dtype: 'i8' | 'u8', shape: number[], quant: QuantParams, constant = false): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === 'i8' ? new Int8Array(n) : new Uint8Array(n);
  for (let i = 0; i < n; i++) data[i] = dtype === 'i8' ? int(r, -128, 127) : int(r, 0, 255);
  return { dtype, shape, data, constant, quant };
}
function i32(r: () => number, shape: number[], lo: number, hi: number, quant?: QuantParams): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Int32Array(n);
  for (let i = 0; i < n; i++) data[i] = int(r, lo, hi);
  return { dtype: 'i32', shape, data, constant: true, quant };
}

/** Random integers of an integer dtype: its full range, or [−spread, spread] (clamped to the range) when given. */
function rawInts(r: () => number, dtype: 'i8' | 'u8' | 'i16' | 'u16' | 'i32' | 'u32', shape: number[], spread?: number): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  const [Arr, lo, hi] = {
    i8: [Int8Array, -128, 127], u8: [Uint8Array, 0, 255], i16: [Int16Array, -32768, 32767], u16: [Uint16Array, 0, 65535],
    i32: [Int32Array, -(2 ** 31), 2 ** 31 - 1], u32: [Uint32Array, 0, 2 ** 32 - 1],
  }[dtype] as [new (n: number) => Operand['data'], number, number];
  const data = new Arr(n);
  for (let k = 0; k < n; k++) data[k] = spread === undefined ? lo + Math.floor(r() * (hi - lo + 1)) : Math.max(lo, int(r, -spread, spread));
  return { dtype, shape, data };
}

function makeNode(op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, out: { dtype: DType; quant?: QuantParams }): { node: Node; tensors: (Tensor | undefined)[] } {
  const values = inputs.map((o, i): Value | undefined => o && {
    id: ids++, name: `in${i}`, dtype: o.dtype, shape: o.shape, quant: o.quant,
    data: o.constant ? new Uint8Array(o.data.buffer, o.data.byteOffset, o.data.byteLength) : undefined,
  });
  const node: Node = { op, name: `${op}#${ids}`, inputs: values, outputs: [{ id: ids++, name: 'out', dtype: out.dtype, shape: undefined, quant: out.quant }], attrs };
  const tensors = inputs.map((o, i) => o && { name: `in${i}`, dtype: o.dtype, shape: o.shape, data: o.data, quant: o.quant });
  return { node, tensors };
}

/** Quantized ops: the backend must agree with reference bit for bit. */
function expectExact(backend: string, op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, out: { dtype: DType; quant?: QuantParams }, what: string): void {
  const { node, tensors } = makeNode(op, inputs, attrs, out);
  const [want] = runNode(node, tensors, { backend: 'reference' });
  runNode(node, tensors, { backend });
  const [got] = runNode(node, tensors, { backend });
  expect(chosenBackend(node), `${op} ${what}: ran natively`).toBe(backend);
  expect(got!.shape, `${op} ${what}: shape`).toEqual(want!.shape);
  const a = got!.data as Int8Array, b = want!.data as Int8Array;
  let bad = -1;
  for (let i = 0; i < b.length && bad < 0; i++) if (a[i] !== b[i]) bad = i;
  expect(bad, `${op} ${what}: first difference at ${bad} (${a[bad]} vs ${b[bad]})`).toBe(-1);
}

/** Runs the node on `backend` and on reference; expects equal shapes and close values (relTol 0: identical). */
function expectConforms(backend: string, op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, what: string, relTol = 2e-5): void {
  const { node, tensors } = makeNode(op, inputs, attrs, { dtype: 'f32' });
  const [want] = runNode(node, tensors, { backend: 'reference' });
  // Twice: the second run reuses packed weights of constant inputs.
  runNode(node, tensors, { backend });
  const [got] = runNode(node, tensors, { backend });
  expect(chosenBackend(node), `${op} ${what}: ran natively`).toBe(backend);
  expect(got!.shape, `${op} ${what}: shape`).toEqual(want!.shape);
  const a = got!.data as Float32Array, b = want!.data as Float32Array;
  let maxAbs = 0, maxDiff = 0, at = -1;
  for (let i = 0; i < b.length; i++) if (Number.isFinite(b[i]!)) maxAbs = Math.max(maxAbs, Math.abs(b[i]!));
  for (let i = 0; i < b.length; i++) {
    const d = a[i] === b[i] || (Number.isNaN(a[i]!) && Number.isNaN(b[i]!)) ? 0 : Math.abs(a[i]! - b[i]!);
    if (!(d <= maxDiff)) { maxDiff = Number.isNaN(d) ? Infinity : d; at = i; }
  }
  const tol = relTol * Math.max(1, maxAbs);
  expect(maxDiff, `${op} ${what}: max |diff| at ${at} (${a[at]} vs ${b[at]})`).toBeLessThanOrEqual(tol);
}

/** Float outputs that must match reference bit for bit (hybrid kernels). */
function expectBitExact(backend: string, op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, what: string): void {
  const { node, tensors } = makeNode(op, inputs, attrs, { dtype: 'f32' });
  const [want] = runNode(node, tensors, { backend: 'reference' });
  runNode(node, tensors, { backend });
  const [got] = runNode(node, tensors, { backend });
  expect(chosenBackend(node), `${op} ${what}: ran natively`).toBe(backend);
  expect(got!.shape, `${op} ${what}: shape`).toEqual(want!.shape);
  const a = got!.data as Float32Array, b = want!.data as Float32Array;
  const ab = new Uint32Array(a.buffer, a.byteOffset, a.length), bb = new Uint32Array(b.buffer, b.byteOffset, b.length);
  let bad = -1;
  for (let i = 0; i < bb.length && bad < 0; i++) if (ab[i] !== bb[i]) bad = i;
  expect(bad, `${op} ${what}: first difference at ${bad} (${a[bad]} vs ${b[bad]})`).toBe(-1);
}

const ACTS = ['NONE', 'RELU', 'RELU6', 'RELU_N1_TO_1'];

// ------------------------------------------------------------------------------------ specs

type Spec = (backend: string, r: () => number, i: number) => void;

const SPECS: Record<string, Spec> = {
  'tfl.CONV_2D': (backend, r, i) => {
    const k = pick(r, [1, 1, 2, 3, 3, 5]);
    const kw = r() < 0.2 ? pick(r, [1, 2, 3]) : k;
    const stride = pick(r, [1, 1, 2, 3]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const padding = pick(r, ['SAME', 'VALID']);
    const n = pick(r, [1, 1, 2]), h = int(r, (k - 1) * dil + 1, 13), w = int(r, (kw - 1) * dil + 1, 13);
    const cin = pick(r, [1, 3, 4, 5, 8, 17, 32]), cout = pick(r, [1, 4, 7, 16, 17, 33]);
    const bias = r() < 0.8 ? f32(r, [cout], true) : undefined;
    const attrs = { padding, strideH: stride, strideW: i % 2 ? stride : 1, dilationHFactor: dil, dilationWFactor: dil, fusedActivationFunction: pick(r, ACTS) };
    expectConforms(backend, 'tfl.CONV_2D', [f32(r, [n, h, w, cin]), f32(r, [cout, k, kw, cin], i % 5 !== 4), bias], attrs,
      `x [${n},${h},${w},${cin}] w [${cout},${k},${kw},${cin}] ${JSON.stringify(attrs)} bias ${!!bias}`);
  },
  'tfl.DEPTHWISE_CONV_2D': (backend, r, i) => {
    const k = pick(r, [1, 3, 3, 5]);
    const stride = pick(r, [1, 1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const padding = pick(r, ['SAME', 'VALID']);
    const n = pick(r, [1, 2]), h = int(r, (k - 1) * dil + 1, 12), w = int(r, (k - 1) * dil + 1, 12);
    const c = pick(r, [1, 3, 4, 8, 13, 16, 24]), dm = pick(r, [1, 1, 1, 2, 3, 4, 16]);
    const bias = r() < 0.8 ? f32(r, [c * dm], true) : undefined;
    const attrs = { padding, strideH: stride, strideW: stride, dilationHFactor: dil, dilationWFactor: dil, depthMultiplier: dm, fusedActivationFunction: pick(r, ACTS) };
    expectConforms(backend, 'tfl.DEPTHWISE_CONV_2D', [f32(r, [n, h, w, c]), f32(r, [1, k, k, c * dm], i % 5 !== 4), bias], attrs,
      `x [${n},${h},${w},${c}] k ${k} dm ${dm} ${JSON.stringify(attrs)}`);
  },
  'tfl.FULLY_CONNECTED': (backend, r, i) => {
    const rows = pick(r, [1, 2, 3, 5, 9]), depth = pick(r, [1, 3, 8, 16, 31, 64]), units = pick(r, [1, 2, 10, 16, 17, 40]);
    const keep = r() < 0.3;
    const bias = r() < 0.7 ? f32(r, [units], true) : undefined;
    const x = keep ? f32(r, [1, rows, depth]) : f32(r, [rows, depth]);
    const attrs = { keepNumDims: keep, fusedActivationFunction: pick(r, ACTS) };
    expectConforms(backend, 'tfl.FULLY_CONNECTED', [x, f32(r, [units, depth], i % 4 !== 3), bias], attrs,
      `rows ${rows} depth ${depth} units ${units} ${JSON.stringify(attrs)}`);
  },
  'tfl.BATCH_MATMUL': (backend, r, i) => {
    const m = pick(r, [1, 2, 3, 5, 8, 17, 40]), k = pick(r, [1, 3, 8, 16, 31, 64]), n = pick(r, [1, 2, 7, 16, 17, 33]);
    const adjX = r() < 0.5, adjY = r() < 0.5;
    // Batch dims (rank 0..3) broadcast: each operand keeps a suffix, some dims set to 1.
    const ob = Array.from({ length: int(r, 0, 3) }, () => pick(r, [1, 2, 3]));
    const batch = () => ob.slice(ob.length - int(r, 0, ob.length)).map((d) => (r() < 0.3 ? 1 : d));
    const sa = [...batch(), ...(adjX ? [k, m] : [m, k])], sb = [...batch(), ...(adjY ? [n, k] : [k, n])];
    const attrs = { adjX, adjY };
    expectConforms(backend, 'tfl.BATCH_MATMUL', [f32(r, sa), f32(r, sb, i % 3 === 2)], attrs,
      `[${sa}] × [${sb}] ${JSON.stringify(attrs)} rhs ${i % 3 === 2 ? 'constant' : 'computed'}`);
  },
  'tfl.CONV_2D int8/uint8': (backend, r, i) => {
    const k = pick(r, [1, 1, 2, 3, 5]);
    const stride = pick(r, [1, 1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2]), h = int(r, (k - 1) * dil + 1, 11), w = int(r, (k - 1) * dil + 1, 11);
    const cin = pick(r, [1, 3, 4, 7, 8, 16, 33]), cout = pick(r, [1, 5, 8, 16, 17, 32]);
    const { x, f, b, out } = quantConv(r, i, [n, h, w, cin], [cout, k, k, cin], cout, cin * k * k, 0);
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: stride, dilationHFactor: dil, dilationWFactor: dil, fusedActivationFunction: pick(r, ACTS) };
    withRequant(i, () => expectExact(backend, 'tfl.CONV_2D', [x, f, b], attrs, out, `${x.dtype} x [${x.shape}] w [${f.shape}] ${JSON.stringify(attrs)}`));
  },
  'tfl.DEPTHWISE_CONV_2D int8/uint8': (backend, r, i) => {
    const k = pick(r, [1, 3, 3, 5]);
    const stride = pick(r, [1, 1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2]), h = int(r, (k - 1) * dil + 1, 11), w = int(r, (k - 1) * dil + 1, 11);
    const c = pick(r, [1, 3, 8, 13, 16, 24]), dm = pick(r, [1, 1, 2]);
    const { x, f, b, out } = quantConv(r, i, [n, h, w, c], [1, k, k, c * dm], c * dm, k * k, 3);
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: stride, dilationHFactor: dil, dilationWFactor: dil, depthMultiplier: dm, fusedActivationFunction: pick(r, ACTS) };
    withRequant(i, () => expectExact(backend, 'tfl.DEPTHWISE_CONV_2D', [x, f, b], attrs, out, `${x.dtype} x [${x.shape}] w [${f.shape}] ${JSON.stringify(attrs)}`));
  },
  'tfl.FULLY_CONNECTED int8/uint8': (backend, r, i) => {
    const rows = pick(r, [1, 2, 3, 7]), depth = pick(r, [1, 3, 8, 16, 31, 64]), units = pick(r, [1, 2, 10, 16, 17, 40]);
    const { x, f, b, out } = quantConv(r, i, [rows, depth], [units, depth], units, depth, -1);
    const attrs = { fusedActivationFunction: pick(r, ACTS) };
    withRequant(i, () => expectExact(backend, 'tfl.FULLY_CONNECTED', [x, f, b], attrs, out, `${x.dtype} x [${x.shape}] w [${f.shape}] ${JSON.stringify(attrs)}`));
  },
  'tfl.CONV_2D hybrid': (backend, r, i) => {
    const k = pick(r, [1, 1, 2, 3, 5]), kw = r() < 0.2 ? pick(r, [1, 3]) : k;
    const stride = pick(r, [1, 1, 2, 3]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2, 3]), h = int(r, (k - 1) * dil + 1, 12), w = int(r, (kw - 1) * dil + 1, 12);
    const cin = pick(r, [1, 3, 4, 7, 8, 16, 33]), cout = pick(r, [1, 5, 8, 16, 17, 32]);
    // Scales: per channel (differing: asymmetric input quantization), per channel all equal or
    // per tensor (symmetric).
    const kind = i % 3;
    const f = hybridWeights(r, [cout, k, kw, cin], cout, kind);
    const bias = r() < 0.7 ? f32(r, [cout], true, 2) : undefined;
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: i % 2 ? stride : 1, dilationHFactor: dil, dilationWFactor: dil, fusedActivationFunction: pick(r, ACTS) };
    expectBitExact(backend, 'tfl.CONV_2D', [hybridInput(r, [n, h, w, cin], i), f, bias], attrs,
      `x [${n},${h},${w},${cin}] w [${f.shape}] scales ${['differing', 'equal', 'per-tensor'][kind]} ${JSON.stringify(attrs)} bias ${!!bias}`);
  },
  'tfl.DEPTHWISE_CONV_2D hybrid': (backend, r, i) => {
    const k = pick(r, [1, 3, 3, 5]);
    const stride = pick(r, [1, 1, 2]), dil = stride === 1 && r() < 0.3 ? 2 : 1;
    const n = pick(r, [1, 2, 3]), h = int(r, (k - 1) * dil + 1, 12), w = int(r, (k - 1) * dil + 1, 12);
    const c = pick(r, [1, 3, 8, 13, 16, 24, 40]), dm = pick(r, [1, 1, 1, 2, 3]);
    const f = hybridWeights(r, [1, k, k, c * dm], c * dm, i % 3, 3);
    const bias = r() < 0.7 ? f32(r, [c * dm], true, 2) : undefined;
    const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: stride, strideW: stride, dilationHFactor: dil, dilationWFactor: dil, depthMultiplier: dm, fusedActivationFunction: pick(r, ACTS) };
    expectBitExact(backend, 'tfl.DEPTHWISE_CONV_2D', [hybridInput(r, [n, h, w, c], i), f, bias], attrs,
      `x [${n},${h},${w},${c}] w [${f.shape}] ${f.quant!.scale.length} scales ${JSON.stringify(attrs)} bias ${!!bias}`);
  },
  'tfl.FULLY_CONNECTED hybrid': (backend, r, i) => {
    const rows = pick(r, [1, 2, 3, 5, 9, 16]), depth = pick(r, [1, 3, 8, 16, 31, 64, 100]), units = pick(r, [1, 2, 10, 16, 17, 40]);
    const keep = r() < 0.3;
    const f = hybridWeights(r, [units, depth], units, i % 3 === 0 ? 2 : i % 3);
    const bias = r() < 0.7 ? f32(r, [units], true, 2) : undefined;
    const x = hybridInput(r, keep ? [1, rows, depth] : [rows, depth], i);
    const attrs = { keepNumDims: keep, asymmetricQuantizeInputs: i % 2 === 1, fusedActivationFunction: pick(r, ACTS) };
    expectBitExact(backend, 'tfl.FULLY_CONNECTED', [x, f, bias], attrs,
      `x [${x.shape}] w [${f.shape}] ${f.quant!.scale.length} scales ${JSON.stringify(attrs)} bias ${!!bias}`);
  },
  'tfl.ADD int8/uint8': (backend, r, i) => q8BinarySpec(backend, r, i, 'tfl.ADD'),
  'tfl.SUB int8/uint8': (backend, r, i) => q8BinarySpec(backend, r, i, 'tfl.SUB'),
  'tfl.MUL int8/uint8': (backend, r, i) => q8BinarySpec(backend, r, i, 'tfl.MUL'),
  'tfl.QUANTIZE float32→int8/uint8': (backend, r, i) => {
    const dt = i % 2 === 0 ? 'i8' : 'u8';
    const shape = pick(r, [[1], [7], [3, 5], [1, 6, 6, 3], [2, 9, 17]]);
    const scale = Math.fround(0.005 + r() * 0.1), zp = dt === 'i8' ? int(r, -20, 20) : int(r, 100, 150);
    const x = f32(r, shape, false, 2);
    // exact ties (k + 0.5)·scale, values far out of range, ±0, NaN and ±Infinity
    for (let k = 0; k < x.data.length; k += 3) x.data[k] = Math.fround((int(r, -300, 300) + 0.5) * scale);
    const special = [0, -0, 1e9, -1e9, NaN, Infinity, -Infinity];
    if (i % 3 === 0) for (let k = 1; k < x.data.length; k += 5) x.data[k] = pick(r, special);
    expectExact(backend, 'tfl.QUANTIZE', [x], {}, { dtype: dt as DType, quant: { scale: [scale], zeroPoint: [zp] } }, `${dt} [${shape}] scale ${scale} zp ${zp}`);
  },
  'tfl.ADD/SUB/MUL int8/uint8, ≥ 1024 outputs (lookup table)': (backend, r, i) => {
    const [sa, sb] = pick(r, [
      [[1, 24, 24, 3], [1, 1, 1, 3]], [[1, 24, 24, 3], []], [[2, 16, 40], [2, 16, 40]], [[16, 16, 1], [1, 17]], [[1], [33, 40]], [[5, 1, 300], [5, 7, 1]],
    ] as [number[], number[]][]);
    q8BinarySpecShapes(backend, r, i, pick(r, ['tfl.ADD', 'tfl.SUB', 'tfl.MUL']), r() < 0.5 ? [sa, sb] : [sb, sa]);
  },
  'tfl.QUANTIZE int8/uint8→int8/uint8': (backend, r, i) => {
    const din = pick(r, ['i8', 'u8'] as const), dout = i % 2 === 0 ? 'i8' : 'u8';
    const zp = (d: string) => (d === 'i8' ? int(r, -30, 30) : int(r, 100, 150));
    const shape = pick(r, [[1], [300], [4, 5, 17]]);
    const x = q8(r, din, shape, { scale: [0.01 + r() * 0.1], zeroPoint: [zp(din)] });
    expectExact(backend, 'tfl.QUANTIZE', [x], {}, { dtype: dout as DType, quant: { scale: [0.01 + r() * 0.1], zeroPoint: [zp(dout)] } }, `${din}→${dout} [${shape}]`);
  },
  'tfl.PAD float32/int8/uint8': (backend, r, i) => {
    const rank = int(r, 1, 5);
    const shape = Array.from({ length: rank }, () => int(r, 1, 6));
    const pads = Array.from({ length: rank * 2 }, () => (r() < 0.4 ? 0 : int(r, 1, 3)));
    const paddings: Operand = { dtype: 'i32', shape: [rank, 2], data: Int32Array.from(pads), constant: true };
    if (i % 3 === 0) {
      expectConforms(backend, 'tfl.PAD', [f32(r, shape), paddings], {}, `[${shape}] pads ${pads}`, 0);
    } else {
      const dt = i % 3 === 1 ? 'i8' : 'u8';
      const q = { scale: [0.05], zeroPoint: [dt === 'i8' ? int(r, -20, 20) : int(r, 100, 150)] };
      expectExact(backend, 'tfl.PAD', [q8(r, dt, shape, q), paddings], {}, { dtype: dt as DType, quant: q }, `${dt} [${shape}] pads ${pads}`);
    }
  },
  'tfl.RESIZE_BILINEAR': (backend, r, i) => {
    const n = pick(r, [1, 2]), h = int(r, 1, 9), w = int(r, 1, 9), c = pick(r, [1, 3, 4, 5, 8, 21]);
    const oh = int(r, 1, 17), ow = int(r, 1, 17);
    const attrs = i % 3 === 0 ? { alignCorners: true } : i % 3 === 1 ? { halfPixelCenters: true } : {};
    const size: Operand = { dtype: 'i32', shape: [2], data: Int32Array.from([oh, ow]), constant: true };
    expectConforms(backend, 'tfl.RESIZE_BILINEAR', [f32(r, [n, h, w, c], false, 5), size], attrs, `[${n},${h},${w},${c}] → ${oh}×${ow} ${JSON.stringify(attrs)}`, 0);
  },
  'tfl.AVERAGE_POOL_2D': (backend, r) => poolSpec(backend, r, 'tfl.AVERAGE_POOL_2D'),
  'tfl.MAX_POOL_2D': (backend, r) => poolSpec(backend, r, 'tfl.MAX_POOL_2D'),
  'tfl.ADD': (backend, r) => binarySpec(backend, r, 'tfl.ADD'),
  'tfl.SUB': (backend, r) => binarySpec(backend, r, 'tfl.SUB'),
  'tfl.MUL': (backend, r) => binarySpec(backend, r, 'tfl.MUL'),
  'tfl.DIV': (backend, r) => binarySpec(backend, r, 'tfl.DIV'),
  'tfl.RESIZE_BILINEAR int8/uint8': (backend, r, i) => {
    const dt = i % 2 === 0 ? 'i8' : 'u8';
    const n = pick(r, [1, 2]), h = int(r, 1, 9), w = int(r, 1, 9), c = pick(r, [1, 3, 8, 13, 16, 24, 64]);
    const oh = int(r, 1, 19), ow = int(r, 1, 19);
    const attrs = pick(r, [{}, { alignCorners: true }, { halfPixelCenters: true }]);
    const q = { scale: [0.05], zeroPoint: [dt === 'i8' ? int(r, -20, 20) : int(r, 100, 150)] };
    const size: Operand = { dtype: 'i32', shape: [2], data: Int32Array.from([oh, ow]), constant: true };
    withRequant(i, () => expectExact(backend, 'tfl.RESIZE_BILINEAR', [q8(r, dt, [n, h, w, c], q), size], attrs, { dtype: dt as DType, quant: q },
      `${dt} [${n},${h},${w},${c}] → ${oh}×${ow} ${JSON.stringify(attrs)}`));
  },
  'float32 unary math (ABS, NEG, SQRT, RSQRT, EXP, LOG, LOGISTIC, TANH)': (backend, r, i) => {
    const op = ['tfl.ABS', 'tfl.NEG', 'tfl.SQRT', 'tfl.RSQRT', 'tfl.EXP', 'tfl.LOG', 'tfl.LOGISTIC', 'tfl.TANH'][i % 8]!;
    const shape = pick(r, [[1], [3], [7, 5], [2, 3, 17], [1, 9, 9, 4]]);
    const positive = op === 'tfl.SQRT' || op === 'tfl.RSQRT' || op === 'tfl.LOG';
    const x = f32(r, shape, false, op === 'tfl.EXP' ? 20 : 12);
    if (positive) for (let k = 0; k < x.data.length; k++) x.data[k] = Math.abs(x.data[k]!) * 10 ** int(r, -3, 3);
    // special values: ±0, a negative for the roots and log (NaN), ±Infinity, NaN
    const special = positive ? [0, -1, Infinity, NaN, 1e-30] : [0, -0, Infinity, -Infinity, NaN, 80, -80];
    for (let k = 1; k < x.data.length; k += 4) x.data[k] = pick(r, special);
    const exact = ['tfl.ABS', 'tfl.NEG', 'tfl.SQRT', 'tfl.RSQRT'].includes(op);
    expectConforms(backend, op, [x], {}, `[${shape}]`, exact ? 0 : 1e-6);
  },
  'tfl.SOFTMAX': (backend, r, i) => {
    const depth = i % 4 === 0 ? int(r, 1, 7) : int(r, 1, 300);
    const shape = [...Array.from({ length: int(r, 0, 3) }, () => int(r, 1, 4)), depth];
    const beta = pick(r, [1, 0.5, 2]);
    const x = f32(r, shape, false, pick(r, [1, 10, 100, 1e4]));
    const n = x.data.length;
    for (let k = 0; k < n; k++) if (r() < 0.1) x.data[k] = -Infinity;
    if (n > depth) x.data.fill(-Infinity, 0, depth); // a row of −Infinity only (reference: NaN)
    if (i % 6 === 5) x.data[n - 1] = NaN; // the last row becomes NaN
    expectConforms(backend, 'tfl.SOFTMAX', [x], { beta }, `[${shape}] β=${beta}`, 1e-6);
  },
  'tfl.LOGISTIC/TANH int8/uint8': (backend, r, i) => {
    const dt = i % 2 === 0 ? 'i8' : 'u8';
    const op = i % 4 < 2 ? 'tfl.LOGISTIC' : 'tfl.TANH';
    const zp = () => (dt === 'i8' ? int(r, -30, 30) : int(r, 100, 150));
    const shape = pick(r, [[1], [300], [1, 6, 6, 17]]);
    const x = q8(r, dt, shape, { scale: [0.02 + r() * 0.1], zeroPoint: [zp()] });
    expectExact(backend, op, [x], {}, { dtype: dt as DType, quant: { scale: [pick(r, [1 / 256, 1 / 128, 0.003 + r() * 0.01])], zeroPoint: [zp()] } }, `${dt} [${shape}]`);
  },
  'tfl.DEQUANTIZE int8/uint8/int16': (backend, r, i) => {
    const dt = pick(r, ['i8', 'u8', 'i16'] as const);
    const shape = pick(r, [[1], [300], [3, 5], [2, 6, 6, 7]]);
    const axis = i % 3 === 0 ? int(r, 0, shape.length - 1) : -1;
    const channels = axis >= 0 ? shape[axis]! : 1;
    const zp = () => (dt === 'u8' ? int(r, 100, 150) : int(r, -30, 30));
    const quant: QuantParams = {
      scale: Array.from({ length: channels }, () => 0.001 + r() * 0.2), zeroPoint: Array.from({ length: channels }, zp), ...(axis >= 0 ? { axis } : {}),
    };
    const x: Operand = { ...rawInts(r, dt, shape), quant };
    expectConforms(backend, 'tfl.DEQUANTIZE', [x], {}, `${dt} [${shape}] axis ${axis}`, 0);
  },
  'tfl.CAST': (backend, r, i) => {
    const types = ['f32', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32'] as const;
    const from = i % 4 === 0 ? pick(r, ['u8', 'i8', 'i32'] as const) : pick(r, types), to = i % 4 === 0 ? 'f32' : pick(r, types);
    const shape = pick(r, [[1], [5], [7, 9], [1, 12, 12, 3]]);
    let x: Operand;
    if (from === 'f32') {
      x = f32(r, shape, false, pick(r, [3, 300, 1e5, 5e9]));
      const special = [0, -0, -0.5, 0.5, 255.9, -128.5, 2 ** 31, -(2 ** 31) - 256, 2 ** 32 + 7 * 2 ** 8, 1e20, 3e38, NaN, Infinity, -Infinity];
      for (let k = 1; k < x.data.length; k += 3) x.data[k] = pick(r, special);
    } else x = rawInts(r, from, shape);
    if (to === 'f32') expectConforms(backend, 'tfl.CAST', [x], {}, `${from} → ${to} [${shape}]`, 0);
    else expectExact(backend, 'tfl.CAST', [x], {}, { dtype: to }, `${from} → ${to} [${shape}]`);
  },
  'tfl.ARG_MAX/ARG_MIN': (backend, r, i) => {
    const op = i % 2 === 0 ? 'tfl.ARG_MAX' : 'tfl.ARG_MIN';
    const rank = int(r, 1, 4);
    const shape = Array.from({ length: rank }, () => int(r, 1, 7));
    const axis = int(r, -rank, rank - 1);
    const dt = pick(r, ['f32', 'i8', 'u8', 'i16', 'i32'] as const);
    // few distinct values, so ties (first index wins) are common
    const x = dt === 'f32' ? f32(r, shape, false, 4) : rawInts(r, dt, shape, 4);
    if (dt === 'f32') for (let k = 0; k < x.data.length; k++) x.data[k] = r() < 0.1 ? NaN : Math.round(x.data[k]!);
    const axisT: Operand = { dtype: 'i32', shape: r() < 0.5 ? [] : [1], data: Int32Array.from([axis]), constant: true };
    expectExact(backend, op, [x, axisT], { outputType: 'INT32' }, { dtype: pick(r, ['i32', 'i64'] as const) }, `${dt} [${shape}] axis ${axis}`);
  },
};

/**
 * Operands of an 8-bit conv-like op: even cases int8 (per-channel weights on `axis` when ≥ 0,
 * symmetric), odd cases uint8 (per-tensor, asymmetric weights); int32 bias; an output scale
 * that keeps results inside the range most of the time.
 */
function quantConv(r: () => number, i: number, xShape: number[], wShape: number[], channels: number, taps: number, axis: number) {
  const dt = i % 2 === 0 ? 'i8' : 'u8';
  const xs = 0.01 + r() * 0.05, xz = dt === 'i8' ? int(r, -20, 20) : int(r, 100, 150);
  const perChannel = dt === 'i8' && axis >= 0;
  const ws = Array.from({ length: perChannel ? channels : 1 }, () => 0.002 + r() * 0.02);
  const wz = Array.from({ length: ws.length }, () => (dt === 'i8' ? 0 : int(r, 90, 160)));
  const x = q8(r, dt, xShape, { scale: [xs], zeroPoint: [xz] });
  const f = q8(r, dt, wShape, { scale: ws, zeroPoint: wz, ...(perChannel ? { axis } : {}) }, true);
  const b = r() < 0.8 ? i32(r, [channels], -3000, 3000, { scale: ws.map((s) => s * xs), zeroPoint: ws.map(() => 0) }) : undefined;
  // Every fourth case: an output scale below input × weight scale (multiplier > 1, left shift).
  const os = i % 4 === 3 ? xs * ws[0]! * (0.3 + r()) : xs * ws[0]! * Math.sqrt(taps) * 128 * (0.3 + r() * 0.7);
  const out = { dtype: dt as DType, quant: { scale: [os], zeroPoint: [dt === 'i8' ? int(r, -10, 10) : int(r, 118, 138)] } };
  return { x, f, b, out };
}

/**
 * Constant int8 weights of a hybrid op, symmetric: kind 0 one differing scale per output channel
 * (on `axis`), 1 one equal scale per channel, 2 one scale for the tensor.
 */
function hybridWeights(r: () => number, shape: number[], channels: number, kind: number, axis = 0): Operand {
  const s = 0.001 + r() * 0.02;
  const scale = kind === 2 ? [s] : Array.from({ length: channels }, () => (kind === 1 ? s : 0.001 + r() * 0.02));
  const f = q8(r, 'i8', shape, { scale, zeroPoint: scale.map(() => 0), ...(kind === 2 ? {} : { axis }) }, true);
  for (let k = 0; k < f.data.length; k++) if (f.data[k] === -128) f.data[k] = -127;
  return f;
}

/** Float input of a hybrid op: mixed signs, or (some cases) all ≥ 0 with an all-zero first batch. */
function hybridInput(r: () => number, shape: number[], i: number): Operand {
  const x = f32(r, shape, false, 3);
  if (i % 4 === 3) {
    for (let k = 0; k < x.data.length; k++) x.data[k] = Math.abs(x.data[k]!) + 0.5;
    x.data.fill(0, 0, x.data.length / shape[0]!);
  }
  return x;
}

/** Every third case uses XNNPACK's fp32 requantization instead of gemmlowp's. */
function withRequant(i: number, fn: () => void): void {
  if (i % 3 !== 2) { fn(); return; }
  setRequantization('xnnpack');
  try { fn(); } finally { setRequantization('tflite'); }
}

function poolSpec(backend: string, r: () => number, op: string): void {
  const fh = pick(r, [1, 2, 3, 5]), fw = pick(r, [1, 2, 3]);
  const s = pick(r, [1, 2, 3]);
  const n = pick(r, [1, 2]), h = int(r, fh, 11), w = int(r, fw, 11), c = pick(r, [1, 3, 4, 7, 16]);
  const attrs = { padding: pick(r, ['SAME', 'VALID']), strideH: s, strideW: pick(r, [1, s]), filterHeight: fh, filterWidth: fw, fusedActivationFunction: pick(r, ACTS) };
  expectConforms(backend, op, [f32(r, [n, h, w, c], false, 4)], attrs, `x [${n},${h},${w},${c}] ${JSON.stringify(attrs)}`);
}

/** Two broadcast-compatible shapes of rank ≤ 6 (suffixes of one shape with some dims set to 1). */
function broadcastPair(r: () => number): [number[], number[]] {
  const rank = int(r, 0, 6);
  const out = Array.from({ length: rank }, () => pick(r, [1, 2, 3, 5, 7]));
  const operand = () => {
    const keep = int(r, 0, rank);
    return out.slice(rank - keep).map((d) => (r() < 0.35 ? 1 : d));
  };
  let sa = operand(), sb = operand();
  if (r() < 0.25) sb = [...sa];
  if (r() < 0.1) sa = [];
  return [sa, sb];
}

function q8BinarySpec(backend: string, r: () => number, i: number, op: string): void {
  q8BinarySpecShapes(backend, r, i, op, broadcastPair(r));
}

function q8BinarySpecShapes(backend: string, r: () => number, i: number, op: string, [sa, sb]: [number[], number[]]): void {
  const dt = i % 2 === 0 ? 'i8' : 'u8';
  const zp = () => (dt === 'i8' ? int(r, -30, 30) : int(r, 100, 150));
  const a = q8(r, dt, sa, { scale: [0.01 + r() * 0.1], zeroPoint: [zp()] });
  const b = q8(r, dt, sb, { scale: [0.01 + r() * 0.1], zeroPoint: [zp()] }, r() < 0.3);
  const out = { dtype: dt as DType, quant: { scale: [0.02 + r() * 0.2], zeroPoint: [zp()] } };
  const attrs = { fusedActivationFunction: pick(r, ACTS) };
  expectExact(backend, op, [a, b], attrs, out, `${dt} [${sa}] ∘ [${sb}] ${attrs.fusedActivationFunction}`);
}

function binarySpec(backend: string, r: () => number, op: string): void {
  const [sa, sb] = broadcastPair(r);
  const a = f32(r, sa, false, 3), b = f32(r, sb, r() < 0.5, 3);
  if (op === 'tfl.DIV') for (let i = 0; i < b.data.length; i++) b.data[i] = b.data[i]! + (b.data[i]! < 0 ? -0.5 : 0.5);
  const attrs = { fusedActivationFunction: pick(r, ACTS) };
  expectConforms(backend, op, [a, b], attrs, `[${sa}] ∘ [${sb}] ${attrs.fusedActivationFunction}`);
}

// ------------------------------------------------------------------------------------ suites

for (const v of VARIANTS) {
  describe(`conformance: ${v.label} vs reference`, () => {
    afterAll(() => v.teardown?.());
    for (const [op, spec] of Object.entries(SPECS)) {
      it(`${op}: ${v.cases} random cases`, () => {
        v.setup?.();
        const r = rng(op.length * 7919 + v.cases);
        for (let i = 0; i < v.cases; i++) spec(v.backend, r, i);
      });
    }
  });
}
