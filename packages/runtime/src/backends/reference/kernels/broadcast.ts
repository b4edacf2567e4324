// NumPy-style broadcasting for element-wise kernels: the output shape of several inputs and a
// row-by-row walk over the output that hands each input's offset and step for the innermost
// dimension, so kernels run plain inner loops without per-element index arithmetic.
import type { Node } from '../../../ir';
import { RuntimeError } from '../../../errors';

/** The broadcast shape of `shapes` (NumPy rules: align right, 1 stretches); throws on a mismatch. */
export function broadcastShapes(shapes: readonly (readonly number[])[], node?: Node): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const o = rank - s.length + i;
      if (d === out[o] || d === 1) continue;
      if (out[o] === 1) out[o] = d;
      else {
        const where = node ? `${node.op} '${node.name}': ` : '';
        throw new RuntimeError(
          'SHAPE_MISMATCH',
          `${where}shapes ${shapes.map((x) => `[${x.join(', ')}]`).join(' and ')} cannot be broadcast together`,
          node ? [node.name] : [],
        );
      }
    }
  }
  return out;
}

/** Strides of `shape` viewed in `outShape`'s rank: 0 along broadcast (size-1 or missing) dims. */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const o = rank - shape.length + i;
    strides[o] = shape[i] === 1 && outShape[o] !== 1 ? 0 : acc;
    acc *= shape[i]!;
  }
  return strides;
}

/**
 * Walks `outShape` in row-major order one innermost row at a time. For each row `fn` receives the
 * output offset, the row length, and per input its start offset (`offsets[k]`) and step along the
 * row (`steps[k]`, 0 when that input is broadcast along the last dim). `offsets` is reused.
 */
export function forEachRow(
  outShape: readonly number[],
  inShapes: readonly (readonly number[])[],
  fn: (out: number, len: number, offsets: number[], steps: readonly number[]) => void,
): void {
  const rank = outShape.length;
  let total = 1;
  for (const d of outShape) total *= d;
  if (total === 0) return;
  const strides = inShapes.map((s) => broadcastStrides(s, outShape));
  const len = rank === 0 ? 1 : outShape[rank - 1]!;
  const steps = strides.map((s) => (rank === 0 ? 0 : s[rank - 1]!));
  const offsets = new Array<number>(inShapes.length).fill(0);
  const coords = new Array<number>(Math.max(0, rank - 1)).fill(0);
  const rows = total / len;
  for (let r = 0, o = 0; r < rows; r++, o += len) {
    fn(o, len, offsets, steps);
    // advance the odometer over the outer dims
    for (let d = rank - 2; d >= 0; d--) {
      if (++coords[d]! < outShape[d]!) {
        for (let k = 0; k < offsets.length; k++) offsets[k]! += strides[k]![d]!;
        break;
      }
      coords[d] = 0;
      for (let k = 0; k < offsets.length; k++) offsets[k]! -= strides[k]![d]! * (outShape[d]! - 1);
    }
  }
}
