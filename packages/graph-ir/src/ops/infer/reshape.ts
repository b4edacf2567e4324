// Reshape's target shape, with one -1 resolved from the element count, also symbolically:
// [batch, 4, 4] → [-1, 16] gives [batch, 16].
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { fmt, isKnownDim, normAxis } from './util';

export function reshapeShape(input: readonly Dim[] | undefined, target: readonly number[]): Dim[] {
  const holes = target.filter((d) => d === -1).length;
  if (holes > 1) invalidAttr(`new shape [${target.join(',')}] has more than one -1`);
  if (target.some((d) => d < -1)) invalidAttr(`new shape [${target.join(',')}] has a negative dim`);
  const knownOut = target.reduce((p, d) => (d === -1 ? p : p * d), 1);
  if (!input) return target.slice();
  let knownIn = 1;
  const symbolic: Dim[] = [];
  for (const d of input) {
    if (isKnownDim(d)) knownIn *= d;
    else symbolic.push(d);
  }
  if (holes === 0) {
    if (symbolic.length === 0 && knownIn !== knownOut) {
      shapeMismatch(`cannot reshape ${fmt(input)} (${knownIn} elements) to [${target.join(',')}] (${knownOut} elements)`);
    }
    return target.slice();
  }
  let fill: Dim = -1;
  if (knownOut === 0) {
    fill = symbolic.length === 0 && knownIn !== 0 ? shapeMismatch(`cannot reshape ${fmt(input)} to [${target.join(',')}]`) : -1;
  } else if (knownIn % knownOut !== 0) {
    if (symbolic.length === 0) shapeMismatch(`cannot reshape ${fmt(input)} (${knownIn} elements) to [${target.join(',')}]`);
  } else {
    const q = knownIn / knownOut;
    if (symbolic.length === 0) fill = q;
    else if (symbolic.length === 1 && q === 1 && typeof symbolic[0] === 'string') fill = symbolic[0];
  }
  return target.map((d) => (d === -1 ? fill : d));
}

/** out[i] = in[perm[i]], checking that perm is a permutation. */
export function permute(shape: readonly Dim[], perm: readonly number[]): Dim[] {
  if (perm.length !== shape.length) shapeMismatch(`permutation [${perm.join(',')}] does not match rank ${shape.length} of ${fmt(shape)}`);
  const p = perm.map((i) => normAxis(i, shape.length, 'permutation entry'));
  if (new Set(p).size !== p.length) invalidAttr(`[${perm.join(',')}] is not a permutation`);
  return p.map((i) => shape[i]!);
}
