// Constant nodes: nodes whose every input is a constant of the model (or an output of another
// constant node) and whose op is pure. Like TFLite, which evaluates such a node once and keeps its
// outputs as persistent read-only tensors (a DEQUANTIZE of float16 weights, shape arithmetic on
// constants), the runtime evaluates them at the first run and skips them afterwards.
import { hasSideEffects, type Node as IrNode } from '@liteml/graph-ir';
import type { Graph, Node, Value } from './ir';

/** Ops whose results change from run to run though graph-ir's SIDE_EFFECT_OPS does not list them. */
const RANDOM_OPS: ReadonlySet<string> = new Set(['tfl.RANDOM_UNIFORM', 'tfl.RANDOM_STANDARD_NORMAL', 'tfl.MULTINOMIAL']);

/** Handles name interpreter state (resource variables, hash tables): ops on them are not pure. */
const HANDLE_DTYPES: ReadonlySet<string> = new Set(['resource', 'variant']);

/**
 * True when `node` computes its outputs from its inputs alone: no state, control flow, custom
 * code or randomness (graph-ir's hasSideEffects plus the random ops), no variable or handle tensors.
 */
export function isPureNode(node: Node): boolean {
  // hasSideEffects reads only op, attrs, outputs.length and inputs[].isVariable, which the runtime's structural Node has.
  if (hasSideEffects(node as unknown as IrNode) || RANDOM_OPS.has(node.op)) return false;
  const values = [...node.inputs, ...node.outputs];
  return values.every((v) => !v || (!v.isVariable && !HANDLE_DTYPES.has(v.dtype)));
}

/**
 * Indices of the constant nodes of `graph`, in order: pure nodes with at least one input, every
 * present input being a constant (`isConstant`) or an output of an earlier constant node.
 * `accept` may veto a node (e.g. no CPU kernel for it); a vetoed node's outputs are not constant.
 */
export function constantNodes(graph: Graph, isConstant: (v: Value) => boolean, accept: (node: Node, index: number) => boolean = () => true): number[] {
  const produced = new Set<Value>();
  const found: number[] = [];
  graph.nodes.forEach((node, k) => {
    const present = node.inputs.filter((v): v is Value => !!v);
    if (!present.length || !isPureNode(node)) return;
    if (!present.every((v) => produced.has(v) || isConstant(v))) return;
    if (!accept(node, k)) return;
    found.push(k);
    for (const v of node.outputs) produced.add(v);
  });
  return found;
}
