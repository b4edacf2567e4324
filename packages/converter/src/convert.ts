// The converter's main entry points: legalize, optimize, convert.
import {
  PassManager, Value, eliminateDeadCode, exportTflite, inferShapes, nextValueId, verify, type Dim, type Model, type Node, type Signature,
} from '@liteml/graph-ir';
import { cloneModel } from './clone';
import { ConversionError } from './errors';
import { legalizeModel } from './legalize/index';
import { optimizationPipeline, type PipelineOptions } from './pipeline';
import { checkTarget, emitCustomOps } from './target';
import { assignOpVersions } from './versions';
import { materializeBiases } from './passes/materialize-biases';

export interface ConvertOptions {
  /** Graph inputs to keep, by tensor name (default: all). Others must be unused after pruning. */
  inputs?: string[];
  /** Graph outputs, by tensor name (default: the model's). */
  outputs?: string[];
  /** Static shapes for inputs by name (e.g. `{ x: [1, 224, 224, 3] }`); -1 keeps a dim dynamic. */
  inputShapes?: Record<string, readonly number[]>;
  /** Signature key of the exported model (default: the model's own, else 'serving_default'). */
  signature?: string;
  /** Emit TF ops without a TFLite builtin as custom ops instead of failing. */
  allowCustomOps?: boolean;
  /** Run the optimization pipeline (default true). */
  optimize?: boolean;
  /** Progress: stage name and 0..1 fraction of the whole conversion. */
  onProgress?: (stage: string, fraction: number) => void;
  /** Largest constant-folded result in elements (default 1 << 20). */
  maxFoldElements?: number;
}

export interface ConversionReport {
  passes: { name: string; changed: boolean; ms: number }[];
  /** tfl op → count in the converted model (all graphs). */
  opCounts: Record<string, number>;
  warnings: string[];
}

export interface ConvertResult {
  tflite: Uint8Array;
  /** The converted model (tfl.* dialect). */
  model: Model;
  report: ConversionReport;
}

const stripPort = (s: string) => s.replace(/:0$/, '');

function findValue(model: Model, name: string, where: 'input' | 'output'): Value {
  const g = model.main;
  const want = stripPort(name);
  const pool = where === 'input' ? g.inputs : [...g.outputs, ...g.nodes.flatMap((n) => n.outputs), ...g.inputs];
  const hit = pool.find((v) => v.name === want || v.name === name);
  if (!hit) {
    const known = (where === 'input' ? g.inputs : g.outputs).map((v) => `'${v.name}'`).join(', ');
    throw new ConversionError('UNKNOWN_TENSOR', `no ${where} tensor '${name}' in the model (${where}s: ${known})`);
  }
  return hit;
}

/**
 * Applies inputs / outputs / inputShapes to a tf.* model in place. An input may name an
 * intermediate tensor: the graph is cut there (what computed it is dropped).
 */
export function selectTensors(model: Model, options: Pick<ConvertOptions, 'inputs' | 'outputs' | 'inputShapes'>): void {
  const g = model.main;
  if (options.outputs) {
    g.outputs = options.outputs.map((o) => findValue(model, o, 'output'));
    model.signatures = model.signatures.filter((s) => s.graphIndex !== 0);
  }
  if (options.inputs) {
    const keep = options.inputs.map((name) => {
      if (g.inputs.some((v) => v.name === stripPort(name) || v.name === name)) return findValue(model, name, 'input');
      const v = findValue(model, name, 'output');
      const producer = g.nodes.find((n) => n.outputs.includes(v));
      if (producer) {
        // the producer keeps a detached output; `v` becomes a free value: the new input
        const i = producer.outputs.indexOf(v);
        producer.outputs[i] = new Value({ id: nextValueId(g), name: `${v.name}/detached`, dtype: v.dtype, shape: v.shape });
      }
      return v;
    });
    g.inputs = keep;
    model.signatures = model.signatures.filter((s) => s.graphIndex !== 0);
  }
  eliminateDeadCode(g, model);
  if (options.inputs) {
    const produced = new Set(g.nodes.flatMap((n) => n.outputs));
    const inputs = new Set(g.inputs);
    for (const n of g.nodes) {
      const missing = n.inputs.find((v) => v && !v.data && !produced.has(v) && !inputs.has(v));
      if (missing) {
        throw new ConversionError('BAD_OPTION', `node '${n.name}' still reads '${missing.name}', which is not among the inputs [${options.inputs.join(', ')}]; add it to inputs or choose other outputs`, [n.name]);
      }
    }
  }
  for (const [name, shape] of Object.entries(options.inputShapes ?? {})) {
    const v = findValue(model, name, 'input');
    v.shape = shape.map((d): Dim => d);
  }
  if (options.inputShapes) {
    try {
      inferShapes(model);
    } catch (e) {
      throw new ConversionError('SHAPE_INFERENCE', `the input shapes do not fit the model: ${(e as Error).message}`, (e as { nodes?: string[] }).nodes, { cause: e });
    }
  }
}

