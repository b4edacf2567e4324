/// <reference types="@webgpu/types" />
// Runs a model's main graph on WebGPU. Every node runs on the GPU when a GPU kernel supports it,
// otherwise on a CPU backend (wasm when installed, else reference): its GPU inputs are read back,
// its outputs uploaded again when a GPU node needs them. Tensors stay on the GPU between nodes;
// only graph outputs (and what a profiler or preserveAllTensors asks for) are read back.
// Placement is decided in placement.ts; transfer.ts converts data to and from GPU buffers.
import { inlineComposites, type Model as IrModel } from '@liteml/graph-ir';
import type { Graph, Model, Node, Value } from '../../ir';
import type { KernelConfig, KernelContext, Tensor, TypedArray } from '../../kernel';
import { allocData, sizeOf } from '../../dtypes';
import { constantTensor } from '../../constants';
import { ensureBackend } from '../../backends';
import { Engine } from '../../engine';
import { RuntimeError } from '../../errors';
import { opLabel, type NodeTiming } from '../../graph-runner';
import { resolveAttrs } from '../../schemas';
import { getWebGpuDevice, type WebGpuDevice, type WebGpuOptions } from './device';
import type { GpuKernel, GpuKernelContext, GpuStorage, GpuTensor } from './kernel';
import { packUniforms, type ProgramInfo } from './program';
import { foldConstantNodes, placeNodes, type Plan } from './placement';
import { bytesOf, checkGpuDtype, fromGpuData, toGpuData } from './transfer';

export { WEBGPU_BACKEND } from './name';
import { WEBGPU_BACKEND } from './name';

/** CPU ops that read only their input's shape (the GPU data stays where it is). */
const SHAPE_ONLY_OPS = new Set(['tfl.SHAPE', 'tfl.RANK']);

export interface WebGpuSessionOptions extends WebGpuOptions {
  /** Keep every intermediate tensor so readTensor() can fetch it (no buffer reuse). */
  preserveAllTensors?: boolean;
  /** Called after each run with every node's timing (GPU timestamps when the adapter has 'timestamp-query'). */
  profiler?: (t: NodeTiming) => void;
  /** CPU backend for nodes the GPU cannot run (default: 'wasm' when installed, else 'reference'). */
  fallback?: string;
  /** Ops forced onto the CPU fallback (e.g. to compare). */
  cpuOps?: readonly string[];
}

/** Where a node runs and, for CPU nodes, why not on the GPU. */
export interface NodePlacement { node: string; op: string; backend: string; reason?: string }

interface Slot { gpu?: GpuTensor; cpu?: Tensor }
interface DispatchSlot { uniforms: GPUBuffer; data: Uint32Array; bindGroup?: GPUBindGroup; ids: string }
interface NodeState { cache: Record<string, unknown>; attrs?: Record<string, unknown>; dispatches: DispatchSlot[]; derived: Map<string, GpuTensor>; prepared: boolean }

const MAP_READ = 0x0001, COPY_DST = 0x0008, UNIFORM = 0x0040, QUERY_RESOLVE = 0x0200, COPY_SRC = 0x0004;

export class WebGpuSession {
  readonly placements: NodePlacement[];
  /** The main graph as the session runs it: readers of constant nodes' outputs see constants. */
  private readonly graph: Graph;
  private readonly plans: Plan[];
  private readonly states: NodeState[];
  private readonly uses = new Map<Value, number>();
  private readonly constants = new Map<Value, Tensor>();
  private readonly constGpu = new Map<Value, GpuTensor>();
  private readonly variables = new Map<Value, Tensor>();
  private cpuEngine?: Engine;
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private last = new Map<Value, Slot>();
  private querySet?: GPUQuerySet;
  private readonly stamped = new Set<number>();
  private readonly staging: GPUBuffer[] = [];
  private disposed = false;
  profiler?: (t: NodeTiming) => void;

