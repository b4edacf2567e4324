// The WebGPU kernel contract. GPU kernels do not compute on the CPU: `run` works out output shapes
// (on the CPU, from input shapes, attrs and constant inputs) and records compute dispatches; the
// session submits them in batches and reads back only what is asked for.
import type { AttrValue, DType, Node } from '../../ir';
import type { Tensor } from '../../kernel';
import type { PooledBuffer } from './buffer-pool';
import type { ProgramInfo } from './program';

/**
 * Element dtypes a GPU tensor can have: 'f32' (stored as f16 when the session's precision is
 * 'f16'), 'i32', and 'bool' (one u32 per element on the GPU, 0 or 1).
 */
export const GPU_DTYPES: readonly DType[] = ['f32', 'i32', 'bool'];

export interface GpuStorage { buf: PooledBuffer; refs: number; persistent: boolean }

/** A tensor that lives in a GPU buffer; views (reshape) share a storage. */
export interface GpuTensor { dtype: DType; shape: number[]; storage: GpuStorage }

export interface GpuKernelContext {
  node: Node;
  attrs: Record<string, AttrValue>;
  /** dtype and current shape of each input (undefined: omitted optional input). */
  inputs: ({ dtype: DType; shape: number[] } | undefined)[];
  /** Input `i` on the GPU (constants are uploaded once and kept). */
  input(i: number): GpuTensor;
  /** The values of input `i` when it is a model constant (for shapes, axes, paddings…). */
  constant(i: number): Tensor | undefined;
  /** Allocates output `i` (dtype default: the node's planned dtype). */
  output(i: number, shape: number[], dtype?: DType): GpuTensor;
  /** Makes output `i` a view of `t` with another shape (reshape-like ops: no copy). */
  outputView(i: number, t: GpuTensor, shape: number[]): GpuTensor;
  /** A GPU buffer of derived constant data (packed weights), made once per node and `key`. */
  derived(key: string, dtype: DType, shape: number[], make: () => Float32Array | Int32Array): GpuTensor;
  /** Records one dispatch of `program`. Bindings: inputs, then outputs, then the uniforms. */
  dispatch(program: ProgramInfo, inputs: GpuTensor[], outputs: GpuTensor[], uniforms: Record<string, number>, workgroups: readonly [number, number, number]): void;
  /** Per-node object kept across runs. */
  cache: Record<string, unknown>;
  /** Whether float tensors are stored as f16. */
  f16: boolean;
  limits: { maxComputeWorkgroupStorageSize: number; maxComputeInvocationsPerWorkgroup: number };
}

export interface GpuKernel {
  op: string;
  /** `true`, or why this node cannot run on the GPU (it then falls back to the CPU). */
  supports(node: Node): true | string;
  run(ctx: GpuKernelContext): void;
}
