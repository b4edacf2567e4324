import { IRError } from './errors';

/** A dimension: >= 0 known, -1 unknown, a string is a named symbolic dim ('batch'). */
export type Dim = number | string;
/** A shape; a Value whose shape is `undefined` is unranked. */
export type Shape = readonly Dim[];

/** True when every dim is a known number (>= 0). */
export function isStaticShape(shape: Shape | undefined): shape is readonly number[] {
  return shape !== undefined && shape.every((d) => typeof d === 'number' && d >= 0);
}

/** True for a dim that is a known number (>= 0). */
export function isKnownDim(d: Dim): d is number {
  return typeof d === 'number' && d >= 0;
}

/** Number of elements, or -1 when the shape is not static (unknown/symbolic dims, unranked). */
export function shapeSize(shape: Shape | undefined): number {
  if (!isStaticShape(shape)) return -1;
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Element-wise equality of two shapes (both unranked counts as equal). */
export function shapesEqual(a: Shape | undefined, b: Shape | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * True when `actual` may be a concrete instance of `expected`: same rank, and each dim equal or
 * one of them unknown/symbolic. Unranked on either side is compatible.
 */
export function shapesCompatible(expected: Shape | undefined, actual: Shape | undefined): boolean {
  if (expected === undefined || actual === undefined) return true;
  if (expected.length !== actual.length) return false;
  return expected.every((d, i) => {
    const e = actual[i]!;
    return d === e || !isKnownDim(d) || !isKnownDim(e);
  });
}

/** `[1,?,'batch']` style text of a shape; `*` for unranked. */
export function formatShape(shape: Shape | undefined): string {
  if (shape === undefined) return '[*]';
  return `[${shape.map((d) => (typeof d === 'string' ? d : d < 0 ? '?' : String(d))).join(',')}]`;
}

function broadcastDim(a: Dim, b: Dim, fail: () => never): Dim {
  if (a === b) return a;
  if (a === 1) return b;
  if (b === 1) return a;
  const ka = isKnownDim(a);
  const kb = isKnownDim(b);
  if (ka && kb) fail();
  if (ka) return a; // a known dim > 1 fixes the unknown/symbolic other side
  if (kb) return b;
  return -1; // two different symbolic/unknown dims: could be either (or 1)
}

/**
 * NumPy broadcasting of any number of shapes. Unknown (-1) and symbolic dims broadcast with
 * 1 to themselves and with a known dim n > 1 to n. Unranked in, unranked out.
 * Throws IRError(SHAPE_MISMATCH) for incompatible known dims.
 */
export function broadcastShapes(...shapes: (Shape | undefined)[]): Shape | undefined {
  if (shapes.some((s) => s === undefined)) return undefined;
  const ss = shapes as Shape[];
  const rank = Math.max(0, ...ss.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let acc: Dim = 1;
    for (const s of ss) {
      const d = s[s.length - rank + i];
      if (d === undefined) continue;
      acc = broadcastDim(acc, d, () => {
        throw new IRError(
          'SHAPE_MISMATCH',
          `shapes ${ss.map(formatShape).join(' and ')} cannot be broadcast (dim ${i} from the left of the result)`,
        );
      });
    }
    out.push(acc);
  }
  return out;
}

/**
 * What is statically known about a value's shape: its shape, with the dims its TFLite
 * shape_signature marks dynamic (-1) set to -1 (the stored shape holds a placeholder there).
 */
export function staticShapeOf(v: { shape: Shape | undefined; shapeSignature?: Shape }): Shape | undefined {
  const { shape, shapeSignature: sig } = v;
  if (!shape || !sig || sig.length !== shape.length) return shape;
  return shape.map((d, i) => (sig[i] === -1 ? -1 : d));
}
