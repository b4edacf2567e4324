// Backends the interpreter knows. Each registers its kernels into the registry on first use.
import { referenceKernels, REFERENCE_BACKEND } from './backends/reference/index';
import { installWasmBackend, WASM_BACKEND } from './backends/wasm/index';
import { installWebGpuBackend, WEBGPU_BACKEND } from './backends/webgpu/install';
import { RuntimeError } from './errors';
import { registerKernel, kernelsOf } from './registry';

const installers: Record<string, () => void> = {
  [REFERENCE_BACKEND]: () => {
    // User kernels registered before first use win over the built-in ones.
    const existing = new Set(kernelsOf(REFERENCE_BACKEND).map((k) => `${k.op}|${k.customCode ?? ''}`));
    for (const k of referenceKernels) if (!existing.has(`${k.op}|${k.customCode ?? ''}`)) registerKernel(k);
  },
  [WASM_BACKEND]: () => { ensureBackend(REFERENCE_BACKEND); installWasmBackend(); },
  [WEBGPU_BACKEND]: installWebGpuBackend,
};
const installed = new Set<string>();

/** Names of the backends this build has. */
export function backendNames(): string[] {
  return Object.keys(installers);
}

export function ensureBackend(name: string): void {
  if (installed.has(name)) return;
  const install = installers[name];
  if (!install) throw new RuntimeError('UNKNOWN_BACKEND', `unknown backend '${name}'; available: ${backendNames().join(', ')}`);
  install();
  installed.add(name);
}
