// summarize_graph's "likely outputs": what a graph computes when nobody says what its outputs are.
import type { NodeDef, OpDef } from '@liteml/schema';
import { declaredOutputCount } from './op-outputs';
import { isControlRef, refNode } from './refs';

/** Ops that are never outputs (constants, inputs, variables and their init, checkpointing, asserts). */
export const NOT_OUTPUTS = /^(Const|NoOp|Placeholder|_Arg|_Retval|Variable|VariableV2|VarHandleOp|VarIsInitializedOp|IsVariableInitialized|ReadVariableOp|DisableCopyOnRead|MergeV2Checkpoints|ShardedFilename|Assert|Print|PrintV2|Assign.*|Save.*|Restore.*)$/;

/** summarize_graph's likely outputs: `_Retval` inputs, else every output of nodes nothing consumes. */
export function likelyOutputs(nodes: readonly NodeDef[], resolve: (r: string) => string, byName: Map<string, NodeDef>, opDefs: ReadonlyMap<string, OpDef>): string[] {
  const rets = nodes.filter((n) => n.op === '_Retval' && n.input.length > 0);
  if (rets.length > 0) {
    const idx = (n: NodeDef) => Number(n.attr['index']?.i ?? 0);
    return [...rets].sort((a, b) => idx(a) - idx(b)).map((n) => resolve(n.input[0]!));
  }
  const consumed = new Set<string>();
  for (const n of nodes) {
    for (const i of n.input) consumed.add(isControlRef(i) ? i.slice(1) : refNode(resolve(i)));
  }
  const out: string[] = [];
  for (const n of nodes) {
    if (consumed.has(n.name) || NOT_OUTPUTS.test(n.op) || !byName.has(n.name)) continue;
    const count = declaredOutputCount(n.op, n.attr, opDefs) ?? 1;
    for (let k = 0; k < count; k++) out.push(`${n.name}:${k}`);
  }
  return out;
}

