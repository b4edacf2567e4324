// Executes one graph (subgraph) of a model: plans its memory, binds tensors, runs its nodes.
import type { DType, Graph, Model, Node, Value } from './ir';
import type { KernelConfig, KernelContext, Tensor } from './kernel';
import { allocData, elementBytes, sizeOf, viewData } from './dtypes';
import { constantTensor } from './constants';
import { constantNodes } from './constant-nodes';
import { RuntimeError } from './errors';
import { planArena, type BufferRequest } from './planner';
import { planShapes } from './shape-plan';
import { resolveAttrs } from './schemas';

export interface NodeTiming {
  graphIndex: number;
  nodeIndex: number;
  node: string;
  op: string;
  backend: string;
  /** Milliseconds. */
  ms: number;
}

/** What a GraphRunner needs from its interpreter. */
export interface RunnerHost {
  readonly model: Model;
  readonly backend: string;
  readonly preserveAllTensors: boolean;
  readonly resources: Map<unknown, unknown>;
  /** Threads kernels may use (backends that cannot thread ignore it). */
  readonly numThreads: number;
  profiler?: (t: NodeTiming) => void;
  kernelFor(node: Node): KernelConfig;
  runSubgraph(graphIndex: number, inputs: Tensor[]): Tensor[];
}

interface Slot { shape?: number[]; bytes: number; offset?: number }

export class GraphRunner {
  readonly graph: Graph;
  /** Current shape of each graph input. */
  readonly inputShapes: Map<Value, number[]>;
  busy = false;
  arenaBytes = 0;
  private arena: ArrayBuffer = new ArrayBuffer(0);
  private readonly constants = new Map<Value, Tensor>();
  /** Indices of the constant nodes (see constant-nodes.ts), evaluated once; their outputs. */
  private readonly constantNodes: Set<number>;
  private readonly constantOutputs = new Set<Value>();
  /** Outputs of constant nodes once evaluated: persistent, outside the arena, kept across re-plans. */
  private readonly folded = new Map<Value, Tensor>();
  /** The backend that evaluated each constant node (a kernel may hand its work to another). */
  private readonly foldedBackends = new Map<number, string>();
  private variableBytes = 0;
  private shapes = new Map<Value, number[] | undefined>();
  private readonly variables = new Map<Value, Tensor>();
  private slots = new Map<Value, Slot>();
  private current = new Map<Value, Tensor>();
  private readonly caches: Record<string, unknown>[];
  private readonly attrs: (Record<string, unknown> | undefined)[];
  private prepared: boolean[] = [];
  private readonly fed = new Set<Value>();
  private needsPlan = true;
  private resized = false;