  private constructor(readonly model: Model, private readonly gpu: WebGpuDevice, private readonly options: WebGpuSessionOptions) {
    const modelGraph = model.graphs[0];
    if (!modelGraph) throw new RuntimeError('BAD_MODEL', 'the model has no subgraphs');
    this.profiler = options.profiler;
    const produced = new Set<Value>(modelGraph.inputs);
    for (const n of modelGraph.nodes) for (const o of n.outputs) produced.add(o);
    for (const n of modelGraph.nodes) for (const v of n.inputs) {
      if (v && !produced.has(v) && v.data !== undefined && !v.isVariable && !this.constants.has(v)) this.constants.set(v, constantTensor(v));
    }
    for (const v of modelGraph.outputs) if (!produced.has(v) && v.data !== undefined) this.constants.set(v, constantTensor(v));
    const cpuOps = new Set(options.cpuOps ?? []);
    const fallbacks = [options.fallback ?? 'wasm', 'reference'].filter((b, i, a) => a.indexOf(b) === i && b !== WEBGPU_BACKEND);
    const { graph, folded } = foldConstantNodes(modelGraph, this.constants, fallbacks);
    this.graph = graph;
    for (const n of graph.nodes) for (const v of n.inputs) if (v) this.uses.set(v, (this.uses.get(v) ?? 0) + 1);
    this.plans = placeNodes(graph, this.constants, folded, {
      cpuOps, fallbacks, bindingLimit: gpu.limits.maxStorageBufferBindingSize, f16: options.precision === 'f16',
    });
    this.placements = this.plans.map((p) => ({ node: p.node.name, op: opLabel(p.node), backend: p.backend, ...(p.reason ? { reason: p.reason } : {}) }));
    this.states = graph.nodes.map(() => ({ cache: {}, dispatches: [], derived: new Map(), prepared: false }));
  }

  /** Creates a session (acquires the shared GPU device for these options). */
  static async create(model: Model, options: WebGpuSessionOptions = {}): Promise<WebGpuSession> {
    const gpu = await getWebGpuDevice(options);
    gpu.programs.f16 = options.precision === 'f16';
    // Composites run as their decomposed ops (each on the GPU where a kernel supports it).
    return new WebGpuSession(inlineComposites(model as IrModel), gpu, options);
  }

  /** The adapter, and what the device shares across sessions: pooled buffer bytes and compiled pipelines. */
  get stats(): { adapter: string; pooledBytes: number; constantBytes: number; programs: number; timestamps: boolean } {
    return { adapter: this.gpu.adapterInfo, pooledBytes: this.gpu.pool.totalBytes, constantBytes: this.constantBytes, programs: this.gpu.programs.size, timestamps: this.gpu.hasTimestamps };
  }

  /** Bytes of this session's GPU copies of constants (weights, and what kernels derive from them). */
  private get constantBytes(): number {
    let n = 0;
    for (const t of this.constGpu.values()) n += t.storage.buf.size;
    for (const s of this.states) for (const t of s.derived.values()) n += t.storage.buf.size;
    return n;
  }

  private get f16(): boolean {
    return this.options.precision === 'f16';
  }

  private get device(): GPUDevice {
    return this.gpu.device;
  }

  /** Runs the main graph: `inputs` in graph-input order; returns outputs in graph-output order. */
  async run(inputs: readonly Tensor[]): Promise<Tensor[]> {
    if (this.disposed) throw new RuntimeError('BAD_ARGUMENT', 'this WebGPU session was disposed');
    if (this.gpu.lost) throw new RuntimeError('KERNEL_FAILED', 'the WebGPU device was lost; create a new interpreter');
    const graph = this.graph;
    if (inputs.length !== graph.inputs.length) throw new RuntimeError('BAD_INPUT', `expected ${graph.inputs.length} input(s), got ${inputs.length}`);
    this.releaseAll(this.last);
    const vals = new Map<Value, Slot>();
    this.last = vals;
    graph.inputs.forEach((v, i) => {
      const t = inputs[i]!;
      if (v.isVariable) this.variables.set(v, t);
      else vals.set(v, { cpu: t });
    });
    const uses = new Map(this.uses);
    const keep = new Set<Value>([...graph.outputs, ...graph.inputs]);
    const preserve = this.options.preserveAllTensors ?? false;
    const profiler = this.profiler;
    const stamps = !!profiler && this.gpu.hasTimestamps;
    if (stamps && (!this.querySet || this.querySet.count < 2 * this.plans.length)) {
      this.querySet?.destroy();
      this.querySet = this.device.createQuerySet({ type: 'timestamp', count: 2 * Math.max(1, this.plans.length) });
    }
    const timings: NodeTiming[] = [];
    this.device.pushErrorScope('validation');
    try {
      for (let k = 0; k < this.plans.length; k++) {
        const plan = this.plans[k]!;
        const node = plan.node;
        if (plan.constant) {
          // Evaluated when the session was created; its readers see its outputs as constants.
          if (profiler) timings.push({ graphIndex: 0, nodeIndex: k, node: node.name, op: opLabel(node), backend: plan.backend, ms: 0 });
          continue;
        }
        const t0 = performance.now();
        try {
          if (plan.gpu) this.runGpu(k, plan.gpu, vals, stamps);
          else await this.runCpu(k, plan.cpu!, vals);
        } catch (e) {
          throw wrap(e, node, k);
        }
        if (profiler) {
          if (!stamps && plan.gpu) { this.flush(); await this.device.queue.onSubmittedWorkDone(); }
          timings.push({ graphIndex: 0, nodeIndex: k, node: node.name, op: opLabel(node), backend: plan.backend, ms: performance.now() - t0 });
        }
        if (!preserve) {
          for (const v of node.inputs) {
            if (!v) continue;
            const left = (uses.get(v) ?? 1) - 1;
            uses.set(v, left);
            if (left === 0 && !keep.has(v)) this.releaseSlot(vals, v);
          }
          for (const v of node.outputs) if (!uses.get(v) && !keep.has(v)) this.releaseSlot(vals, v);
        }
      }
      const outs = await this.read(graph.outputs.map((v) => v), vals);
      if (stamps) {
        const ns = await this.readTimestamps();
        for (const t of timings) {
          if (this.stamped.has(t.nodeIndex) && ns) t.ms = Number(ns[2 * t.nodeIndex + 1]! - ns[2 * t.nodeIndex]!) / 1e6;
        }
      }
      for (const t of timings) profiler!(t);
      return outs;
    } finally {
      this.flush();
      const err = await this.device.popErrorScope();
      if (err) throw new RuntimeError('KERNEL_FAILED', `WebGPU validation error: ${err.message}`);
    }
  }