/**
 * Legalizes a tf.* model to tfl.* in place. Nodes that cannot be legalized stay tf.*; the target
 * check reports them (see `convert`). Returns the reason per unconverted node.
 */
export function legalize(model: Model): Map<Node, string> {
  return legalizeModel(model).illegal;
}

/** Runs the optimization pipeline on a tfl.* model in place. */
export function optimize(model: Model, options: PipelineOptions = {}): ConversionReport['passes'] {
  return new PassManager(optimizationPipeline(options)).run(model).passes;
}

function defaultSignature(model: Model, key: string): Signature {
  const g = model.main;
  const uniq = (names: string[]) => names.map((n, i) => (names.indexOf(n) === i ? n : `${n}_${i}`));
  const ins = uniq(g.inputs.map((v) => stripPort(v.name)));
  const outs = uniq(g.outputs.map((v) => stripPort(v.name)));
  return {
    key, graphIndex: 0,
    inputs: g.inputs.map((value, i) => ({ name: ins[i]!, value })),
    outputs: g.outputs.map((value, i) => ({ name: outs[i]!, value })),
  };
}

function opCounts(model: Model): Record<string, number> {
  const h: Record<string, number> = {};
  for (const g of model.graphs) for (const n of g.nodes) {
    const op = n.op === 'tfl.CUSTOM' ? `CUSTOM(${String(n.attrs.customCode)})` : n.op.replace(/^tfl\./, '');
    h[op] = (h[op] ?? 0) + 1;
  }
  return h;
}

/**
 * Converts a TensorFlow model (a graph-ir Model in the tf.* dialect, as the frontends produce it)
 * to `.tflite`. The source model is not modified.
 */
export function convert(source: Model, options: ConvertOptions = {}): ConvertResult {
  const progress = options.onProgress ?? (() => {});
  const warnings: string[] = [];
  const model = cloneModel(source);
  progress('prepare', 0);
  selectTensors(model, options);
  progress('legalize', 0.1);
  const reasons = legalize(model);
  if (options.allowCustomOps) {
    const custom = emitCustomOps(model);
    if (custom.length > 0) warnings.push(`emitted custom ops (the runtime must provide them): ${custom.join(', ')}`);
  }
  checkTarget(model, reasons);
  for (const g of model.graphs) {
    if (g.nodes.some((n) => n.op === 'tfl.RANDOM_UNIFORM' || n.op === 'tfl.RANDOM_STANDARD_NORMAL')) {
      warnings.push(`graph '${g.name}' draws random numbers (e.g. dropout left in an inference graph): outputs repeat only where the TF op had seed/seed2 set`);
    }
  }
  progress('optimize', 0.4);
  const passes = options.optimize === false ? [] : optimize(model, { maxElements: options.maxFoldElements });
  progress('export', 0.8);
  const existing = model.signatures.filter((s) => s.graphIndex === 0);
  if (existing.length === 0) model.signatures.unshift(defaultSignature(model, options.signature ?? 'serving_default'));
  else if (options.signature && !existing.some((s) => s.key === options.signature)) existing[0]!.key = options.signature;
  for (const g of model.graphs) for (const n of g.nodes) if (n.outputs[0]) n.name = n.outputs[0].name;
  if (materializeBiases.run(model)) passes.push({ name: materializeBiases.name, changed: true, ms: 0 });
  assignOpVersions(model);
  try {
    verify(model);
  } catch (e) {
    throw new ConversionError('INVALID_RESULT', `the converted model does not verify (a converter bug; please report it): ${(e as Error).message}`, (e as { nodes?: string[] }).nodes, { cause: e });
  }
  let tflite: Uint8Array;
  try {
    tflite = exportTflite(model);
  } catch (e) {
    throw new ConversionError('EXPORT_FAILED', `writing the .tflite failed: ${(e as Error).message}`, (e as { nodes?: string[] }).nodes, { cause: e });
  }
  progress('done', 1);
  return { tflite, model, report: { passes, opCounts: opCounts(model), warnings } };
}
