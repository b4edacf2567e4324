import type { Model, Value } from '../ir';
import { replaceValue } from '../rewrite/rewrite';
import { deepEqual } from '../rewrite/pattern';
import { graphValues } from '../walk';
import type { Pass } from './pass';

function hashBytes(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return (h >>> 0) ^ b.length;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Constant deduplication. Within a graph, constants with equal dtype, shape, quantization,
 * sparsity and bytes become one value (the first; graph inputs/outputs and variables are left
 * alone). Across the model, equal bytes share one Uint8Array, so .tflite export writes one buffer.
 */
export function deduplicateConstantsIn(model: Model): boolean {
  let changed = false;
  const byHash = new Map<number, Uint8Array[]>();
  const canonicalBytes = (d: Uint8Array): Uint8Array => {
    const h = hashBytes(d);
    const list = byHash.get(h) ?? [];
    const hit = list.find((x) => sameBytes(x, d));
    if (hit) return hit;
    list.push(d);
    byHash.set(h, list);
    return d;
  };
  for (const g of model.graphs) {
    const io = new Set<Value>([...g.inputs, ...g.outputs]);
    const seen = new Map<Uint8Array, Value[]>();
    for (const v of graphValues(g)) {
      if (!v.data) continue;
      const bytes = canonicalBytes(v.data);
      if (bytes !== v.data) {
        v.data = bytes;
        changed = true;
      }
      if (io.has(v) || v.isVariable) continue;
      const list = seen.get(bytes) ?? [];
      const twin = list.find(
        (u) => u.dtype === v.dtype && deepEqual(u.shape, v.shape) && deepEqual(u.quant, v.quant) && deepEqual(u.sparsity, v.sparsity) && deepEqual(u.shapeSignature, v.shapeSignature),
      );
      if (twin) {
        replaceValue(g, v, twin, model);
        for (const n of g.nodes) if (n.intermediates) n.intermediates = n.intermediates.map((x) => (x === v ? twin : x));
        changed = true;
      } else {
        list.push(v);
        seen.set(bytes, list);
      }
    }
  }
  return changed;
}

export const deduplicateConstants: Pass = { name: 'dedup-constants', run: deduplicateConstantsIn };
