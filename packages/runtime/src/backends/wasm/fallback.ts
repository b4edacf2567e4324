// Node-level backend choice: the wasm backend registers, for every op the reference backend has,
// one kernel that runs the native wasm kernel when it supports the node and the reference kernel
// otherwise. The choice is made once per node (at kernel selection) and is never silent:
// ctx.backend says 'reference' for fallback nodes, so the profiler reports it per node, and
// `explainFallback()` lists them with the reason before running.
import type { Node } from '../../ir';
import type { KernelConfig, KernelContext } from '../../kernel';
import { findKernel } from '../../registry';
import { REFERENCE_BACKEND } from '../reference/index';
import { WASM_BACKEND } from './kernel-utils';

interface Choice { kernel: KernelConfig; reason?: string }

const choices = new WeakMap<Node, Choice>();

function choose(op: string, native: KernelConfig | undefined, node: Node): Choice | string {
  let why: string;
  if (native) {
    let ok: true | string;
    try {
      ok = native.supports ? native.supports(node) : true;
    } catch (e) {
      ok = `supports() threw: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (ok === true) return { kernel: native };
    why = ok;
  } else {
    why = `the wasm backend has no ${op} kernel`;
  }
  const ref = findKernel(REFERENCE_BACKEND, node);
  if (!ref || ref.backend === WASM_BACKEND) return `${why}; the reference backend has no kernel for it either`;
  const ok = ref.supports ? ref.supports(node) : true;
  if (ok !== true) return `${why}; reference backend: ${ok}`;
  return { kernel: ref, reason: why };
}

function resolve(op: string, native: KernelConfig | undefined, ctx: KernelContext): KernelConfig {
  let c = choices.get(ctx.node);
  if (!c) {
    const r = choose(op, native, ctx.node);
    if (typeof r === 'string') throw new Error(r);
    choices.set(ctx.node, (c = r));
  }
  if (c.kernel !== native) ctx.backend = REFERENCE_BACKEND;
  return c.kernel;
}

/** The wasm backend's kernel for `op`: `native` where it supports the node, else reference. */
export function withFallback(op: string, native: KernelConfig | undefined, customCode?: string): KernelConfig {
  return {
    op,
    backend: WASM_BACKEND,
    customCode,
    supports(node) {
      const r = choose(op, native, node);
      if (typeof r === 'string') return r;
      choices.set(node, r);
      return true;
    },
    prepare(ctx) {
      resolve(op, native, ctx).prepare?.(ctx);
    },
    run(ctx) {
      resolve(op, native, ctx).run(ctx);
    },
  };
}

/** Why `node` runs on the reference backend under 'wasm' (undefined: it runs natively or was never selected). */
export function fallbackReason(node: Node): string | undefined {
  return choices.get(node)?.reason;
}

/** Which backend runs `node` under 'wasm' once its kernel was selected ('wasm' or 'reference'). */
export function chosenBackend(node: Node): string | undefined {
  const c = choices.get(node);
  return c ? (c.reason === undefined ? WASM_BACKEND : REFERENCE_BACKEND) : undefined;
}

/**
 * Runs this node's reference kernel from inside a wasm kernel, for cases only known at run time
 * (e.g. the interpreter's 'xnnpack' requantization mode, whose 8-bit ADD/SUB/MUL arithmetic the
 * wasm kernels do not implement). Reported as 'reference' like any fallback.
 */
export function runOnReference(ctx: KernelContext): void {
  const ref = findKernel(REFERENCE_BACKEND, ctx.node);
  if (!ref || ref.backend === WASM_BACKEND) throw new Error(`no reference kernel for ${ctx.node.op}`);
  ctx.backend = REFERENCE_BACKEND;
  if (!ctx.cache['wasmRefPrepared']) {
    ref.prepare?.(ctx);
    ctx.cache['wasmRefPrepared'] = true;
  }
  ref.run(ctx);
}
