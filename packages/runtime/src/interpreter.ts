// The Interpreter: loads a model, checks every node against the backend's kernels, plans memory,
// and runs the main graph or any signature.
import type { DType, Model, Value } from './ir';
import type { Tensor } from './kernel';
import type { Requantization } from './backends/reference/kernels/nn-quant-utils';
import { ensureBackend } from './backends';
import { Engine, type Feeds } from './engine';
import { RuntimeError } from './errors';
import type { TensorInfo, TensorLike } from './feeds';
import { copyTensor, type NodeTiming } from './graph-runner';
import { loadModel } from './load';
import { WEBGPU_BACKEND, WebGpuSession, type NodePlacement, type WebGpuOptions } from './backends/webgpu/index';

export interface InterpreterOptions {
  /** Which backend runs the kernels (default 'reference'). */
  backend?: string;
  /** Threads a backend may use (the reference backend runs on one). */
  numThreads?: number;
  /** Keep every intermediate tensor readable with getTensor() (no memory sharing). */
  preserveAllTensors?: boolean;
  /** Called after every node with its timing. */
  profiler?: (t: NodeTiming) => void;
  /**
   * How int8/uint8 CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV and FULLY_CONNECTED requantize:
   * 'tflite' (default) = TFLite's reference kernels (fixed-point multipliers); 'xnnpack' = what
   * TFLite computes with its default XNNPACK delegate (float32 scale, round half to even), to match
   * a stock TFLite deployment bit for bit. int16x8 kernels always follow the reference arithmetic.
   */
  requantization?: Requantization;
  /** For backend 'webgpu': `precision: 'f16'`, a GPU object (`gpu`), adapter preferences. */
  webgpu?: WebGpuOptions;
}

export type { Feeds, NodeTiming, TensorInfo, TensorLike };

export interface MemoryReport {
  /** Bytes of the planned arenas (intermediates, inputs, outputs) of every subgraph planned so far. */
  arenaBytes: number;
  /** Bytes of persistent tensors: variables (LSTM state) and the outputs of constant nodes (evaluated once). */
  persistentBytes: number;
  /**
   * webgpu only: bytes of this interpreter's GPU copies of constants, and of the device's buffer
   * pool for intermediates (shared by every interpreter on the device; it grows to the peak need).
   */
  gpu?: { constantBytes: number; pooledBytes: number };
}

/** Runs one signature of a model; inputs and outputs use the signature's names. */
export class SignatureRunner {
  /** @internal */
  constructor(private readonly engine: Engine, readonly key: string, private readonly graphIndex: number,
    private readonly inputInfo: TensorInfo[], readonly outputs: TensorInfo[],
    private readonly inPos: number[], private readonly outPos: number[]) {}

  get inputs(): TensorInfo[] {
    return this.inputInfo.map((t) => ({ ...t, shape: this.engine.inputShape(this.graphIndex, this.inPos[t.index]!) }));
  }

  run(feeds: Feeds): Record<string, Tensor> {
    return this.engine.run(this.graphIndex, feeds, this.inputs, this.inPos, this.outputs, this.outPos);
  }

  resizeInput(input: string | number, shape: readonly number[]): void {
    const info = pick(this.inputInfo, input, `signature '${this.key}'`);
    this.engine.resizeInput(this.graphIndex, this.inPos[info.index]!, shape);
  }
}

export class Interpreter {
  readonly model: Model;
  readonly backend: string;
  readonly numThreads: number;
  private readonly engine: Engine;
  private readonly inputInfo: TensorInfo[];
  private readonly outputInfo: TensorInfo[];

  /** Loads a model (`.tflite` bytes or a graph-ir Model) and checks that every node can run. */
  static async create(model: Uint8Array | ArrayBuffer | Model, options: InterpreterOptions = {}): Promise<Interpreter> {
    if ((options.backend ?? 'reference') !== WEBGPU_BACKEND) return Interpreter.createSync(model, options);
    const m = toModel(model);
    const session = await WebGpuSession.create(m, { ...options.webgpu, preserveAllTensors: options.preserveAllTensors, profiler: options.profiler });
    return new Interpreter(m, options, session);
  }

  /** Like create(), synchronously (for backends that need no async setup, e.g. 'reference'). */
  static createSync(model: Uint8Array | ArrayBuffer | Model, options: InterpreterOptions = {}): Interpreter {
    if (options.backend === WEBGPU_BACKEND) throw new RuntimeError('BAD_ARGUMENT', "the webgpu backend needs an asynchronous setup: use `await Interpreter.create(model, { backend: 'webgpu' })`");
    return new Interpreter(toModel(model), options);
  }

  /** The WebGPU session that runs the main graph when backend is 'webgpu'. */
  private readonly gpu?: WebGpuSession;

