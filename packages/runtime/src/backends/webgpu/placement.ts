// Where each node of a WebGPU session runs, decided once when the session is created: on the GPU
// when a GPU kernel supports it, otherwise on the first CPU backend that does (with the reason),
// and constant nodes evaluated once on the CPU.
import type { Graph, Node, Value } from '../../ir';
import type { KernelConfig, Tensor, TypedArray } from '../../kernel';
import { sizeOf } from '../../dtypes';
import { constantNodes } from '../../constant-nodes';
import { ensureBackend } from '../../backends';
import { RuntimeError } from '../../errors';
import { opLabel } from '../../graph-runner';
import { findKernel } from '../../registry';
import { runNode } from '../../run-node';
import type { GpuKernel } from './kernel';
import { gpuKernelFor } from './kernels/index';
import { WEBGPU_BACKEND } from './name';

/** A node runs on the GPU (`gpu`), on a CPU backend (`cpu`), or was evaluated once at creation (`constant`). */
export interface Plan { node: Node; gpu?: GpuKernel; cpu?: KernelConfig; constant?: boolean; backend: string; reason?: string }

/**
 * Places every node of `graph` (as foldConstantNodes returns it; `folded` says which nodes it
 * evaluated). Throws UNSUPPORTED_OPS listing every node that neither the GPU nor a CPU backend of
 * `fallbacks` can run.
 */