  /** A copy of a main-graph tensor after a run (intermediates need preserveAllTensors). */
  async readTensor(name: string): Promise<Tensor> {
    const g = this.graph;
    let found: Value | undefined;
    for (const v of [...g.inputs, ...g.outputs, ...g.nodes.flatMap((n) => [...n.inputs, ...n.outputs])]) if (v && v.name === name) { found = v; break; }
    if (!found) throw new RuntimeError('BAD_ARGUMENT', `no tensor named '${name}' in the main graph`, [name]);
    const c = this.constants.get(found);
    if (c) return { ...c, data: (c.data as TypedArray).slice() };
    if (!this.last.has(found)) {
      throw new RuntimeError('NOT_PRESERVED', `tensor '${name}' has no value now: run first, and create the interpreter with { preserveAllTensors: true } to read intermediates`, [name]);
    }
    return (await this.read([found], this.last))[0]!;
  }

  /** Frees this session's GPU buffers (the device and its pipeline cache stay for other sessions). */
  dispose(): void {
    if (this.disposed) return;
    this.releaseAll(this.last);
    for (const t of this.constGpu.values()) t.storage.buf.buffer.destroy();
    for (const s of this.states) {
      for (const d of s.dispatches) d.uniforms.destroy();
      for (const t of s.derived.values()) t.storage.buf.buffer.destroy();
    }
    this.querySet?.destroy();
    for (const b of this.staging) b.destroy();
    this.staging.length = 0;
    this.disposed = true;
  }

  resetVariables(): void {
    this.variables.clear();
    this.cpuEngine?.resetVariables();
  }

  // ------------------------------------------------------------------------------------------

