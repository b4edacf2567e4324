// The WebGPU backend: GPU kernels for the float32 path and a session that keeps the graph on the
// GPU, falling back to a CPU backend per node.
export { WEBGPU_BACKEND } from './name';
export { WebGpuSession, type WebGpuSessionOptions, type NodePlacement } from './session';
export { webgpuInfo, type WebGpuInfo, type WebGpuOptions, type WebGpuPrecision } from './device';
export { webgpuKernelConfigs, installWebGpuBackend } from './install';