export function placeNodes(graph: Graph, constants: ReadonlyMap<Value, Tensor>, folded: ReadonlyMap<number, string>,
  opts: { cpuOps: ReadonlySet<string>; fallbacks: readonly string[]; bindingLimit: number; f16: boolean }): Plan[] {
  const { cpuOps, fallbacks } = opts;
  const problems: string[] = [];
  const failed: string[] = [];
  // Values computed on the CPU (and constants): small shape arithmetic on them stays there
  // rather than paying an upload and a read-back per node.
  const host = new Set<Value>(constants.keys());
  const plans = graph.nodes.map((node, ni): Plan => {
    const evaluatedOn = folded.get(ni);
    if (evaluatedOn) return { node, constant: true, backend: evaluatedOn, reason: 'constant inputs: evaluated once' };
    let reason: string | undefined;
    const gk = gpuKernelFor(node.op);
    const live = node.inputs.filter((v): v is Value => !!v && !constants.has(v));
    if (cpuOps.has(node.op)) reason = 'forced onto the CPU (cpuOps)';
    else if (live.length > 0 && live.every((v) => host.has(v)) && node.inputs.every((v) => !v || isSmall(v))) reason = 'small tensors already on the CPU';
    else if (!gk) reason = `no WebGPU kernel for ${opLabel(node)}`;
    else if (node.inputs.some((v) => v?.isVariable) || node.outputs.some((v) => v.isVariable)) reason = 'variable tensors stay on the CPU';
    else {
      reason = tooLarge(node, opts.bindingLimit, opts.f16);
      try {
        const ok = reason ?? gk.supports(node);
        if (ok !== true) reason = ok;
      } catch (e) {
        reason = `supports() threw: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const onCpu = reason === undefined ? undefined : cpuKernel(node, fallbacks);
    if (reason === undefined || (!onCpu && reason === 'small tensors already on the CPU')) return { node, gpu: gk, backend: WEBGPU_BACKEND };
    if (onCpu) {
      for (const v of node.outputs) host.add(v);
      return { node, cpu: onCpu.kernel, backend: onCpu.backend, reason };
    }
    failed.push(node.name);
    problems.push(`  node ${ni} '${node.name}' ${opLabel(node)}: ${reason}, and no CPU backend (${fallbacks.join(', ')}) supports it`);
    return { node, backend: 'none', reason };
  });
  if (problems.length) {
    throw new RuntimeError('UNSUPPORTED_OPS', `${problems.length} node(s) cannot run on the webgpu backend:\n${problems.join('\n')}`, failed);
  }
  return plans;
}

/**
 * Evaluates the constant nodes of `graph` (see constant-nodes.ts) once, on the first CPU backend
 * that supports each, and adds their outputs to `constants`. Returns the graph the session runs:
 * the same nodes, where readers of those outputs read constant values (with `data`, so GPU kernels
 * that need constant operands accept them, and the GPU gets one upload, like weights), and which
 * backend evaluated each constant node. Only nodes whose outputs other nodes read are folded: a
 * value that only leaves the graph gains nothing from being a constant here, and its node keeps
 * its GPU placement (a one-op model of constants still runs its GPU kernel). A node whose
 * evaluation fails is left to run (and report its error) as usual.
 */
export function foldConstantNodes(graph: Graph, constants: Map<Value, Tensor>, fallbacks: readonly string[]): { graph: Graph; folded: Map<number, string> } {
  const folded = new Map<number, string>();
  const replaced = new Map<Value, Value>();
  const read = new Set<Value | undefined>(graph.nodes.flatMap((n) => n.inputs));
  constantNodes(graph, (v) => constants.has(v), (node, k) => {
    const cpu = node.outputs.some((v) => read.has(v)) ? cpuKernel(node, fallbacks) : undefined;
    if (!cpu) return false;
    let outs: Tensor[];
    try {
      outs = runNode(node, node.inputs.map((v) => v && constants.get(v)), { backend: cpu.backend });
    } catch {
      return false;
    }
    // Constant values carry TFLite's raw bytes: strings and packed int4 do not fit them as they are.
    if (outs.some((t) => Array.isArray(t.data) || t.dtype === 'i4')) return false;
    node.outputs.forEach((v, i) => {
      const t = outs[i]!;
      const data = t.data as TypedArray;
      const c: Value = { ...v, shape: [...t.shape], data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      replaced.set(v, c);
      constants.set(v, t);
      constants.set(c, t);
    });
    folded.set(k, cpu.backend);
    return true;
  });
  if (!folded.size) return { graph, folded };
  const swap = (v: Value | undefined) => (v && replaced.get(v)) ?? v;
  const nodes = graph.nodes.map((n) => (n.inputs.some((v) => v && replaced.has(v)) ? { ...n, inputs: n.inputs.map(swap) } : n));
  return { graph: { ...graph, nodes, outputs: graph.outputs.map((v) => swap(v)!) }, folded };
}

const SMALL_ELEMENTS = 256;

/** Why a node's statically known tensors do not fit one GPU storage binding, or undefined when they do. */
function tooLarge(node: Node, limit: number, f16: boolean): string | undefined {
  for (const v of [...node.inputs, ...node.outputs]) {
    if (!v?.shape || !v.shape.every((d) => typeof d === 'number' && d >= 0)) continue;
    const bytes = sizeOf(v.shape as number[]) * (v.dtype === 'f32' && f16 ? 2 : 4);
    if (bytes > limit) return `tensor '${v.name}' needs ${bytes} bytes, more than this adapter's storage binding limit (${limit})`;
  }
  return undefined;
}

/** i32 tensors (shape arithmetic) and small static tensors. */
function isSmall(v: Value): boolean {
  if (v.dtype !== 'f32') return true;
  const s = v.shape;
  return !!s && s.every((d) => typeof d === 'number' && d >= 0) && (s as number[]).reduce((a, b) => a * b, 1) <= SMALL_ELEMENTS;
}

/** The first CPU backend whose kernel supports `node`. */
function cpuKernel(node: Node, backends: readonly string[]): { kernel: KernelConfig; backend: string } | undefined {
  for (const b of backends) {
    try { ensureBackend(b); } catch { continue; }
    const k = findKernel(b, node);
    if (!k) continue;
    let ok: true | string = true;
    try { ok = k.supports ? k.supports(node) : true; } catch (e) { ok = String(e); }
    if (ok === true) return { kernel: k, backend: k.backend === '*' ? b : k.backend };
  }
  return undefined;
}