  private runGpu(k: number, kernel: GpuKernel, vals: Map<Value, Slot>, stamps: boolean): void {
    const plan = this.plans[k]!;
    const node = plan.node;
    const st = this.states[k]!;
    let dispatchIndex = 0;
    const ctx: GpuKernelContext = {
      node,
      attrs: (st.attrs ??= resolveAttrs(node)) as GpuKernelContext['attrs'],
      inputs: node.inputs.map((v) => {
        if (!v) return undefined;
        const s = this.slotOf(v, vals);
        const t = s.gpu ?? s.cpu!;
        return { dtype: t.dtype, shape: t.shape };
      }),
      input: (i) => {
        const v = node.inputs[i];
        if (!v) throw new RuntimeError('KERNEL_FAILED', `input ${i} of node '${node.name}' is omitted`, [node.name]);
        return this.gpuOf(v, vals);
      },
      constant: (i) => {
        const v = node.inputs[i];
        return v ? this.constants.get(v) : undefined;
      },
      output: (i, shape, dtype) => {
        const v = node.outputs[i]!;
        const dt = dtype ?? v.dtype;
        const buf = this.gpu.pool.acquire(sizeOf(shape) * bytesOf(dt, this.f16));
        const t: GpuTensor = { dtype: dt, shape: [...shape], storage: { buf, refs: 1, persistent: false } };
        vals.set(v, { gpu: t });
        return t;
      },
      outputView: (i, t, shape) => {
        const v = node.outputs[i]!;
        t.storage.refs++;
        const out: GpuTensor = { dtype: t.dtype, shape: [...shape], storage: t.storage };
        vals.set(v, { gpu: out });
        return out;
      },
      derived: (key, dtype, shape, make) => {
        let t = st.derived.get(key);
        if (!t) {
          t = { dtype, shape: [...shape], storage: { buf: this.gpu.pool.createWith(toGpuData(dtype, make(), this.f16)), refs: 1, persistent: true } };
          st.derived.set(key, t);
        }
        return t;
      },
      dispatch: (program, ins, outs, uniforms, wg) => {
        this.encodeDispatch(k, st, dispatchIndex++, program, ins, outs, uniforms, wg, stamps);
      },
      cache: st.cache,
      f16: this.f16,
      limits: this.device.limits,
    };
    kernel.run(ctx);
    if (dispatchIndex > 0) this.stamped.add(k);
    if (this.pass) { this.pass.end(); this.pass = null; }
    node.outputs.forEach((v, i) => {
      if (!vals.has(v)) throw new RuntimeError('KERNEL_FAILED', `the webgpu kernel of ${node.op} did not produce output ${i} ('${v.name}')`, [node.name]);
    });
  }

