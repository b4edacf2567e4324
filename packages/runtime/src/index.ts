// @liteml/runtime: runs liteml IR / .tflite models.
export type { Requantization } from './backends/reference/kernels/nn-quant-utils';
export { Interpreter, SignatureRunner, type InterpreterOptions, type Feeds, type MemoryReport, type NodeTiming, type TensorInfo, type TensorLike } from './interpreter';
export { RuntimeError, type RuntimeErrorCode } from './errors';
export type { Tensor, TypedArray, KernelContext, KernelConfig } from './kernel';
export type { DType, QuantParams } from './ir';
export { registerKernel, registerKernels, unregisterKernel, registerCustomOp, findKernel, type CustomOpImplementation } from './registry';
export { backendNames } from './backends';
export { runNode, type RunNodeOptions } from './run-node';
export { referenceKernels, REFERENCE_BACKEND } from './backends/reference/index';
export { planArena, type BufferRequest, type ArenaPlan } from './planner';
export { WebGpuSession, webgpuInfo, WEBGPU_BACKEND, type WebGpuSessionOptions, type WebGpuOptions, type WebGpuInfo, type NodePlacement } from './backends/webgpu/index';
export { readFlexbuffer, readFlexbufferMap, type FlexValue } from './flexbuffer';
export { mulberry32, randomTensor } from './random';
export { f16ToF32, f32ToF16 } from './half';
export { WASM_BACKEND, wasmBackendInfo, wasmFallbacks, type WasmBackendInfo } from './backends/wasm/index';