  private constructor(model: Model, options: InterpreterOptions, gpu?: WebGpuSession) {
    this.model = model;
    this.backend = options.backend ?? 'reference';
    const threads = options.numThreads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) throw new RuntimeError('BAD_ARGUMENT', `numThreads must be a positive integer, got ${threads}`);
    this.numThreads = threads;
    ensureBackend(this.backend);
    this.gpu = gpu;
    if (gpu) ensureBackend('reference');
    // With webgpu the session runs the main graph; the engine (reference kernels) converts feeds and runs signatures of other subgraphs.
    this.engine = new Engine(model, gpu ? 'reference' : this.backend, options.preserveAllTensors ?? false);
    this.engine.profiler = options.profiler;
    this.engine.numThreads = threads;
    this.engine.requantization = options.requantization ?? 'tflite';
    this.engine.runner(0);
    this.inputInfo = infos(model.graphs[0]!.inputs, 'input');
    this.outputInfo = infos(model.graphs[0]!.outputs, 'output');
  }

  /** Inputs of the main graph (current shapes). */
  get inputs(): TensorInfo[] {
    return this.inputInfo.map((t) => ({ ...t, shape: this.engine.inputShape(0, t.index) }));
  }

  /** Outputs of the main graph (shapes as planned in the model; results carry the actual shape). */
  get outputs(): TensorInfo[] {
    return this.outputInfo.map((t) => ({ ...t }));
  }

  /** Signature keys of the model. */
  get signatureKeys(): string[] {
    return this.model.signatures.map((s) => s.key);
  }

  /** Per-node timings after every node; set to undefined to stop. */
  get profiler(): ((t: NodeTiming) => void) | undefined {
    return this.engine.profiler;
  }

  set profiler(fn: ((t: NodeTiming) => void) | undefined) {
    this.engine.profiler = fn;
    if (this.gpu) this.gpu.profiler = fn;
  }

  /** Where each main-graph node runs on the webgpu backend (the GPU or a CPU fallback, with the reason); undefined on other backends. */
  get placements(): NodePlacement[] | undefined {
    return this.gpu?.placements.map((p) => ({ ...p }));
  }

  /** Changes the shape of a main-graph input; memory is re-planned before the next run. */
  resizeInput(input: string | number, shape: readonly number[]): void {
    this.engine.resizeInput(0, pick(this.inputInfo, input, 'the model').index, shape);
  }

  /** Runs the main graph; feeds by input name or position; returns outputs by name. */
  run(feeds: Feeds): Record<string, Tensor> {
    if (this.gpu) throw new RuntimeError('BAD_ARGUMENT', 'the webgpu backend runs asynchronously: use `await interpreter.runAsync(feeds)`');
    const pos = (list: TensorInfo[]) => list.map((_, i) => i);
    return this.engine.run(0, feeds, this.inputs, pos(this.inputInfo), this.outputInfo, pos(this.outputInfo));
  }
  /** Like run(), for every backend; the webgpu backend needs it (GPU work completes asynchronously). */
  async runAsync(feeds: Feeds): Promise<Record<string, Tensor>> {
    if (!this.gpu) return this.run(feeds);
    const pos = this.inputInfo.map((_, i) => i);
    const tensors = this.engine.convertFeeds(0, feeds, this.inputs, pos);
    tensors.forEach((t, i) => this.engine.resizeInput(0, i, t.shape));
    const outs = await this.gpu.run(tensors);
    const out: Record<string, Tensor> = {};
    this.outputInfo.forEach((info, j) => { out[info.name] = { ...outs[j]!, name: info.name }; });
    return out;
  }

  /** Like getTensor(), for every backend (webgpu reads the tensor back from the GPU). */
  async getTensorAsync(name: string): Promise<Tensor> {
    return this.gpu ? this.gpu.readTensor(name) : this.getTensor(name);
  }

  /** Frees the GPU buffers of a webgpu interpreter (a no-op on other backends). */
  dispose(): void {
    this.gpu?.dispose();
  }


  /** A runner for signature `key` (may be omitted when the model has exactly one). */
  getSignatureRunner(key?: string): SignatureRunner {
    const sigs = this.model.signatures;
    const sig = key === undefined ? (sigs.length === 1 ? sigs[0] : undefined) : sigs.find((s) => s.key === key);
    if (!sig) {
      throw new RuntimeError('BAD_ARGUMENT', key === undefined
        ? `the model has ${sigs.length} signatures (${sigs.map((s) => `'${s.key}'`).join(', ')}); name one`
        : `no signature '${key}'; the model has ${sigs.map((s) => `'${s.key}'`).join(', ') || 'none'}`);
    }
    const g = this.model.graphs[sig.graphIndex];
    if (!g) throw new RuntimeError('BAD_MODEL', `signature '${sig.key}' refers to missing subgraph ${sig.graphIndex}`);
    const inPos = sig.inputs.map((s) => g.inputs.indexOf(s.value));
    const outPos = sig.outputs.map((s) => g.outputs.indexOf(s.value));
    if (inPos.includes(-1) || outPos.includes(-1)) {
      throw new RuntimeError('BAD_MODEL', `signature '${sig.key}' names tensors that are not inputs/outputs of subgraph ${sig.graphIndex}`);
    }
    return new SignatureRunner(this.engine, sig.key, sig.graphIndex,
      sig.inputs.map((s, i) => info(s.value, i, s.name)), sig.outputs.map((s, i) => info(s.value, i, s.name)), inPos, outPos);
  }

  /**
   * A copy of a main-graph tensor by name after a run: constants, variables, inputs and outputs
   * always; other intermediates only with `preserveAllTensors` (their memory is reused otherwise).
   */
  getTensor(name: string): Tensor {
    if (this.gpu) throw new RuntimeError('BAD_ARGUMENT', 'the webgpu backend keeps tensors on the GPU: use `await interpreter.getTensorAsync(name)`', [name]);
    const main = this.engine.runner(0);
    const g = main.graph;
    let found: Value | undefined;
    const visit = (v: Value | undefined) => { if (v && !found && v.name === name) found = v; };
    g.inputs.forEach(visit);
    g.outputs.forEach(visit);
    for (const n of g.nodes) { n.inputs.forEach(visit); n.outputs.forEach(visit); }
    if (!found) throw new RuntimeError('BAD_ARGUMENT', `no tensor named '${name}' in the main graph`, [name]);
    const always = g.inputs.includes(found) || g.outputs.includes(found) || found.isVariable || found.data !== undefined;
    if (!always && !this.engine.preserveAllTensors) {
      throw new RuntimeError('NOT_PRESERVED', `tensor '${name}' is an intermediate; create the interpreter with { preserveAllTensors: true } to read it`, [name]);
    }
    const t = main.tensorOf(found);
    if (!t) throw new RuntimeError('BAD_ARGUMENT', `tensor '${name}' has no value yet; call run() first`, [name]);
    return copyTensor(t);
  }

  /** Resets variable tensors (LSTM state), resource variables and CALL_ONCE to their initial state. */
  resetVariables(): void {
    this.engine.resetVariables();
    this.gpu?.resetVariables();
  }

  /** Planned memory of every subgraph planned so far (the main graph is planned on demand). */
  get memory(): MemoryReport {
    // On webgpu the main graph lives on the GPU: no CPU arena is planned for it.
    if (!this.gpu) this.engine.runner(0).ensurePlanned();
    let arenaBytes = 0;
    let persistentBytes = 0;
    for (const r of this.engine.allRunners()) { arenaBytes += r.arenaBytes; persistentBytes += r.persistentBytes; }
    if (!this.gpu) return { arenaBytes, persistentBytes };
    const s = this.gpu.stats;
    return { arenaBytes, persistentBytes, gpu: { constantBytes: s.constantBytes, pooledBytes: s.pooledBytes } };
  }

  /** Bytes of the planned arenas (see `memory`). */
  get arenaBytes(): number {
    return this.memory.arenaBytes;
  }
}

