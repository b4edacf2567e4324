// TensorFlow tensor references: `node` / `node:1` / `^node` (graphs), `arg` / `node:out_arg:0` (function bodies).
// Internally every data reference is canonical: `node:index`.

/** `node:k` for `node`, `node:k` (`node` = `node:0`). */
export function canonicalRef(ref: string): string {
  const i = ref.lastIndexOf(':');
  if (i > 0 && /^\d+$/.test(ref.slice(i + 1))) return ref;
  return `${ref}:0`;
}

/** The node part of a canonical reference. */
export function refNode(cref: string): string {
  return cref.slice(0, cref.lastIndexOf(':'));
}

/** The output index of a canonical reference. */
export function refIndex(cref: string): number {
  return Number(cref.slice(cref.lastIndexOf(':') + 1));
}

/** TF's name of output `k` of `node`: `node` for output 0, `node:k` otherwise. */
export function tensorName(node: string, k: number): string {
  return k === 0 ? node : `${node}:${k}`;
}

/** The display name of a canonical reference (`conv1/Conv2D`, `split:1`). */
export function refTensorName(cref: string): string {
  return tensorName(refNode(cref), refIndex(cref));
}

export const isControlRef = (ref: string): boolean => ref.startsWith('^');
