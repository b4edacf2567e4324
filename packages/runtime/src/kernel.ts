// The kernel contract (docs/contracts.md, "@liteml/runtime kernels"): what every backend's
// kernels implement and what the interpreter hands them.
import type { AttrValue, DType, Node, QuantParams } from './ir';

export type { AttrValue, DType, Node, QuantParams } from './ir';

/** The typed array that holds a tensor of each numeric dtype (see `typedArrayFor` in dtypes.ts). */
export type TypedArray =
  | Float32Array | Float64Array
  | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array;

/**
 * A tensor as kernels and users see it. `data` is a typed array per dtype: f32 Float32Array,
 * f16/bf16 Uint16Array (raw bits), f64 Float64Array, i8 Int8Array, u8 Uint8Array, i16 Int16Array,
 * u16 Uint16Array, i32 Int32Array, u32 Uint32Array, i64 BigInt64Array, u64 BigUint64Array,
 * bool Uint8Array (0/1), string string[]; resource/variant tensors hold an Int32Array handle.
 */
export interface Tensor {
  name: string;
  dtype: DType;
  shape: number[];
  data: TypedArray | string[];
  quant?: QuantParams;
}

export interface KernelContext {
  /** The node being executed (its `outputs[i]` carry the planned dtype/shape/quant). */
  node: Node;
  /** `node.attrs` with every schema default applied. */
  attrs: Record<string, AttrValue>;
  /** One per node input; `undefined` = omitted optional input. Variable tensors may be updated in place. */
  inputs: (Tensor | undefined)[];
  /**
   * Allocates output `i` with `shape` (and `dtype`, default: the planned dtype of
   * `node.outputs[i]`), reusing the planned arena buffer when it fits. The tensor carries the
   * output's quantization parameters. Call it once per output per run.
   */
  output(i: number, shape: number[], dtype?: DType): Tensor;
  /** A per-node object kept across runs (precomputed multipliers, packed weights, LUTs). */
  cache: Record<string, unknown>;
  /** Runs subgraph `graphIndex` of the model (WHILE/IF/CALL_ONCE) and returns its outputs (copies). */
  runSubgraph(graphIndex: number, inputs: Tensor[]): Tensor[];
  /** The backend that runs this kernel. */
  backend: string;
  /**
   * Interpreter-wide state shared by every subgraph and kept across runs (resource variables,
   * CALL_ONCE flags); cleared by `resetVariables()`. Keys should be namespaced ('var:…').
   */
  resources?: Map<unknown, unknown>;
  /** Threads the kernel may use (Interpreter `numThreads`; 1 when absent). */
  numThreads?: number;
}

export interface KernelConfig {
  /** 'tfl.CONV_2D'; custom ops use 'tfl.CUSTOM' with `customCode`. */
  op: string;
  backend: string;
  customCode?: string;
  /** `true`, or a string saying why this node cannot run here (dtype, attrs). */
  supports?(node: Node): true | string;
  /**
   * Called before the node's first run after each (re)plan (creation, resizeInput), with that
   * run's inputs; the place to fill ctx.cache from constant inputs and attrs.
   */
  prepare?(ctx: KernelContext): void;
  run(ctx: KernelContext): void;
}
