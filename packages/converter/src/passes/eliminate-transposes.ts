// Transpose and reshape chains: TRANSPOSE(TRANSPOSE(x, p), q) → TRANSPOSE(x, p∘q) (nothing when
// that is the identity); RESHAPE(RESHAPE(x, s), t) → RESHAPE(x, t).
import { constantValues, rewritePass, type Node, type Pass, type Rule } from '@liteml/graph-ir';

const perm = (n: Node): number[] | undefined => {
  const p = n.inputs[1] && constantValues(n.inputs[1]);
  return p ? Array.from(p as ArrayLike<number | bigint>, Number) : undefined;
};

const RULES: Rule[] = [
  [
    { op: 'tfl.TRANSPOSE', inputs: [{ op: 'tfl.TRANSPOSE', bind: 'inner', where: (n) => !!perm(n as Node) }, { const: true }] },
    (m, ctx) => {
      const inner = m.inner as Node;
      const p = perm(inner)!;
      const q = perm(m.root)!;
      const composed = q.map((i) => p[i]!);
      const x = inner.inputs[0]!;
      if (composed.every((v, i) => v === i)) return x;
      const out = m.root.outputs[0]!;
      return ctx.op('tfl.TRANSPOSE', [x, ctx.constant(`${out.name}/perm`, 'i32', [composed.length], composed)], {}, { name: out.name });
    },
    'merge-transposes',
  ],
  [
    { op: 'tfl.RESHAPE', inputs: [{ op: 'tfl.RESHAPE', bind: 'inner' }, null] },
    (m, ctx) => {
      const out = m.root.outputs[0]!;
      return ctx.op('tfl.RESHAPE', [(m.inner as Node).inputs[0]!, m.root.inputs[1]], { ...m.root.attrs }, {
        name: out.name, outputs: [{ dtype: out.dtype, shape: out.shape }],
      })[0];
    },
    'merge-reshapes',
  ],
];

/** Transpose/reshape elimination. */
export const eliminateTransposes: Pass = rewritePass('eliminate-transposes', RULES);
