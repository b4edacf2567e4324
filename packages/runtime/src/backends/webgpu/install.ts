// Registration of the webgpu backend in the kernel registry. Its entries answer `supports()` (so
// op listings and placement see the GPU kernels); running goes through a WebGpuSession, because
// GPU work is asynchronous.
import type { KernelConfig } from '../../kernel';
import { RuntimeError } from '../../errors';
import { registerKernel } from '../../registry';
import { webgpuKernels } from './kernels/index';
import { WEBGPU_BACKEND } from './name';

export { WEBGPU_BACKEND };

export const webgpuKernelConfigs: readonly KernelConfig[] = webgpuKernels.map((k) => ({
  op: k.op,
  backend: WEBGPU_BACKEND,
  supports: k.supports,
  run() {
    throw new RuntimeError('BAD_ARGUMENT', 'the webgpu backend runs asynchronously: use `await interpreter.runAsync(feeds)` (or a WebGpuSession)');
  },
}));

export function installWebGpuBackend(): void {
  for (const k of webgpuKernelConfigs) registerKernel(k);
}