  private encodeDispatch(k: number, st: NodeState, di: number, program: ProgramInfo, ins: GpuTensor[], outs: GpuTensor[],
    uniforms: Record<string, number>, wg: readonly [number, number, number], stamps: boolean): void {
    const compiled = this.gpu.programs.get(program);
    const data = packUniforms(program, uniforms);
    let slot = st.dispatches[di];
    if (!slot || slot.data.length !== data.length) {
      slot?.uniforms.destroy();
      slot = { uniforms: this.device.createBuffer({ size: data.byteLength, usage: UNIFORM | COPY_DST }), data: new Uint32Array(data.length).fill(0xffffffff), ids: '' };
      st.dispatches[di] = slot;
    }
    if (!equalWords(slot.data, data)) {
      // Only this dispatch reads this uniform buffer, once per run: a queued write lands before the batch that uses it.
      this.device.queue.writeBuffer(slot.uniforms, 0, data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
      slot.data = data;
    }
    const ids = `${program.key}|${ins.map((t) => t.storage.buf.id).join(',')}|${outs.map((t) => t.storage.buf.id).join(',')}`;
    if (!slot.bindGroup || slot.ids !== ids) {
      const entries: GPUBindGroupEntry[] = [];
      let b = 0;
      for (const t of [...ins, ...outs]) entries.push({ binding: b++, resource: { buffer: t.storage.buf.buffer } });
      entries.push({ binding: b, resource: { buffer: slot.uniforms } });
      slot.bindGroup = this.device.createBindGroup({ layout: compiled.layout, entries });
      slot.ids = ids;
    }
    if (!this.pass) {
      this.encoder ??= this.device.createCommandEncoder();
      this.pass = this.encoder.beginComputePass(stamps && this.querySet
        ? { timestampWrites: { querySet: this.querySet, beginningOfPassWriteIndex: 2 * k, endOfPassWriteIndex: 2 * k + 1 } }
        : {});
    }
    this.pass.setPipeline(compiled.pipeline);
    this.pass.setBindGroup(0, slot.bindGroup);
    if (wg[0] * wg[1] * wg[2] > 0) this.pass.dispatchWorkgroups(wg[0], wg[1], wg[2]);
  }

  private async runCpu(k: number, kernel: KernelConfig, vals: Map<Value, Slot>): Promise<void> {
    const plan = this.plans[k]!;
    const node = plan.node;
    const st = this.states[k]!;
    // SHAPE and RANK need only the input's shape: a GPU tensor is not read back for them.
    const shapeOnly = SHAPE_ONLY_OPS.has(node.op);
    const needRead = shapeOnly ? [] : node.inputs.filter((v): v is Value => !!v && !v.isVariable && !this.constants.has(v) && !this.slotOf(v, vals).cpu);
    if (needRead.length) {
      const got = await this.read(needRead, vals);
      needRead.forEach((v, i) => { this.slotOf(v, vals).cpu = got[i]; });
    }
    const inputs = node.inputs.map((v): Tensor | undefined => {
      if (!v) return undefined;
      if (v.isVariable) return this.variableOf(v);
      const c = this.constants.get(v);
      if (c) return c;
      const slot = this.slotOf(v, vals);
      if (slot.cpu) return slot.cpu;
      const g = slot.gpu!;
      return { name: v.name, dtype: g.dtype, shape: [...g.shape], data: allocData(g.dtype, 0) };
    });
    const outs: (Tensor | undefined)[] = node.outputs.map(() => undefined);
    const ctx: KernelContext = {
      node,
      attrs: (st.attrs ??= resolveAttrs(node)) as KernelContext['attrs'],
      inputs,
      cache: st.cache,
      backend: plan.backend,
      resources: this.cpu().resources,
      output: (i, shape, dtype) => {
        const v = node.outputs[i]!;
        const dt = dtype ?? v.dtype;
        if (v.isVariable) {
          const cur = this.variables.get(v);
          if (cur && cur.dtype === dt && cur.shape.join() === shape.join()) { outs[i] = cur; return cur; }
        }
        const t: Tensor = { name: v.name, dtype: dt, shape: [...shape], data: allocData(dt, sizeOf(shape)), quant: v.quant };
        outs[i] = t;
        return t;
      },
      runSubgraph: (g, ins) => this.cpu().runSubgraph(g, ins),
    };
    if (!st.prepared) { kernel.prepare?.(ctx); st.prepared = true; }
    kernel.run(ctx);
    node.outputs.forEach((v, i) => {
      const t = outs[i];
      if (!t) throw new RuntimeError('KERNEL_FAILED', `the ${plan.backend} kernel of ${node.op} did not produce output ${i} ('${v.name}')`, [node.name]);
      if (v.isVariable) this.variables.set(v, t);
      else vals.set(v, { cpu: t });
    });
  }

  /** The CPU engine that runs subgraphs (WHILE/IF/CALL_ONCE bodies) and holds resource variables. */
  private cpu(): Engine {
    if (!this.cpuEngine) {
      ensureBackend('reference');
      this.cpuEngine = new Engine(this.model, 'reference', false);
    }
    return this.cpuEngine;
  }

  private variableOf(v: Value): Tensor {
    let t = this.variables.get(v);
    if (!t) {
      if (v.data !== undefined && v.data.byteLength > 0) {
        const c = constantTensor(v);
        t = { ...c, data: (c.data as TypedArray).slice() };
      } else {
        const shape = (v.shape ?? []).map((d) => (typeof d === 'number' && d >= 0 ? d : 1));
        t = { name: v.name, dtype: v.dtype, shape, data: allocData(v.dtype, sizeOf(shape)), quant: v.quant };
      }
      this.variables.set(v, t);
    }
    return t;
  }

  private slotOf(v: Value, vals: Map<Value, Slot>): Slot {
    const s = vals.get(v);
    if (s) return s;
    const c = this.constants.get(v);
    if (c) {
      const g = this.constGpu.get(v);
      return g ? { gpu: g, cpu: c } : { cpu: c };
    }
    throw new RuntimeError('BAD_MODEL', `tensor '${v.name}' is read before anything produced it`, [v.name]);
  }

  /** The GPU tensor of a value, uploading CPU data (constants once per session). */
  private gpuOf(v: Value, vals: Map<Value, Slot>): GpuTensor {
    const c = this.constants.get(v);
    if (c) {
      let g = this.constGpu.get(v);
      if (!g) {
        checkGpuDtype(c.dtype, v.name);
        g = { dtype: c.dtype, shape: [...c.shape], storage: { buf: this.gpu.pool.createWith(toGpuData(c.dtype, c.data as TypedArray, this.f16)), refs: 1, persistent: true } };
        this.constGpu.set(v, g);
      }
      return g;
    }
    const s = this.slotOf(v, vals);
    if (s.gpu) return s.gpu;
    const t = s.cpu!;
    checkGpuDtype(t.dtype, v.name);
    // A queued write must not overtake recorded commands that still read a reused buffer.
    this.flush();
    const buf = this.gpu.pool.acquire(Math.max(4, sizeOf(t.shape) * bytesOf(t.dtype, this.f16)));
    const data = toGpuData(t.dtype, t.data as TypedArray, this.f16);
    if (data.byteLength) this.device.queue.writeBuffer(buf.buffer, 0, data.buffer, data.byteOffset, data.byteLength);
    s.gpu = { dtype: t.dtype, shape: [...t.shape], storage: { buf, refs: 1, persistent: false } };
    return s.gpu;
  }

  /** Submits what was recorded so far. */
  private flush(): void {
    if (this.pass) { this.pass.end(); this.pass = null; }
    if (this.encoder) {
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
    }
  }

  /** CPU copies of values (GPU ones read back in one batch). */
  private async read(values: Value[], vals: Map<Value, Slot>): Promise<Tensor[]> {
    const slots = values.map((v) => this.slotOf(v, vals));
    const staging: (GPUBuffer | undefined)[] = [];
    const pending = slots.map((s) => !s.cpu && !!s.gpu);
    if (pending.some(Boolean)) {
      this.encoder ??= this.device.createCommandEncoder();
      if (this.pass) { this.pass.end(); this.pass = null; }
      slots.forEach((s, i) => {
        if (!pending[i]) return;
        const bytes = Math.ceil(sizeOf(s.gpu!.shape) * bytesOf(s.gpu!.dtype, this.f16) / 4) * 4;
        if (bytes === 0) return;
        const b = this.stagingBuffer(bytes);
        this.encoder!.copyBufferToBuffer(s.gpu!.storage.buf.buffer, 0, b, 0, bytes);
        staging[i] = b;
      });
      this.flush();
      await Promise.all(staging.map((b) => b?.mapAsync(MAP_READ)));
    }
    return values.map((v, i) => {
      const s = slots[i]!;
      if (s.cpu) return { ...s.cpu, name: v.name, shape: [...s.cpu.shape], data: Array.isArray(s.cpu.data) ? [...s.cpu.data] : s.cpu.data.slice() };
      const g = s.gpu!;
      const n = sizeOf(g.shape);
      const data = allocData(g.dtype, n) as TypedArray;
      const b = staging[i];
      if (b) {
        fromGpuData(g.dtype, b.getMappedRange(), n, data, this.f16);
        b.unmap();
        this.staging.push(b);
      }
      return { name: v.name, dtype: g.dtype, shape: [...g.shape], data, quant: v.quant };
    });
  }

  /** A MAP_READ buffer of at least `bytes` (read-back buffers are kept for the next runs). */
  private stagingBuffer(bytes: number): GPUBuffer {
    const i = this.staging.findIndex((b) => b.size >= bytes && b.size <= 2 * bytes + 256);
    if (i >= 0) return this.staging.splice(i, 1)[0]!;
    return this.device.createBuffer({ size: bytes, usage: MAP_READ | COPY_DST });
  }

  private async readTimestamps(): Promise<BigInt64Array | undefined> {
    if (!this.querySet) return undefined;
    const n = this.querySet.count;
    const resolve = this.device.createBuffer({ size: 8 * n, usage: QUERY_RESOLVE | COPY_SRC });
    const read = this.device.createBuffer({ size: 8 * n, usage: MAP_READ | COPY_DST });
    const enc = this.device.createCommandEncoder();
    enc.resolveQuerySet(this.querySet, 0, n, resolve, 0);
    enc.copyBufferToBuffer(resolve, 0, read, 0, 8 * n);
    this.device.queue.submit([enc.finish()]);
    await read.mapAsync(MAP_READ);
    const out = new BigInt64Array(read.getMappedRange().slice(0));
    read.unmap();
    read.destroy();
    resolve.destroy();
    return out;
  }

  private releaseSlot(vals: Map<Value, Slot>, v: Value): void {
    const s = vals.get(v);
    if (!s) return;
    if (s.gpu) this.releaseStorage(s.gpu.storage);
    vals.delete(v);
  }

  private releaseStorage(st: GpuStorage): void {
    if (st.persistent) return;
    if (--st.refs === 0) this.gpu.pool.release(st.buf);
  }

  private releaseAll(vals: Map<Value, Slot>): void {
    for (const s of vals.values()) if (s.gpu) this.releaseStorage(s.gpu.storage);
    vals.clear();
  }
}

function equalWords(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function wrap(e: unknown, node: Node, k: number): RuntimeError {
  if (e instanceof RuntimeError) return e.names.includes(node.name) ? e : new RuntimeError(e.code, `node ${k} '${node.name}' (${opLabel(node)}): ${e.message}`, [node.name, ...e.names], { cause: e });
  return new RuntimeError('KERNEL_FAILED', `node ${k} '${node.name}' (${opLabel(node)}) failed on webgpu: ${e instanceof Error ? e.message : String(e)}`, [node.name], { cause: e });
}