function toModel(model: Uint8Array | ArrayBuffer | Model): Model {
  return model instanceof ArrayBuffer ? loadModel(new Uint8Array(model)) : model instanceof Uint8Array ? loadModel(model) : model;
}

function info(v: Value, index: number, name: string): TensorInfo {
  const shape = (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
  const sig = (v.shapeSignature ?? v.shape ?? []).map((d) => (typeof d === 'number' ? d : -1));
  return { name, index, dtype: v.dtype as DType, shape, shapeSignature: sig, quant: v.quant };
}

/** Tensor infos with unique, non-empty names (`input_3` where a model leaves a name empty or repeats it). */
function infos(values: Value[], prefix: string): TensorInfo[] {
  const seen = new Set<string>();
  return values.map((v, i) => {
    let name = v.name;
    if (!name || seen.has(name)) name = `${prefix}_${i}`;
    seen.add(name);
    return info(v, i, name);
  });
}

function pick(list: TensorInfo[], key: string | number, what: string): TensorInfo {
  const t = typeof key === 'number' ? list[key] : list.find((i) => i.name === key);
  if (!t) throw new RuntimeError('BAD_ARGUMENT', `${what} has no input ${typeof key === 'number' ? `#${key}` : `'${key}'`}; inputs: ${list.map((i) => `'${i.name}'`).join(', ')}`);
  return t;
}
