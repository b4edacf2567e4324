// Test helpers of the NN kernel suites: runs a small .tflite model from ../shared/models node by
// node on the reference NN kernels (no interpreter needed), and compares with TFLite goldens.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readNpy } from '@liteml/schema';
import { importTflite } from '@liteml/graph-ir';
import type { DType, Node, Value } from '../src/ir';
import type { KernelConfig, KernelContext, Tensor, TypedArray } from '../src/kernel';
import { allocData, viewData } from '../src/dtypes';
import { modelPath } from '../../../testing/shared-models';

function constTensor(v: Value): Tensor {
  const shape = (v.shape ?? []).map((d) => Number(d));
  const n = shape.reduce((a, b) => a * b, 1);
  const bytes = v.data!;
  const copy = new Uint8Array(bytes); // aligned copy
  const data = v.dtype === 'i4' ? unpackI4(bytes, n) : viewData(v.dtype, copy.buffer, 0, n);
  return { name: v.name, dtype: v.dtype, shape, data, quant: v.quant };
}

function unpackI4(bytes: Uint8Array, n: number): Int8Array {
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const b = bytes[i >> 1]!;
    const nib = i & 1 ? b >> 4 : b & 15;
    out[i] = nib >= 8 ? nib - 16 : nib;
  }
  return out;
}

export interface LoadedModel {
  path: string;
  nodes: Node[];
  inputs: Value[];
  outputs: Value[];
  variables: Value[];
}

export function loadModel(rel: string): LoadedModel {
  const model = importTflite(new Uint8Array(readFileSync(modelPath(rel))));
  const g = model.graphs[0]!;
  const variables: Value[] = [];
  for (const n of g.nodes) for (const v of n.inputs) if (v?.isVariable && !variables.includes(v as Value)) variables.push(v as Value);
  return { path: rel, nodes: g.nodes as unknown as Node[], inputs: g.inputs as Value[], outputs: g.outputs as Value[], variables };
}

/**
 * Test-only QUANTIZE / DEQUANTIZE (float ↔ affine int) for models that wrap an NN op in them,
 * used only while the reference backend has no kernel of its own for them.
 */
export const affineFallbacks: KernelConfig[] = [
  {
    op: 'tfl.QUANTIZE', backend: 'test',
    supports: (n) => (n.inputs[0]?.dtype === 'f32' && ['i8', 'u8', 'i16'].includes(n.outputs[0]!.dtype) ? true : 'float → int only'),
    run(ctx) {
      const x = ctx.inputs[0]!;
      const o = ctx.output(0, x.shape);
      const q = ctx.node.outputs[0]!.quant!;
      const [lo, hi] = o.dtype === 'i8' ? [-128, 127] : o.dtype === 'u8' ? [0, 255] : [-32768, 32767];
      const d = x.data as Float32Array;
      const od = o.data as Int8Array;
      for (let i = 0; i < d.length; i++) {
        const v = Math.fround(d[i]! / q.scale[0]!);
        const r = (v < 0 ? -Math.round(-v) : Math.round(v)) + q.zeroPoint[0]!;
        od[i] = Math.min(hi, Math.max(lo, r));
      }
    },
  },
  {
    op: 'tfl.DEQUANTIZE', backend: 'test',
    supports: (n) => (['i8', 'u8', 'i16'].includes(n.inputs[0]!.dtype) ? true : 'int → float only'),
    run(ctx) {
      const x = ctx.inputs[0]!;
      const o = ctx.output(0, x.shape);
      const d = x.data as Int8Array;
      const od = o.data as Float32Array;
      for (let i = 0; i < d.length; i++) od[i] = (d[i]! - x.quant!.zeroPoint[0]!) * x.quant!.scale[0]!;
    },
  },
];

/** The first kernel of the list for the node's op whose supports() accepts it. */
export function kernelFor(kernels: KernelConfig[], node: Node): KernelConfig | undefined {
  return kernels.find((k) => k.op === node.op && (k.supports?.(node) ?? true) === true);
}

/** Runs every node with the kernel registered for its op; returns the graph outputs. */
export function runModel(m: LoadedModel, kernels: KernelConfig[], feeds: Tensor[]): Tensor[] {
  const env = new Map<number, Tensor>();
  m.inputs.forEach((v, i) => env.set(v.id, { ...feeds[i]!, name: v.name, quant: v.quant }));
  for (const v of m.variables) {
    if (env.has(v.id)) continue;
    const shape = (v.shape ?? []).map(Number);
    const t: Tensor = v.data && v.data.length ? constTensor(v) : { name: v.name, dtype: v.dtype, shape, data: allocData(v.dtype, shape.reduce((a, b) => a * b, 1)), quant: v.quant };
    // int8 state starts at its zero point, as in TFLite's ResetVariableTensor (and the Interpreter).
    if (v.dtype === 'i8' && !(v.data && v.data.length) && v.quant?.zeroPoint[0]) (t.data as Int8Array).fill(v.quant.zeroPoint[0]);
    env.set(v.id, t);
  }
  for (const node of m.nodes) {
    const kernel = kernelFor(kernels, node);
    if (!kernel) throw new Error(`no kernel supports ${node.op} '${node.name}'`);
    const inputs = node.inputs.map((v) => {
      if (!v) return undefined;
      let t = env.get(v.id);
      if (!t && v.data) { t = constTensor(v); env.set(v.id, t); }
      if (!t) throw new Error(`value ${v.name} not computed before ${node.name}`);
      return t;
    });
    const ctx: KernelContext = {
      node, attrs: node.attrs, inputs, cache: {}, backend: 'reference',
      output(i, shape, dtype?: DType) {
        const v = node.outputs[i]!;
        const dt = dtype ?? v.dtype;
        const t: Tensor = { name: v.name, dtype: dt, shape: [...shape], data: allocData(dt, shape.reduce((a, b) => a * b, 1)), quant: v.quant };
        env.set(v.id, t);
        return t;
      },
      runSubgraph() { throw new Error('no subgraphs in NN tests'); },
    };
    kernel.prepare?.(ctx);
    kernel.run(ctx);
  }
  return m.outputs.map((v) => {
    const t = env.get(v.id);
    if (!t) throw new Error(`output ${v.name} not produced`);
    return t;
  });
}

export interface Golden { inputs: Tensor[]; outputs: Tensor[] }

export function readGolden(dirRel: string): Golden {
  const dir = modelPath(dirRel);
  const read = (prefix: string): Tensor[] => {
    const out: Tensor[] = [];
    for (let i = 0; existsSync(join(dir, `${prefix}_${i}.npy`)); i++) {
      const a = readNpy(new Uint8Array(readFileSync(join(dir, `${prefix}_${i}.npy`))));
      const dtype = ({ f4: 'f32', i1: 'i8', u1: 'u8', i2: 'i16', i4: 'i32', i8: 'i64', b1: 'bool' } as Record<string, DType>)[a.dtype]!;
      out.push({ name: `${prefix}_${i}`, dtype, shape: a.shape, data: a.data as TypedArray });
    }
    return out;
  };
  return { inputs: read('input'), outputs: read('output') };
}

/** max |a − b| over two tensors of equal size. */
export function maxAbsDiff(a: Tensor, b: Tensor): number {
  const x = a.data as TypedArray;
  const y = b.data as TypedArray;
  if (x.length !== y.length) return Infinity;
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(Number(x[i]) - Number(y[i])));
  return m;
}

export function maxAbs(a: Tensor): number {
  let m = 0;
  for (const v of a.data as TypedArray) m = Math.max(m, Math.abs(Number(v)));
  return m;
}
