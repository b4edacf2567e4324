// Sequential (empirical) bias correction for full-integer models: runs the quantized graph node by
// node over the calibration samples and, before each conv / depthwise / fully-connected node,
// compares the per-channel mean of its (dequantized) input with the float model's; the shift that
// input error causes, W · (E[x_q] − E[x]), is removed from the integer bias. Upstream corrections
// are in place before a node is measured, so errors do not get corrected twice.
import { type Graph, type Model, type Node, type Value, bytesOf, typedArrayOf } from '@liteml/graph-ir';
import { type Tensor, runNode } from '@liteml/runtime';
import type { CalibrationSample } from '../types';
import { adaptSample } from '../util/feeds';
import { staticShape } from '../util/graph';
import { dequantizeArray, roundHalfAway } from '../util/numeric';
import { outputShift } from './bias-correction';

const CORRECTED = new Set(['tfl.CONV_2D', 'tfl.DEPTHWISE_CONV_2D', 'tfl.FULLY_CONNECTED']);

function constTensor(v: Value): Tensor {
  return { name: v.name, dtype: v.dtype, shape: staticShape(v), data: typedArrayOf(v) as Tensor['data'], quant: v.quant };
}

function feedTensors(graph: Graph, sample: CalibrationSample): Tensor[] {
  const adapted = adaptSample(sample, graph);
  return graph.inputs.map((v, i) => {
    const feed = (Array.isArray(adapted) ? adapted[i] : (adapted as Record<string, unknown>)[v.name]) as
      { data: Tensor['data']; shape?: number[] } | Tensor['data'] | undefined;
    if (feed === undefined) throw new Error(`no feed for input '${v.name}'`);
    const data = (ArrayBuffer.isView(feed) || Array.isArray(feed) ? feed : feed.data) as Tensor['data'];
    const shape = !ArrayBuffer.isView(feed) && !Array.isArray(feed) && feed.shape ? [...feed.shape] : staticShape(v);
    return { name: v.name, dtype: v.dtype, shape, data, quant: v.quant };
  });
}

function channelMeans(tensors: Tensor[]): Float64Array | undefined {
  const first = tensors[0];
  if (!first?.quant) return undefined;
  const c = first.shape[first.shape.length - 1] ?? 1;
  const sum = new Float64Array(c);
  let rows = 0;
  for (const t of tensors) {
    const x = dequantizeArray(t.data as ArrayLike<number>, t.shape, t.quant!);
    for (let i = 0; i < x.length; i++) sum[i % c] += x[i]!;
    rows += x.length / c;
  }
  return sum.map((s) => s / rows);
}

/**
 * Corrects the biases of `model` (quantized, main graph) in place. `floatMeans` holds the float
 * model's per-channel means by value id. Returns how many nodes were corrected (0 when the graph
 * cannot be simulated node by node, e.g. control flow).
 */
export function sequentialBiasCorrection(model: Model, floatMeans: ReadonlyMap<number, Float64Array>, samples: CalibrationSample[]): number {
  const g = model.graphs[0]!;
  if (samples.length === 0) return 0;
  const lastUse = new Map<Value, number>();
  g.nodes.forEach((n, i) => n.inputs.forEach((v) => { if (v) lastUse.set(v, i); }));
  const live = new Map<Value, Tensor[]>();
  const perSample = samples.map((s) => feedTensors(g, s));
  g.inputs.forEach((v, i) => live.set(v, perSample.map((t) => t[i]!)));
  let corrected = 0;
  try {
    g.nodes.forEach((n: Node, idx) => {
      const bias = n.inputs[2];
      const x = n.inputs[0];
      const w = n.inputs[1];
      const meanF = x ? floatMeans.get(x.id) : undefined;
      if (CORRECTED.has(n.op) && x && w && bias?.data && meanF && (bias.dtype === 'i32' || bias.dtype === 'i64') &&
        (x.dtype === 'i8' || x.dtype === 'i16') && w.dtype === 'i8' && live.has(x)) {
        const meanQ = channelMeans(live.get(x)!);
        if (meanQ && meanQ.length === meanF.length) {
          const delta = meanQ.map((m, c) => m - meanF[c]!);
          const wShape = staticShape(w);
          const wDeq = dequantizeArray(typedArrayOf(w) as Int8Array, wShape, w.quant!);
          const shift = outputShift(n.op, new Float32Array(wDeq.length), wDeq, wShape, delta);
          const b = typedArrayOf(bias) as Int32Array | BigInt64Array;
          if (shift && shift.length === b.length) {
            const scales = bias.quant!.scale;
            const out = b instanceof Int32Array ? Int32Array.from(b) : BigInt64Array.from(b);
            for (let c = 0; c < out.length; c++) {
              const d = roundHalfAway(shift[c]! / scales[scales.length > 1 ? c : 0]!);
              if (out instanceof Int32Array) out[c] = Math.max(-2147483647, Math.min(2147483647, out[c]! - d));
              else out[c] = out[c]! - BigInt(d);
            }
            bias.data = bytesOf(out);
            corrected++;
          }
        }
      }
      const inputsPerSample = samples.map((_, s) => n.inputs.map((v) => (v ? (v.data !== undefined ? constTensor(v) : live.get(v)![s]!) : undefined)));
      const outs = inputsPerSample.map((ins) => runNode(n, ins));
      n.outputs.forEach((o, k) => live.set(o, outs.map((r) => r[k]!)));
      for (const v of n.inputs) if (v && lastUse.get(v) === idx && !g.outputs.includes(v)) live.delete(v);
    });
  } catch {
    return 0;
  }
  return corrected;
}
