// Functional control flow (TF2 If/While with function bodies → TFLite IF/WHILE over subgraphs).
// TF1 control flow is functionalized by the frontends (While / If); what is left of it here did not
// match a loop frame or a cond Switch/Merge pair: no rule, the target check gives the reason below.
import type { AttrValue } from '@liteml/graph-ir';
import { rule, rules, type LegalizeBuilder, type LegalizeRule, type TfNode } from './rule';

/** The model-graph index of a function attribute (`{ name, graph }` as the frontends store it). */
function graphOf(n: TfNode, b: LegalizeBuilder, attr: string): number {
  const f = n.attr<AttrValue>(attr) as { graph?: unknown; name?: unknown } | undefined;
  if (!f || typeof f.graph !== 'number') b.fail(`attribute '${attr}' does not refer to an imported function`);
  return f.graph as number;
}

const outputTypes = (n: TfNode) => n.node.outputs.map((o) => ({ dtype: o.dtype, shape: o.shape }));

export const controlRules: LegalizeRule[] = [
  ...rules(['If', 'StatelessIf'], (n, b) => b.ops('tfl.IF', n.inputs, {
    thenSubgraphIndex: graphOf(n, b, 'then_branch'), elseSubgraphIndex: graphOf(n, b, 'else_branch'),
  }, { outputs: outputTypes(n) })),
  ...rules(['While', 'StatelessWhile'], (n, b) => b.ops('tfl.WHILE', n.inputs, {
    condSubgraphIndex: graphOf(n, b, 'cond'), bodySubgraphIndex: graphOf(n, b, 'body'),
  }, { outputs: outputTypes(n) })),
  rule('NoOp', () => []),
];

/** Why leftover TF1 control-flow ops cannot convert (they have no rule). */
export const v1ControlFlowReasons: ReadonlyMap<string, string> = new Map(['Switch', 'Merge', 'RefSwitch', 'RefMerge'].map((op) => [op,
  'TF1 control flow that is not a cond (a Switch/Merge pair on one predicate) or a while-loop frame; export the model with TF2 control flow (tf.cond / tf.while_loop in a tf.function)']));
