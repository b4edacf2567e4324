// Runs ONE kernel directly on tensors, without a model or the interpreter, so kernels can be
// unit-tested in isolation:
//
//   const [y] = runKernel(conv2d, [x, w, b], {
//     attrs: { padding: 'SAME', strideW: 1, strideH: 1, fusedActivationFunction: 'NONE' },
//     outputs: [{ dtype: 'i8', quant: { scale: [0.5], zeroPoint: [-1] } }],
//   });
//
// It builds a Node-shaped object (inputs/outputs as Values with dtype, shape and quant), checks
// `supports()`, calls `prepare()` then `run()` (twice with `runs: 2`, to exercise ctx.cache), and
// returns the tensors the kernel allocated with ctx.output. Attributes the test leaves out take
// the op schema's defaults (as in the interpreter).
import type { AttrValue, DType, Node, QuantParams, Value } from '../../src/ir';
import type { KernelConfig, KernelContext, Tensor, TypedArray } from '../../src/kernel';
import { allocData } from '../../src/dtypes';
import { resolveAttrs } from '../../src/schemas';

export interface OutputSpec {
  dtype: DType;
  quant?: QuantParams;
  /** The planned (static) shape, if the test wants to state it; kernels allocate via ctx.output. */
  shape?: number[];
  name?: string;
}

export interface RunKernelOptions {
  attrs?: Record<string, AttrValue>;
  /** One spec per output, or just the count (outputs then take the first input's dtype and quant). */
  outputs?: OutputSpec[] | number;
  /** Node name (default: the op name). */
  name?: string;
  version?: number;
  /** How many times to run (default 1); outputs of the last run are returned. */
  runs?: number;
  /** For control-flow kernels: what ctx.runSubgraph should do. */
  runSubgraph?: (graphIndex: number, inputs: Tensor[]) => Tensor[];
  /** Interpreter-wide state (resource variables); a fresh map by default. */
  resources?: Map<unknown, unknown>;
  /** Skip the supports() check (to test a kernel's own error path). */
  skipSupportsCheck?: boolean;
}

let nextId = 0;
function valueOf(t: { name: string; dtype: DType; shape?: number[]; quant?: QuantParams; data?: unknown }, constant: boolean): Value {
  const v: Value = { id: nextId++, name: t.name, dtype: t.dtype, shape: t.shape ? [...t.shape] : undefined, quant: t.quant };
  if (constant && t.data && ArrayBuffer.isView(t.data)) {
    const a = t.data as TypedArray;
    v.data = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  }
  return v;
}

/** A tensor from plain values: `tensor('f32', [2, 2], [1, 2, 3, 4])`. */
export function tensor(dtype: DType, shape: number[], values: ArrayLike<number> | readonly bigint[] | readonly string[] | TypedArray, quant?: QuantParams, name = 't'): Tensor {
  const data = allocData(dtype, shape.reduce((a, b) => a * b, 1));
  if (data.length !== values.length) throw new Error(`tensor(): ${values.length} values for shape [${shape}]`);
  for (let i = 0; i < data.length; i++) {
    const v = (values as ArrayLike<unknown>)[i];
    if (Array.isArray(data)) data[i] = String(v);
    else if (data instanceof BigInt64Array || data instanceof BigUint64Array) data[i] = BigInt(v as number | bigint);
    else (data as Float32Array)[i] = Number(v);
  }
  return { name, dtype, shape, data, quant };
}

export function runKernel(kernel: KernelConfig, inputs: (Tensor | undefined)[], options: RunKernelOptions = {}): Tensor[] {
  const first = inputs.find((t) => t !== undefined);
  const specs: OutputSpec[] = typeof options.outputs === 'number' || options.outputs === undefined
    ? Array.from({ length: (options.outputs as number | undefined) ?? 1 }, () => ({ dtype: first?.dtype ?? 'f32', quant: first?.quant }))
    : options.outputs;
  const name = options.name ?? kernel.op;
  const node: Node = {
    op: kernel.op,
    name,
    // Inputs are marked constant (data attached) so kernels that precompute from constants can.
    inputs: inputs.map((t, i) => (t ? valueOf({ ...t, name: t.name || `${name}/input${i}` }, true) : undefined)),
    outputs: specs.map((s, i) => valueOf({ name: s.name ?? (i === 0 ? name : `${name}:${i}`), dtype: s.dtype, shape: s.shape, quant: s.quant }, false)),
    attrs: { ...(kernel.customCode ? { customCode: kernel.customCode } : {}), ...(options.attrs ?? {}) },
    version: options.version,
  };
  if (!options.skipSupportsCheck && kernel.supports) {
    const ok = kernel.supports(node);
    if (ok !== true) throw new Error(`runKernel: ${kernel.op} does not support this node: ${ok}`);
  }
  const cache: Record<string, unknown> = {};
  const resources = options.resources ?? new Map<unknown, unknown>();
  let outs: (Tensor | undefined)[] = [];
  const runs = options.runs ?? 1;
  for (let r = 0; r < runs; r++) {
    outs = new Array(specs.length).fill(undefined);
    const ctx: KernelContext = {
      node,
      attrs: resolveAttrs(node),
      inputs,
      cache,
      backend: kernel.backend,
      resources,
      output(i, shape, dtype) {
        const spec = specs[i];
        if (!spec) throw new Error(`runKernel: output ${i} requested but the node has ${specs.length} outputs`);
        const dt = dtype ?? spec.dtype;
        const t: Tensor = { name: node.outputs[i]!.name, dtype: dt, shape: [...shape], data: allocData(dt, shape.reduce((a, b) => a * b, 1)), quant: spec.quant };
        outs[i] = t;
        return t;
      },
      runSubgraph(graphIndex, subInputs) {
        if (!options.runSubgraph) throw new Error('runKernel: this kernel calls runSubgraph; pass options.runSubgraph');
        return options.runSubgraph(graphIndex, subInputs);
      },
    };
    if (r === 0) kernel.prepare?.(ctx);
    kernel.run(ctx);
  }
  return outs.map((t, i) => {
    if (!t) throw new Error(`runKernel: ${kernel.op} did not allocate output ${i} (call ctx.output)`);
    return t;
  });
}