  constructor(private readonly host: RunnerHost, readonly graphIndex: number) {
    const graph = host.model.graphs[graphIndex];
    if (!graph) throw new RuntimeError('BAD_MODEL', `the model has no subgraph ${graphIndex} (it has ${host.model.graphs.length})`);
    this.graph = graph;
    const produced = new Set<Value>(graph.inputs);
    for (const n of graph.nodes) for (const o of n.outputs) produced.add(o);
    const visit = (v: Value | undefined) => {
      if (!v || this.constants.has(v) || produced.has(v)) return;
      if (v.data !== undefined && !v.isVariable) this.constants.set(v, constantTensor(v));
    };
    for (const n of graph.nodes) n.inputs.forEach(visit);
    graph.outputs.forEach(visit);
    this.constantNodes = new Set(constantNodes(graph, (v) => this.constants.has(v)));
    for (const k of this.constantNodes) for (const v of graph.nodes[k]!.outputs) this.constantOutputs.add(v);
    this.inputShapes = new Map(graph.inputs.map((v) => [v, (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1))]));
    this.caches = graph.nodes.map(() => ({}));
    this.attrs = graph.nodes.map(() => undefined);
  }

  /** Changes the shape of graph input `index`; the next run re-plans. */
  resizeInput(index: number, shape: readonly number[]): void {
    const v = this.graph.inputs[index]!;
    const cur = this.inputShapes.get(v)!;
    if (cur.length === shape.length && cur.every((d, i) => d === shape[i])) return;
    this.inputShapes.set(v, [...shape]);
    this.resized = true;
    this.needsPlan = true;
  }

  /** Plans now if inputs changed since the last plan. */
  ensurePlanned(): void {
    if (this.needsPlan) this.plan();
  }

  /**
   * Bytes of persistent tensors: variables (LSTM state) and the outputs of constant nodes (their
   * planned size until the first run evaluates them).
   */
  get persistentBytes(): number {
    let n = this.variableBytes;
    for (const v of this.constantOutputs) {
      const t = this.folded.get(v);
      const shape = this.shapes.get(v);
      if (t) n += Array.isArray(t.data) ? 0 : t.data.byteLength;
      else if (shape && v.dtype !== 'string') n += sizeOf(shape) * elementBytes(v.dtype);
    }
    return n;
  }

  /** Plans shapes and the arena now (also done lazily by run). */
  plan(): void {
    const { graph } = this;
    const known = this.folded.size ? new Map([...this.constants, ...this.folded]) : this.constants;
    const shapes = planShapes(graph, this.inputShapes, known, this.resized);
    this.shapes = shapes;
    const N = graph.nodes.length;
    const first = new Map<Value, number>();
    const last = new Map<Value, number>();
    for (const v of graph.inputs) { first.set(v, -1); last.set(v, -1); }
    graph.nodes.forEach((n, k) => {
      for (const v of n.inputs) if (v && last.has(v)) last.set(v, Math.max(last.get(v)!, k));
      for (const v of n.outputs) if (!first.has(v)) { first.set(v, k); last.set(v, k); }
    });
    // Inputs stay readable for the whole run (users may read them back), outputs until the end.
    for (const v of graph.inputs) last.set(v, N);
    for (const v of graph.outputs) if (last.has(v)) last.set(v, N);
    const planned: Value[] = [];
    const requests: BufferRequest[] = [];
    this.slots = new Map();
    for (const [v, f] of first) {
      if (this.constants.has(v) || this.constantOutputs.has(v)) continue;
      const shape = shapes.get(v) ?? (graph.inputs.includes(v) ? this.inputShapes.get(v) : undefined);
      if (v.isVariable) {
        this.ensureVariable(v, shape);
        continue;
      }
      if (!shape || v.dtype === 'string') { this.slots.set(v, { shape, bytes: 0 }); continue; }
      const bytes = sizeOf(shape) * elementBytes(v.dtype);
      this.slots.set(v, { shape, bytes });
      planned.push(v);
      requests.push({ bytes, first: f, last: this.host.preserveAllTensors ? N : last.get(v)! });
    }
    const arena = planArena(requests);
    planned.forEach((v, i) => { this.slots.get(v)!.offset = arena.offsets[i]; });
    if (arena.size > this.arena.byteLength) this.arena = new ArrayBuffer(arena.size);
    this.arenaBytes = arena.size;
    // Variables that are only read (LSTM state inputs with no producer) are persistent too.
    for (const n of graph.nodes) for (const v of n.inputs) if (v?.isVariable && !this.constants.has(v)) this.ensureVariable(v, shapes.get(v));
    this.variableBytes = 0;
    for (const t of this.variables.values()) this.variableBytes += Array.isArray(t.data) ? 0 : t.data.byteLength;
    this.prepared = graph.nodes.map(() => false);
    for (let i = 0; i < this.caches.length; i++) this.caches[i] = {};
    this.needsPlan = false;
  }

  /** Creates the persistent tensor of a variable (kept across runs; recreated if a re-plan changes its shape). */
  private ensureVariable(v: Value, shape: number[] | undefined): void {
    const cur = this.variables.get(v);
    if (cur && (!shape || (cur.shape.length === shape.length && cur.shape.every((d, i) => d === shape[i])))) return;
    const s = shape ?? (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
    const t: Tensor = v.data !== undefined && v.data.byteLength > 0
      ? (() => { const c = constantTensor(v); return { ...c, data: Array.isArray(c.data) ? [...c.data] : c.data.slice() }; })()
      : { name: v.name, dtype: v.dtype, shape: s, data: allocData(v.dtype, sizeOf(s)), quant: v.quant };
    // Like TFLite's ResetVariableTensor: an int8 state starts at its zero point (real value 0), not at raw 0.
    const zp = v.quant?.zeroPoint[0] ?? 0;
    if (v.dtype === 'i8' && zp !== 0 && (v.data === undefined || v.data.byteLength === 0)) (t.data as Int8Array).fill(zp);
    this.variables.set(v, t);
  }

  /** Resets variable tensors (LSTM state) to their initial values. */
  resetVariables(): void {
    this.variables.clear();
    this.needsPlan = true;
  }

  /** Binds input `index` to a copy of `t` in its planned buffer (a variable input: its persistent tensor). */
  setInput(index: number, t: Tensor): void {
    const v = this.graph.inputs[index]!;
    this.resizeInput(index, t.shape);
    if (this.needsPlan) this.plan();
    const tensor = v.isVariable
      ? { name: v.name, dtype: v.dtype, shape: [...t.shape], data: allocData(v.dtype, sizeOf(t.shape)), quant: v.quant }
      : this.allocate(v, t.shape, v.dtype);
    if (Array.isArray(tensor.data)) (tensor.data as string[]).splice(0, tensor.data.length, ...(t.data as string[]));
    else (tensor.data as Float32Array).set(t.data as Float32Array);
    if (v.isVariable) this.variables.set(v, tensor);
    else this.current.set(v, tensor);
    this.fed.add(v);
  }

  private allocate(v: Value, shape: readonly number[], dtype: DType): Tensor {
    const n = sizeOf(shape);
    const slot = this.slots.get(v);
    const bytes = n * elementBytes(dtype);
    let data;
    if (slot?.offset !== undefined && dtype !== 'string' && bytes <= slot.bytes) {
      data = viewData(dtype, this.arena, slot.offset, n);
      data.fill((data instanceof BigInt64Array || data instanceof BigUint64Array ? 0n : 0) as never);
    } else {
      data = allocData(dtype, n);
    }
    return { name: v.name, dtype, shape: [...shape], data, quant: v.quant };
  }

  /** The tensor currently bound to `v` (after a run: its latest value). */
  tensorOf(v: Value): Tensor | undefined {
    return this.constants.get(v) ?? this.folded.get(v) ?? this.variables.get(v) ?? this.current.get(v);
  }

  /** Runs every node. Inputs must have been set. */
  run(): void {
    if (this.needsPlan) this.plan();
    const { graph, host } = this;
    graph.inputs.forEach((v, i) => {
      if (!this.fed.has(v)) throw new RuntimeError('BAD_INPUT', `input ${i} ('${v.name}') of subgraph ${this.graphIndex} was not set`, [v.name]);
    });
    const keep = new Set(graph.inputs);
    for (const v of [...this.current.keys()]) if (!keep.has(v)) this.current.delete(v);
    const profiler = host.profiler;
    for (let k = 0; k < graph.nodes.length; k++) {
      const node = graph.nodes[k]!;
      const kernel = host.kernelFor(node);
      const constant = this.constantNodes.has(k);
      if (constant && node.outputs.every((v) => this.folded.has(v))) {
        // Evaluated at an earlier run: its outputs are still there.
        if (profiler) profiler({ graphIndex: this.graphIndex, nodeIndex: k, node: node.name, op: opLabel(node), backend: this.foldedBackends.get(k)!, ms: 0 });
        continue;
      }
      const inputs = node.inputs.map((v, i) => {
        if (!v) return undefined;
        const t = this.tensorOf(v);
        if (!t) throw new RuntimeError('BAD_MODEL', `node '${node.name}' (${node.op}) reads tensor '${v.name}' (input ${i}), which nothing produced before it`, [node.name, v.name]);
        return t;
      });
      const outs = new Array<Tensor | undefined>(node.outputs.length);
      const ctx: KernelContext = {
        node,
        attrs: (this.attrs[k] ??= resolveAttrs(node)) as KernelContext['attrs'],
        inputs,
        cache: this.caches[k]!,
        backend: kernel.backend === '*' ? host.backend : kernel.backend,
        output: (i, shape, dtype) => {
          const v = node.outputs[i];
          if (!v) throw new RuntimeError('KERNEL_FAILED', `kernel asked for output ${i} of node '${node.name}', which has ${node.outputs.length}`, [node.name]);
          if (shape.some((d) => !Number.isInteger(d) || d < 0)) {
            throw new RuntimeError('SHAPE_MISMATCH', `node '${node.name}' (${node.op}) computed an invalid output shape [${shape.join(', ')}]`, [node.name]);
          }
          const t = v.isVariable ? this.variableOutput(v, shape, dtype ?? v.dtype) : this.allocate(v, shape, dtype ?? v.dtype);
          outs[i] = t;
          return t;
        },
        runSubgraph: (g, ins) => host.runSubgraph(g, ins),
        resources: host.resources,
        numThreads: host.numThreads,
      };
      const t0 = profiler ? performance.now() : 0;
      try {
        if (!this.prepared[k]) {
          kernel.prepare?.(ctx);
          this.prepared[k] = true;
        }
        kernel.run(ctx);
      } catch (e) {
        throw wrapKernelError(e, node, k);
      }
      if (profiler) profiler({ graphIndex: this.graphIndex, nodeIndex: k, node: node.name, op: opLabel(node), backend: ctx.backend, ms: performance.now() - t0 });
      node.outputs.forEach((v, i) => {
        const t = outs[i];
        if (!t) {
          // An output no consumer reads may be left alone (e.g. unused optional outputs).
          throw new RuntimeError('KERNEL_FAILED', `the ${kernel.backend} kernel of ${node.op} did not produce output ${i} ('${v.name}') of node '${node.name}'`, [node.name]);
        }
        // Outputs of constant nodes have no arena slot (allocate() gave them their own memory).
        if (constant) { this.folded.set(v, t); this.foldedBackends.set(k, ctx.backend); }
        else if (!v.isVariable) this.current.set(v, t);
      });
    }
  }

  private variableOutput(v: Value, shape: readonly number[], dtype: DType): Tensor {
    const cur = this.variables.get(v);
    if (cur && cur.dtype === dtype && cur.shape.length === shape.length && cur.shape.every((d, i) => d === shape[i])) return cur;
    const t: Tensor = { name: v.name, dtype, shape: [...shape], data: allocData(dtype, sizeOf(shape)), quant: v.quant };
    this.variables.set(v, t);
    return t;
  }

  /** Copies of the graph's output tensors. */
  outputs(): Tensor[] {
    return this.graph.outputs.map((v, i) => {
      const t = this.tensorOf(v);
      if (!t) throw new RuntimeError('BAD_MODEL', `output ${i} ('${v.name}') of subgraph ${this.graphIndex} was never computed`, [v.name]);
      return copyTensor(t);
    });
  }
}

export function copyTensor(t: Tensor): Tensor {
  return { name: t.name, dtype: t.dtype, shape: [...t.shape], data: Array.isArray(t.data) ? [...t.data] : t.data.slice(), quant: t.quant };
}

export function opLabel(node: Node): string {
  return node.op === 'tfl.CUSTOM' ? `tfl.CUSTOM:${String(node.attrs['customCode'] ?? '')}` : node.op;
}

function wrapKernelError(e: unknown, node: Node, k: number): RuntimeError {
  const where = `node ${k} '${node.name}' (${opLabel(node)})`;
  if (e instanceof RuntimeError) {
    if (e.names.includes(node.name) || e.message.includes(`'${node.name}'`)) return e;
    return new RuntimeError(e.code, `${where}: ${e.message}`, [node.name, ...e.names], { cause: e });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new RuntimeError('KERNEL_FAILED', `${where} failed: ${msg}`, [node.name], { cause: e });
}
