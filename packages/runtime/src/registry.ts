// The kernel registry, keyed by (backend, op) plus the custom code for 'tfl.CUSTOM' nodes.
// Backend '*' registers a kernel for every backend (what registerCustomOp does).
import type { Node } from './ir';
import type { KernelConfig, KernelContext } from './kernel';
import { RuntimeError } from './errors';

const kernels = new Map<string, KernelConfig>();

function keyOf(backend: string, op: string, customCode?: string): string {
  return customCode === undefined ? `${backend}|${op}` : `${backend}|${op}|${customCode}`;
}

/** Registers (or replaces) a kernel. */
export function registerKernel(config: KernelConfig): void {
  if (!config.op || !config.backend || typeof config.run !== 'function') {
    throw new RuntimeError('BAD_ARGUMENT', `registerKernel: a kernel needs op, backend and run() (got op '${config.op}', backend '${config.backend}')`);
  }
  kernels.set(keyOf(config.backend, config.op, config.customCode), config);
}

/** Registers many kernels. */
export function registerKernels(configs: readonly KernelConfig[]): void {
  for (const c of configs) registerKernel(c);
}

export function unregisterKernel(backend: string, op: string, customCode?: string): boolean {
  return kernels.delete(keyOf(backend, op, customCode));
}

export interface CustomOpImplementation {
  /** Why a node cannot run (return a string), or true. */
  supports?(node: Node): true | string;
  prepare?(ctx: KernelContext): void;
  run(ctx: KernelContext): void;
}

/**
 * Registers a TFLite custom op (a 'tfl.CUSTOM' node whose custom code is `name`) for every
 * backend. Its raw options are `ctx.attrs.customOptions` (a Uint8Array; flexbuffer maps can be
 * read with `readFlexbuffer`).
 */
export function registerCustomOp(name: string, impl: CustomOpImplementation, backend = '*'): void {
  if (!name) throw new RuntimeError('BAD_ARGUMENT', 'registerCustomOp: the custom op needs a name (its custom code)');
  registerKernel({ op: 'tfl.CUSTOM', backend, customCode: name, supports: impl.supports, prepare: impl.prepare, run: impl.run });
}

/** The kernel for a node on a backend: exact backend first, then '*'. */
export function findKernel(backend: string, node: Node): KernelConfig | undefined {
  const custom = node.op === 'tfl.CUSTOM' ? String(node.attrs['customCode'] ?? '') : undefined;
  return kernels.get(keyOf(backend, node.op, custom)) ?? kernels.get(keyOf('*', node.op, custom));
}

/** Every registered kernel of a backend (for listing supported ops). */
export function kernelsOf(backend: string): KernelConfig[] {
  return [...kernels.values()].filter((k) => k.backend === backend);
}
