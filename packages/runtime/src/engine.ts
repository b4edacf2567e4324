// The execution engine behind an Interpreter: kernel selection (all unsupported nodes reported at
// once), one GraphRunner per subgraph, subgraph calls for control flow, and feeding/fetching.
import type { Model, Node } from './ir';
import type { KernelConfig, Tensor } from './kernel';
import { RuntimeError } from './errors';
import { toTensor, type TensorInfo, type TensorLike } from './feeds';
import { GraphRunner, opLabel, type NodeTiming, type RunnerHost } from './graph-runner';
import { findKernel } from './registry';
import { getRequantization, setRequantization, type Requantization } from './backends/reference/kernels/nn-quant-utils';

export type Feeds = Record<string, TensorLike> | readonly TensorLike[];

export class Engine implements RunnerHost {
  readonly resources = new Map<unknown, unknown>();
  profiler?: (t: NodeTiming) => void;
  /** Applied for the duration of each run (kernels read it via getRequantization()). */
  requantization: Requantization = 'tflite';
  /** Threads kernels may use (the wasm backend splits work across workers). */
  numThreads = 1;
  private readonly kernels = new Map<Node, KernelConfig>();
  private readonly runners = new Map<number, GraphRunner>();

  constructor(readonly model: Model, readonly backend: string, readonly preserveAllTensors: boolean) {
    if (!model.graphs.length) throw new RuntimeError('BAD_MODEL', 'the model has no subgraphs');
    this.selectKernels();
  }

  /** Every node of every subgraph needs a kernel that supports it; all failures are reported at once. */
  private selectKernels(): void {
    const problems: string[] = [];
    const names: string[] = [];
    this.model.graphs.forEach((g, gi) => g.nodes.forEach((node, ni) => {
      const k = findKernel(this.backend, node);
      let why: string | undefined;
      if (!k) {
        why = node.op === 'tfl.CUSTOM'
          ? `no kernel for custom op '${String(node.attrs['customCode'] ?? '')}' (register one with registerCustomOp)`
          : `the ${this.backend} backend has no kernel for ${node.op}`;
      } else {
        try {
          const ok = k.supports ? k.supports(node) : true;
          if (ok !== true) why = ok;
        } catch (e) {
          why = `supports() threw: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      if (why !== undefined || !k) {
        problems.push(`  subgraph ${gi} node ${ni} '${node.name}' ${opLabel(node)}: ${why}`);
        names.push(node.name);
      } else this.kernels.set(node, k);
    }));
    if (problems.length) {
      throw new RuntimeError('UNSUPPORTED_OPS', `${problems.length} node(s) cannot run on the ${this.backend} backend:\n${problems.join('\n')}`, names);
    }
  }

  kernelFor(node: Node): KernelConfig {
    const k = this.kernels.get(node);
    if (!k) throw new RuntimeError('UNSUPPORTED_OPS', `no kernel for node '${node.name}' (${opLabel(node)})`, [node.name]);
    return k;
  }

  runner(graphIndex: number): GraphRunner {
    let r = this.runners.get(graphIndex);
    if (!r) {
      r = new GraphRunner(this, graphIndex);
      this.runners.set(graphIndex, r);
    }
    return r;
  }

  allRunners(): GraphRunner[] {
    return [...this.runners.values()];
  }

  /** Runs a subgraph for a control-flow kernel; returns copies of its outputs. */
  runSubgraph(graphIndex: number, inputs: Tensor[]): Tensor[] {
    let r = this.runner(graphIndex);
    if (r.busy) r = new GraphRunner(this, graphIndex); // re-entered: a fresh runner
    if (inputs.length !== r.graph.inputs.length) {
      throw new RuntimeError('BAD_MODEL', `subgraph ${graphIndex} takes ${r.graph.inputs.length} inputs, got ${inputs.length}`);
    }
    r.busy = true;
    try {
      inputs.forEach((t, i) => r.setInput(i, t));
      r.run();
      return r.outputs();
    } finally {
      r.busy = false;
    }
  }

  /**
   * Runs graph `graphIndex` with user feeds. `inputs[i]` describes the feed named/positioned i,
   * bound to graph input `inPos[i]`; results are keyed by `outputs[j].name` from graph output `outPos[j]`.
   */
  run(graphIndex: number, feeds: Feeds, inputs: TensorInfo[], inPos: number[], outputs: TensorInfo[], outPos: number[]): Record<string, Tensor> {
    const r = this.runner(graphIndex);
    const tensors = this.convertFeeds(graphIndex, feeds, inputs, inPos);
    tensors.forEach((t, i) => r.setInput(inPos[i]!, t));
    r.busy = true;
    const previous = getRequantization();
    setRequantization(this.requantization);
    try {
      r.run();
    } finally {
      setRequantization(previous);
      r.busy = false;
    }
    const all = r.outputs();
    const out: Record<string, Tensor> = {};
    outputs.forEach((info, j) => { out[info.name] = { ...all[outPos[j]!]!, name: info.name }; });
    return out;
  }

  /** Checks and converts user feeds for graph `graphIndex` (what run() binds; the webgpu backend runs them itself). */
  convertFeeds(graphIndex: number, feeds: Feeds, inputs: TensorInfo[], inPos: number[]): Tensor[] {
    const list = Array.isArray(feeds) ? (feeds as readonly TensorLike[]) : undefined;
    if (list) {
      if (list.length !== inputs.length) {
        throw new RuntimeError('BAD_INPUT', `expected ${inputs.length} input(s) (${inputs.map((i) => `'${i.name}'`).join(', ')}), got ${list.length}`);
      }
    } else {
      const rec = feeds as Record<string, TensorLike>;
      const unknown = Object.keys(rec).filter((k) => !inputs.some((i) => i.name === k));
      const missing = inputs.filter((i) => !(i.name in rec));
      if (unknown.length || missing.length) {
        throw new RuntimeError('BAD_INPUT', [
          unknown.length ? `unknown input(s) ${unknown.map((s) => `'${s}'`).join(', ')}` : '',
          missing.length ? `missing input(s) ${missing.map((i) => `'${i.name}'`).join(', ')}` : '',
        ].filter(Boolean).join('; ') + `; the inputs are ${inputs.map((i) => `'${i.name}'`).join(', ') || '(none)'}`,
        [...unknown, ...missing.map((i) => i.name)]);
      }
    }
    // Convert every feed before binding any, so a bad feed leaves the interpreter untouched.
    const tensors = inputs.map((info, i) => {
      const current = { ...info, shape: this.inputShape(graphIndex, inPos[i]!) };
      return toTensor(list ? list[i]! : (feeds as Record<string, TensorLike>)[info.name]!, current);
    });
    return tensors;
  }

  inputShape(graphIndex: number, position: number): number[] {
    const r = this.runner(graphIndex);
    return [...r.inputShapes.get(r.graph.inputs[position]!)!];
  }

  resizeInput(graphIndex: number, position: number, shape: readonly number[]): void {
    if (!shape.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new RuntimeError('BAD_ARGUMENT', `resizeInput: invalid shape [${shape.join(', ')}]`);
    }
    this.runner(graphIndex).resizeInput(position, shape);
  }

  resetVariables(): void {
    for (const r of this.runners.values()) r.resetVariables();
    this.resources.clear();
  }
}
