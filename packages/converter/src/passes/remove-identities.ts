// Removes nodes that compute their input unchanged: CAST to the same dtype, RESHAPE / BROADCAST_TO
// to the same static shape, TRANSPOSE by the identity permutation, ADD/SUB of 0, MUL/DIV by 1.
import { constantValues, isStaticShape, rewritePass, shapesEqual, type Captures, type Pass, type Rule, type Value } from '@liteml/graph-ir';

const sameShape = (m: Captures) => {
  const x = m.root.inputs[0]!;
  const y = m.root.outputs[0]!;
  return isStaticShape(x.shape) && shapesEqual(x.shape, y.shape) && x.dtype === y.dtype;
};
const allEqual = (v: Value | undefined, want: number) => {
  const vals = v && constantValues(v);
  return !!vals && vals.length > 0 && Array.from(vals as ArrayLike<number | bigint>).every((x) => Number(x) === want);
};
const neutral = (want: number) => (m: Captures) => {
  const [x, c] = m.root.inputs;
  const y = m.root.outputs[0]!;
  return allEqual(c, want) && m.root.attrs.fusedActivationFunction !== 'RELU' && (m.root.attrs.fusedActivationFunction ?? 'NONE') === 'NONE'
    && !!x && isStaticShape(x.shape) && shapesEqual(x.shape, y.shape) && x.dtype === y.dtype;
};

const RULES: Rule[] = [
  [{ op: 'tfl.CAST', where: (n) => 'op' in n && n.inputs[0]!.dtype === n.outputs[0]!.dtype }, (m) => m.root.inputs[0], 'cast-same-dtype'],
  [{ op: ['tfl.RESHAPE', 'tfl.BROADCAST_TO'], where: (_n, m) => sameShape(m) }, (m) => m.root.inputs[0], 'reshape-same-shape'],
  [{ op: 'tfl.TRANSPOSE', where: (n) => {
    const p = 'op' in n && n.inputs[1] ? constantValues(n.inputs[1]) : undefined;
    return !!p && Array.from(p as ArrayLike<number>).every((v, i) => Number(v) === i);
  } }, (m) => m.root.inputs[0], 'transpose-identity'],
  [{ op: ['tfl.ADD', 'tfl.SUB'], where: (_n, m) => neutral(0)(m) }, (m) => m.root.inputs[0], 'add-zero'],
  [{ op: ['tfl.MUL', 'tfl.DIV'], where: (_n, m) => neutral(1)(m) }, (m) => m.root.inputs[0], 'mul-one'],
];

/** Identity removal. */
export const removeIdentities: Pass = rewritePass('remove-identities', RULES);
