// Constant folding: nodes whose inputs are all constants are evaluated once, with the runtime's
// reference kernels (the definition of every op's semantics), and replaced by their results.
// SHAPE and RANK of statically shaped tensors fold too (their values are known without data).
import { bytesOf, hasSideEffects, isStaticShape, shapeSize, typedArrayOf, type Graph, type Model, type Node, type Pass } from '@liteml/graph-ir';
import { runNode, type Tensor } from '@liteml/runtime';

export interface FoldConstantsOptions {
  /** Largest result (elements) folded when it is bigger than the node's inputs together. Default 1 << 20. */
  maxElements?: number;
}

const NEVER = new Set(['tfl.RANDOM_UNIFORM', 'tfl.RANDOM_STANDARD_NORMAL', 'tfl.MULTINOMIAL', 'tfl.CUSTOM', 'tfl.VAR_HANDLE', 'tfl.READ_VARIABLE']);

function foldable(n: Node, graph: Graph): boolean {
  if (!n.op.startsWith('tfl.') || NEVER.has(n.op) || hasSideEffects(n)) return false;
  if (n.outputs.some((o) => graph.outputs.includes(o))) return false;
  return n.inputs.every((v) => v === undefined || (v.data !== undefined && isStaticShape(v.shape) && v.dtype !== 'string'));
}

/** SHAPE / RANK / SIZE-like facts of statically shaped inputs: the result as a constant. */
function foldShapeOf(n: Node, graph: Graph): boolean {
  if (n.op !== 'tfl.SHAPE' && n.op !== 'tfl.RANK') return false;
  const x = n.inputs[0];
  const o = n.outputs[0]!;
  if (!x || !isStaticShape(x.shape) || graph.outputs.includes(o)) return false;
  const vals = n.op === 'tfl.RANK' ? [x.shape.length] : [...x.shape];
  if (o.dtype === 'i64') o.data = bytesOf(BigInt64Array.from(vals, BigInt));
  else if (o.dtype === 'i32') o.data = bytesOf(Int32Array.from(vals));
  else return false;
  o.shape = n.op === 'tfl.RANK' ? [] : [vals.length];
  return true;
}

/** Folds the constant nodes of one graph; returns how many were folded. */
export function foldConstantsIn(graph: Graph, options: FoldConstantsOptions = {}): number {
  const cap = options.maxElements ?? 1 << 20;
  let folded = 0;
  const keep: Node[] = [];
  for (const n of graph.nodes) {
    if (foldShapeOf(n, graph)) {
      folded++;
      continue;
    }
    if (!foldable(n, graph)) {
      keep.push(n);
      continue;
    }
    const inputs: (Tensor | undefined)[] = n.inputs.map((v) => v && {
      name: v.name, dtype: v.dtype, shape: [...(v.shape as number[])], data: typedArrayOf(v) as Tensor['data'],
    });
    let outs: Tensor[];
    try {
      outs = runNode(n, inputs);
    } catch {
      keep.push(n); // no kernel or the kernel rejects it: leave it to the runtime
      continue;
    }
    const inElems = n.inputs.reduce((s, v) => s + (v ? shapeSize(v.shape) : 0), 0);
    if (outs.some((t) => t.dtype === 'string' || shapeSize(t.shape) > Math.max(cap, inElems))) {
      keep.push(n);
      continue;
    }
    n.outputs.forEach((o, i) => {
      const t = outs[i]!;
      const bytes = bytesOf(t.data as Parameters<typeof bytesOf>[0]);
      o.data = new Uint8Array(bytes); // own copy, detached from the kernel's buffer
      o.shape = t.shape;
      o.dtype = t.dtype;
    });
    folded++;
  }
  graph.nodes = keep;
  return folded;
}

/** Constant folding over every graph. */
export function foldConstants(options: FoldConstantsOptions = {}): Pass {
  return { name: 'fold-constants', run: (model: Model) => model.graphs.map((g) => foldConstantsIn(g, options) > 0).some(Boolean) };
}
