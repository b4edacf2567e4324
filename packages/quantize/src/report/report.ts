// quantizationReport: runs the float and the quantized model side by side on the same inputs and
// measures every layer (matched by tensor name) and every output.
import type { Graph, Model, Node, Value } from '@liteml/graph-ir';
import { Interpreter } from '@liteml/runtime';
import { randomSamples } from '../calibration/random';
import { QuantizationError } from '../errors';
import type { CalibrationData, CalibrationSample } from '../types';
import { adaptSample } from '../util/feeds';
import { isFloatActivation, loadCopy, modelBytes } from '../util/graph';
import { ErrorAccumulator, argmaxAgreement, realValues } from './metrics';
import type { LayerReport, OutputReport, QuantizationReport, Suggestion } from './types';

export interface ReportOptions {
  /** At most this many denylist suggestions (default 3). */
  maxSuggestions?: number;
  /** A layer is suggested when it loses at least this much SNR against its inputs (default 3 dB)… */
  minDropDb?: number;
  /** …and its own SNR is below this (default 25 dB). */
  maxSnrDb?: number;
  /** Tensors whose range came from a FAKE_QUANT node (quantize() fills this in). */
  fakeQuantTensors?: readonly string[];
}

interface Layer {
  name: string;
  /** The float model's op (what the user knows the layer as). */
  op: string;
  /** The quantized model's tensor of that name, and the tensor whose dtype/parameters to show. */
  value: Value;
  shown: Value;
  node: Node | undefined;
}

/** Tensors named exactly once in the graph, by name, with their producers. */
function namedTensors(g: Graph): Map<string, { value: Value; node: Node | undefined }> {
  const count = new Map<string, number>();
  const found = new Map<string, { value: Value; node: Node | undefined }>();
  const add = (v: Value, node: Node | undefined) => {
    if (found.get(v.name)?.value === v) return;
    count.set(v.name, (count.get(v.name) ?? 0) + 1);
    found.set(v.name, { value: v, node });
  };
  g.inputs.forEach((v) => add(v, undefined));
  for (const n of g.nodes) for (const o of n.outputs) add(o, n);
  for (const [k, c] of count) if (c > 1) found.delete(k);
  return found;
}

export function quantizationReport(floatModel: Model | Uint8Array, quantModel: Model | Uint8Array, inputs: CalibrationData,
  options: ReportOptions = {}): QuantizationReport {
  const fModel = loadCopy(modelBytes(floatModel));
  const qModel = loadCopy(modelBytes(quantModel));
  const fg = fModel.graphs[0]!, qg = qModel.graphs[0]!;
  const samples: CalibrationSample[] = inputs === 'random' ? randomSamples(fModel) : Array.from(inputs);
  if (samples.length === 0) throw new QuantizationError('NO_CALIBRATION_DATA', 'quantizationReport needs at least one input sample');

  const fNamed = namedTensors(fg), qNamed = namedTensors(qg);
  const layers: Layer[] = [];
  for (const [name, f] of fNamed) {
    if (!isFloatActivation(f.value)) continue;
    const q = qNamed.get(name);
    if (!q || q.value.data !== undefined) continue;
    const op = f.node ? f.node.op : 'input';
    // A float boundary the quantizer added (DEQUANTIZE of the layer's integer result): show the integer tensor.
    const boundary = q.node && q.node.op === 'tfl.DEQUANTIZE' && op !== 'tfl.DEQUANTIZE' && q.node.inputs[0];
    layers.push({ name, op, value: q.value, shown: boundary || q.value, node: q.node });
  }
  const fIt = Interpreter.createSync(fModel, { preserveAllTensors: true });
  const qIt = Interpreter.createSync(qModel, { preserveAllTensors: true });
  const acc = new Map<string, ErrorAccumulator>(layers.map((l) => [l.name, new ErrorAccumulator()]));
  const outAcc = fg.outputs.map(() => new ErrorAccumulator());
  const agree = fg.outputs.map(() => [0, 0]);
  for (const s of samples) {
    const fOut = fIt.run(s);
    const qOut = qIt.run(adaptSample(s, qg));
    for (const l of layers) {
      const ref = realValues(fIt.getTensor(l.name));
      const test = realValues(qIt.getTensor(l.name));
      if (ref && test && ref.length === test.length) acc.get(l.name)!.add(ref, test);
    }
    const fVals = Object.values(fOut), qVals = Object.values(qOut);
    fVals.forEach((ft, j) => {
      const qt = qVals[j];
      const ref = realValues(ft), test = qt ? realValues(qt) : undefined;
      if (!ref || !test || ref.length !== test.length) return;
      outAcc[j]!.add(ref, test);
      const [a, r] = argmaxAgreement(ref, test, ft.shape);
      agree[j]![0]! += a;
      agree[j]![1]! += r;
    });
  }

  const fakeQuant = new Set(options.fakeQuantTensors ?? []);
  const layerReports: LayerReport[] = layers.filter((l) => acc.get(l.name)!.count > 0).map((l) => {
    const q = l.shown.quant;
    const integer = !!q && l.shown.dtype !== 'f32';
    return {
      name: l.name, op: l.op, dtype: l.shown.dtype, ...acc.get(l.name)!.metrics(),
      scale: integer ? q.scale[0]! : null,
      zeroPoint: integer ? q.zeroPoint[0]! : null,
      ...(integer && fakeQuant.has(l.name) ? { rangeFrom: 'fakeQuant' as const } : {}),
    };
  });
  const outputs: OutputReport[] = fg.outputs.map((v, j) => ({
    name: v.name, index: j, ...outAcc[j]!.metrics(),
    top1Agreement: agree[j]![1]! > 0 ? agree[j]![0]! / agree[j]![1]! : NaN,
  }));
  return { samples: samples.length, layers: layerReports, outputs, suggestions: suggest(layerReports, layers, qg, options) };
}

