// Single-op models for the webgpu suites: one node built from operands, run on a WebGpuSession and
// on the reference backend, compared with a float tolerance.
import type { AttrValue, DType, Model, Node, Value } from '../src/ir';
import type { Tensor } from '../src/kernel';
import { runNode } from '../src/run-node';
import { WebGpuSession, type WebGpuSessionOptions } from '../src/backends/webgpu/index';
import { f16ToF32, f32ToF16 } from '../src/half';

/** A float operand rounded to f16 (what a session with precision 'f16' stores), so reference sees the same inputs. */
function roundedToF16(o: Operand): Operand {
  if ((o.dtype ?? 'f32') !== 'f32') return o;
  return { ...o, data: Float32Array.from(o.data as Float32Array, (v) => f16ToF32(f32ToF16(v))) };
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
export const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

export interface Operand { shape: number[]; data: Float32Array | Int32Array | Uint8Array; dtype?: DType; constant?: boolean }

export function f32(r: () => number, shape: number[], constant = false, scale = 1): Operand {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (r() * 2 - 1) * scale;
  return { shape, data, constant };
}

export function i32(values: number[], shape = [values.length], constant = true): Operand {
  return { shape, data: Int32Array.from(values), dtype: 'i32', constant };
}

let ids = 0;

/** A one-node model: non-constant operands become graph inputs (in order). */
export function singleOpModel(op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>, outDtype: DType = 'f32', numOutputs = 1): { model: Model; node: Node; feeds: Tensor[] } {
  const values = inputs.map((o, i): Value | undefined => o && {
    id: ids++, name: `in${i}`, dtype: o.dtype ?? 'f32', shape: o.shape,
    data: o.constant ? new Uint8Array(o.data.buffer, o.data.byteOffset, o.data.byteLength) : undefined,
  });
  const outputs: Value[] = Array.from({ length: numOutputs }, (_, j) => ({ id: ids++, name: `out${j}`, dtype: outDtype, shape: undefined }));
  const node: Node = { op, name: `${op}#${ids}`, inputs: values, outputs, attrs };
  const graphInputs = values.filter((v, i): v is Value => !!v && !inputs[i]!.constant);
  const feeds = inputs.flatMap((o, i) => (o && !o.constant ? [{ name: `in${i}`, dtype: o.dtype ?? 'f32', shape: o.shape, data: o.data } as Tensor] : []));
  const model: Model = { graphs: [{ name: 'main', inputs: graphInputs, outputs, nodes: [node] }], signatures: [], metadata: [] };
  return { model, node, feeds };
}

export interface Comparison { maxDiff: number; tol: number; at: number; got: Tensor; want: Tensor; backend: string; all: [Tensor, Tensor][] }

/** Runs the op on WebGPU (twice: the second run reuses cached pipelines, uniforms and bind groups) and on reference. */
export async function compareOp(op: string, inputs: (Operand | undefined)[], attrs: Record<string, AttrValue>,
  options: WebGpuSessionOptions & { relTol?: number; numOutputs?: number; outDtype?: DType } = {}): Promise<Comparison> {
  if (options.precision === 'f16') inputs = inputs.map((o) => o && roundedToF16(o));
  const { model, node, feeds } = singleOpModel(op, inputs, attrs, options.outDtype ?? 'f32', options.numOutputs ?? 1);
  const tensors = inputs.map((o, i) => o && ({ name: `in${i}`, dtype: o.dtype ?? 'f32', shape: o.shape, data: o.data } as Tensor));
  const wants = runNode(node, tensors, { backend: 'reference' });
  const want = wants[0];
  const s = await WebGpuSession.create(model, options);
  try {
    await s.run(feeds);
    const gots = await s.run(feeds);
    const got = gots[0];
    const a = got!.data as Float32Array, b = want!.data as Float32Array;
    let maxAbs = 0, maxDiff = 0, at = -1;
    for (let i = 0; i < b.length; i++) if (Number.isFinite(b[i]!)) maxAbs = Math.max(maxAbs, Math.abs(b[i]!));
    for (let i = 0; i < b.length; i++) {
      const same = a[i] === b[i] || (Number.isNaN(a[i]!) && Number.isNaN(b[i]!));
      const d = same ? 0 : Math.abs(a[i]! - b[i]!);
      if (!(d <= maxDiff)) { maxDiff = Number.isNaN(d) ? Infinity : d; at = i; }
    }
    if (a.length !== b.length) maxDiff = Infinity;
    return { maxDiff, tol: (options.relTol ?? 2e-5) * Math.max(1, maxAbs), at, got: got!, want: want!, backend: s.placements[0]!.backend, all: gots.map((g, i) => [g, wants[i]!] as [Tensor, Tensor]) };
  } finally {
    s.dispose();
  }
}
