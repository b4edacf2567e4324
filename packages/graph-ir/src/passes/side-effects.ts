import type { Node } from '../ir';

/** Ops that act beyond their outputs (state, control flow into other graphs, unknown custom code). */
export const SIDE_EFFECT_OPS: ReadonlySet<string> = new Set([
  'tfl.ASSIGN_VARIABLE', 'tfl.CALL_ONCE', 'tfl.CALL', 'tfl.WHILE', 'tfl.IF', 'tfl.CUSTOM', 'tfl.DELEGATE',
  'tfl.HASHTABLE_IMPORT', 'tfl.STABLEHLO_CUSTOM_CALL', 'tfl.STABLEHLO_COMPOSITE',
  'tf.AssignVariableOp', 'tf.AssignAddVariableOp', 'tf.AssignSubVariableOp', 'tf.Assign', 'tf.AssignAdd',
  'tf.AssignSub', 'tf.Print', 'tf.PrintV2', 'tf.SaveV2', 'tf.Save', 'tf.InitializeTableV2',
  'tf.InitializeTableFromTextFileV2', 'tf.LookupTableImportV2', 'tf.NoOp',
]);

/** True when a node must stay even if nothing reads its outputs. */
export function hasSideEffects(node: Node): boolean {
  return (
    SIDE_EFFECT_OPS.has(node.op) ||
    node.outputs.length === 0 ||
    node.inputs.some((v) => v?.isVariable === true) ||
    node.attrs.mutatingVariableInputs !== undefined
  );
}