/**
 * How to keep nodes in float, from the API and from the CLI (the CLI splits --denylist on commas;
 * the value is single-quoted because TFLite names often hold ';' or spaces).
 */
export function denylistHint(names: readonly string[]): string {
  const api = `quantize(model, { denylist: [${names.map((n) => JSON.stringify(n)).join(', ')}] })`;
  const cli = names.some((n) => n.includes(',')) ? 'the CLI cannot pass names that contain commas'
    : `liteml quantize … --denylist '${names.join(',').replace(/'/g, `'\\''`)}'`;
  return `${api} (API) or ${cli} (CLI)`;
}

/** Layers that lose the most SNR relative to their inputs: candidates for the denylist. */
function suggest(reports: LayerReport[], layers: Layer[], qg: Graph, options: ReportOptions): Suggestion[] {
  const byName = new Map(reports.map((r) => [r.name, r]));
  const producers = new Map<Value, Node>();
  for (const n of qg.nodes) for (const o of n.outputs) producers.set(o, n);
  // SNR reaching a tensor: the measured SNR of the nearest named upstream layer(s).
  const upstreamSnr = (v: Value | undefined, depth = 0): number => {
    if (!v || v.data !== undefined || depth > 8) return Infinity;
    const r = byName.get(v.name);
    if (r) return r.snrDb;
    const p = producers.get(v);
    if (!p) return Infinity;
    return Math.min(Infinity, ...p.inputs.map((i) => upstreamSnr(i, depth + 1)));
  };
  const minDrop = options.minDropDb ?? 3;
  const maxSnr = options.maxSnrDb ?? 25;
  const out: Suggestion[] = [];
  for (const l of layers) {
    const r = byName.get(l.name);
    if (!r || !l.node || !Number.isFinite(r.snrDb)) continue;
    const inSnr = Math.min(Infinity, ...l.node.inputs.map((i) => upstreamSnr(i)));
    const drop = (Number.isFinite(inSnr) ? Math.min(inSnr, 60) : 60) - r.snrDb;
    if (drop < minDrop || r.snrDb >= maxSnr) continue;
    out.push({
      name: l.name, op: l.op, snrDb: r.snrDb, dropDb: drop,
      message: `'${l.name}' (${l.op}) loses ${drop.toFixed(1)} dB SNR (now ${r.snrDb.toFixed(1)} dB); keep it in float: ${denylistHint([l.name])}`,
    });
  }
  out.sort((a, b) => b.dropDb - a.dropDb);
  return out.slice(0, options.maxSuggestions ?? 3);
}
