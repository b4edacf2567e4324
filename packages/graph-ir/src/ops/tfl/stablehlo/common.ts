// Helpers shared by the StableHLO op files.
import type { InferArgs, ValueType } from '../../define';
import { shapeMismatch } from '../../errors';
import type { Dim } from '../../ir';
import { explicitOut } from '../../infer/window';
import { fmt, input, isKnownDim, mergeDim } from '../../infer/util';
import { tflOp, type TflOpSpec } from '../op';
import type { BuiltinName } from '../codes';

/** Operands of one shape (no broadcasting); the result takes that shape. */
export function sameShapes(ts: readonly ValueType[]): readonly Dim[] | undefined {
  let shape: readonly Dim[] | undefined;
  for (const t of ts) {
    if (!t.shape) continue;
    if (!shape) { shape = t.shape; continue; }
    if (t.shape.length !== shape.length) shapeMismatch(`operands must have one shape: ${ts.map((x) => fmt(x.shape)).join(', ')}`);
    const s = shape;
    shape = s.map((d, i) => mergeDim(d, t.shape![i]!, `operands must have one shape (${ts.map((x) => fmt(x.shape)).join(', ')})`));
  }
  return shape;
}

export const all = (a: InferArgs, from = 0, to = a.inputs.length) =>
  a.inputs.slice(from, to).map((_, i) => input(a, from + i, `operand ${from + i}`));

export const hlo = (name: BuiltinName, spec: Omit<TflOpSpec, 'category'>) => tflOp(name, { ...spec, category: 'stablehlo' });

/** Output dims of a window op with explicit padding (convolution, reduce_window). */
export function windowDims(sizes: readonly Dim[], windows: readonly Dim[], strides: number[], pad: number[], baseDil: number[], winDil: number[]): Dim[] {
  return sizes.map((d, i) => {
    const base = isKnownDim(d) ? (d === 0 ? 0 : (d - 1) * (baseDil[i] ?? 1) + 1) : -1;
    return explicitOut(base, windows[i] ?? -1, strides[i] ?? 1, winDil[i] ?? 1, pad[2 * i] ?? 0, pad[2 * i + 1] ?? 0);
  });
}
