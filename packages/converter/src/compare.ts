// Proving a conversion right: the original TF graph (see evaluate.ts) and the converted .tflite
// run on the same inputs; outputs (and, with perLayer, every tensor both share by TF name) compared.
import type { DType, Model, Value } from '@liteml/graph-ir';
import { Interpreter, randomTensor, type Tensor } from '@liteml/runtime';
import { runResized, tfInterpreter } from './evaluate';
import { ConversionError } from './errors';

export interface CompareOptions {
  /** Inputs by name (or position); default: random inputs from `seed`. */
  feeds?: Record<string, Tensor | { data: ArrayLike<number> | readonly bigint[]; shape?: readonly number[] }> | unknown[];
  /** Seed of the random inputs (mulberry32, input i seeded with seed + i; floats in [-1, 1], ints in [0, 3]). Default 1234. */
  seed?: number;
  /** Also compare intermediate tensors matched by TF tensor name. */
  perLayer?: boolean;
  /** Tolerances: |converted - original| <= atol + rtol * |original|. Defaults 1e-5 and 1e-4. */
  atol?: number;
  rtol?: number;
}

export interface TensorComparison {
  name: string;
  shape: number[];
  maxAbsError: number;
  maxRelError: number;
  /** Cosine similarity (1 for identical directions; 1 when both are all zero). */
  cosine: number;
  pass: boolean;
}

export interface ComparisonResult {
  pass: boolean;
  outputs: TensorComparison[];
  /** With perLayer: intermediate tensors both models have, in the converted model's order. */
  layers?: (TensorComparison & { op: string })[];
  /**
   * With perLayer: the first tensor (in the converted model's execution order) that is outside
   * the tolerances, and the op producing it; absent when every shared tensor matches.
   */
  firstDivergence?: { name: string; op: string; maxAbsError: number };
  /** The inputs used. */
  feeds: Tensor[];
}

/** Random inputs for a model's main graph (dynamic dims become 1). */
export function randomFeeds(model: Model, seed = 1234): Tensor[] {
  return model.main.inputs.map((v, i) => randomInput(v, seed + i));
}

function randomInput(v: { name: string; dtype: DType; shape: Value['shape'] }, seed: number): Tensor {
  if (!v.shape) throw new ConversionError('BAD_OPTION', `input '${v.name}' has no known rank: pass feeds or inputShapes`, [v.name]);
  return randomTensor({ name: v.name, dtype: v.dtype, shape: v.shape.map((d) => (typeof d === 'number' ? d : -1)) }, seed);
}

function compareTensors(name: string, got: Tensor, want: Tensor, atol: number, rtol: number): TensorComparison {
  const a = Array.from(got.data as ArrayLike<number | bigint>, Number);
  const b = Array.from(want.data as ArrayLike<number | bigint>, Number);
  let maxAbs = a.length === b.length ? 0 : Infinity;
  let maxRel = maxAbs;
  let dot = 0, na = 0, nb = 0;
  let pass = a.length === b.length && got.shape.join() === want.shape.join();
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = Math.abs(a[i]! - b[i]!);
    const same = a[i] === b[i] || (Number.isNaN(a[i]!) && Number.isNaN(b[i]!));
    const err = same ? 0 : Number.isNaN(d) ? Infinity : d;
    maxAbs = Math.max(maxAbs, err);
    maxRel = Math.max(maxRel, err === 0 ? 0 : err / Math.max(Math.abs(b[i]!), 1e-12));
    if (err > atol + rtol * Math.abs(b[i]!)) pass = false;
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  const cosine = na === 0 && nb === 0 ? 1 : dot / Math.sqrt(na * nb);
  return { name, shape: [...want.shape], maxAbsError: maxAbs, maxRelError: maxRel, cosine, pass };
}

/**
 * Runs the original tf.* model (legalized, not optimized, reference backend) and the converted
 * `.tflite` on the same inputs and compares every output (positionally, named after the original).
 */
export function compareModels(original: Model, tflite: Uint8Array, options: CompareOptions = {}): ComparisonResult {
  const atol = options.atol ?? 1e-5;
  const rtol = options.rtol ?? 1e-4;
  const perLayer = options.perLayer ?? false;
  const ref = tfInterpreter(original, { preserveAllTensors: perLayer });
  const conv = Interpreter.createSync(tflite, { preserveAllTensors: perLayer });
  const feeds: Tensor[] = options.feeds
    ? ref.inputs.map((info, i) => {
        const f = Array.isArray(options.feeds) ? options.feeds[i] : (options.feeds as Record<string, unknown>)[info.name];
        if (f === undefined) throw new ConversionError('BAD_OPTION', `no feed for input '${info.name}'`, [info.name]);
        const t = f as { data: Tensor['data']; shape?: number[] };
        return { name: info.name, dtype: info.dtype, shape: t.shape ? [...t.shape] : info.shape, data: t.data };
      })
    // random inputs in the converted model's shapes (they include convert's inputShapes)
    : conv.inputs.map((info, i) => randomInput({ ...info, shape: info.shapeSignature.map((d, k) => (d < 0 ? 1 : info.shape[k]!)) }, (options.seed ?? 1234) + i));
  const want = runResized(ref, feeds);
  const got = runResized(conv, feeds);
  const wantList = ref.outputs.map((o) => want[o.name]!);
  const gotList = conv.outputs.map((o) => got[o.name]!);
  if (wantList.length !== gotList.length) {
    throw new ConversionError('BAD_OPTION', `the models have ${wantList.length} and ${gotList.length} outputs`);
  }
  const outputs = wantList.map((w, i) => compareTensors(ref.outputs[i]!.name, gotList[i]!, w, atol, rtol));
  const result: ComparisonResult = { pass: outputs.every((o) => o.pass), outputs, feeds };
  if (perLayer) {
    const refNames = new Set(ref.model.graphs[0]!.nodes.flatMap((n) => n.outputs.map((o) => o.name)));
    result.layers = [];
    for (const n of conv.model.graphs[0]!.nodes) {
      for (const o of n.outputs) {
        if (!refNames.has(o.name)) continue;
        let a: Tensor, b: Tensor;
        try {
          a = conv.getTensor(o.name);
          b = ref.getTensor(o.name);
        } catch {
          continue;
        }
        if (typeof (a.data as unknown[])[0] === 'string') continue;
        result.layers.push({ ...compareTensors(o.name, a, b, atol, rtol), op: n.op.replace(/^tfl\./, '') });
      }
    }
    const first = result.layers.find((l) => !l.pass) ?? outputs.find((o) => !o.pass);
    if (first) result.firstDivergence = { name: first.name, op: 'op' in first ? (first.op as string) : 'output', maxAbsError: first.maxAbsError };
  }
  return result;
}
