// Evaluating one node on concrete tensors (what the converter's constant folding needs), without
// building a model: the node's kernel on the chosen backend, its outputs freshly allocated.
import type { Node } from './ir';
import type { KernelContext, Tensor } from './kernel';
import { allocData, sizeOf } from './dtypes';
import { ensureBackend } from './backends';
import { RuntimeError } from './errors';
import { opLabel } from './graph-runner';
import { findKernel } from './registry';
import { resolveAttrs } from './schemas';

export interface RunNodeOptions {
  backend?: string;
  /** For control-flow nodes: how to run subgraph `index` (there is no model here). */
  runSubgraph?: (graphIndex: number, inputs: Tensor[]) => Tensor[];
}

/**
 * Runs `node` on `inputs` (one per node input, `undefined` for omitted optional ones) and returns
 * its outputs. Throws RuntimeError UNSUPPORTED_OPS when no kernel supports the node.
 */
export function runNode(node: Node, inputs: (Tensor | undefined)[], options: RunNodeOptions = {}): Tensor[] {
  const backend = options.backend ?? 'reference';
  ensureBackend(backend);
  const kernel = findKernel(backend, node);
  const ok = kernel ? (kernel.supports ? kernel.supports(node) : true) : `the ${backend} backend has no kernel for ${opLabel(node)}`;
  if (!kernel || ok !== true) {
    throw new RuntimeError('UNSUPPORTED_OPS', `node '${node.name}' ${opLabel(node)}: ${ok}`, [node.name]);
  }
  const outs: (Tensor | undefined)[] = new Array(node.outputs.length).fill(undefined);
  const ctx: KernelContext = {
    node,
    attrs: resolveAttrs(node),
    inputs,
    cache: {},
    backend,
    resources: new Map(),
    output(i, shape, dtype) {
      const v = node.outputs[i];
      if (!v) throw new RuntimeError('KERNEL_FAILED', `kernel asked for output ${i} of node '${node.name}', which has ${node.outputs.length}`, [node.name]);
      const dt = dtype ?? v.dtype;
      const t: Tensor = { name: v.name, dtype: dt, shape: [...shape], data: allocData(dt, sizeOf(shape)), quant: v.quant };
      outs[i] = t;
      return t;
    },
    runSubgraph(graphIndex, subInputs) {
      if (!options.runSubgraph) throw new RuntimeError('BAD_ARGUMENT', `node '${node.name}' runs subgraph ${graphIndex}; pass options.runSubgraph`, [node.name]);
      return options.runSubgraph(graphIndex, subInputs);
    },
  };
  try {
    kernel.prepare?.(ctx);
    kernel.run(ctx);
  } catch (e) {
    if (e instanceof RuntimeError) throw e;
    throw new RuntimeError('KERNEL_FAILED', `node '${node.name}' (${opLabel(node)}) failed: ${e instanceof Error ? e.message : String(e)}`, [node.name], { cause: e });
  }
  return outs.map((t, i) => {
    if (!t) throw new RuntimeError('KERNEL_FAILED', `the kernel of ${opLabel(node)} did not produce output ${i} of node '${node.name}'`, [node.name]);
    return t;
  });
}
