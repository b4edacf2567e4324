// Fuses RELU / RELU6 / RELU_N1_TO_1 into the fusedActivationFunction of the float op before them.
import { getOpSchema, rewritePass, type Node, type Pass, type Rule, type Value } from '@liteml/graph-ir';

const ACTIVATION: Record<string, string> = { 'tfl.RELU': 'RELU', 'tfl.RELU6': 'RELU6', 'tfl.RELU_N1_TO_1': 'RELU_N1_TO_1' };
/** TRANSPOSE_CONV is left out: its fused activation needs op version 4, which older runtimes lack. */
const EXCLUDED = new Set(['tfl.TRANSPOSE_CONV']);

const fusable = (n: Node | Value) => {
  if (!('op' in n)) return false;
  const op = (n as Node).op;
  return !!op && !EXCLUDED.has(op) && getOpSchema(op)?.attrs.fusedActivationFunction !== undefined;
};

const RULES: Rule[] = [[
  {
    op: Object.keys(ACTIVATION),
    inputs: [{ oneUse: true, bind: 'p', dtype: 'f32', where: (n) => fusable(n) && ((n as Node).attrs.fusedActivationFunction ?? 'NONE') === 'NONE' }],
  },
  (m, ctx) => {
    const p = m.p as Node;
    const out = m.root.outputs[0]!;
    const y = p.outputs[0]!;
    return ctx.op(p.op, [...p.inputs], { ...p.attrs, fusedActivationFunction: ACTIVATION[m.root.op]! }, {
      name: out.name, outputs: [{ dtype: y.dtype, shape: y.shape }],
    })[0];
  },
  'fuse-activation',
]];

/** Activation fusion. */
export const fuseActivations: Pass = rewritePass('fuse-activations', RULES);
