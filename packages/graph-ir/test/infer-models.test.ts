// Shape inference reproduces the shapes stored in every shared .tflite model, propagated from the
// graph inputs alone (node-by-node agreement is part of verify, see tflite-models.test.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, manifestEntries, modelPath } from '../../../testing/shared-models';
import { formatShape, importTflite, inferShapes, shapesCompatible, shapesEqual, staticShapeOf, type Value } from '../src/index';
import { NOT_INFERABLE, REJECTED_ON_IMPORT } from './fixtures/model-exceptions';

const entries = manifestEntries().filter(
  (e) => e.format === 'tflite' && e.expect !== 'error' && !REJECTED_ON_IMPORT[e.path] && !NOT_INFERABLE[e.path],
);

describeModels('inferShapes on every shared model', () => {
  it('reproduces every stored dtype and shape from the graph inputs', () => {
    const mismatches = new Map<string, string[]>(); // op → examples
    const vague = new Map<string, number>(); // op → outputs inferred less precisely than stored
    let nodes = 0;
    for (const e of entries) {
      const bytes = new Uint8Array(readFileSync(modelPath(e.path)));
      const stored = importTflite(bytes);
      const model = importTflite(bytes);
      model.graphs.forEach((g, gi) => {
        const want = new Map<number, Value>();
        for (const n of stored.graphs[gi]!.nodes) for (const o of n.outputs) want.set(o.id, o);
        try {
          inferShapes(g, { model });
        } catch (err) {
          const op = /\((tfl\.[A-Z0-9_]+)\)/.exec((err as Error).message)?.[1] ?? '?';
          mismatches.set(op, [...(mismatches.get(op) ?? []), `${e.path}: ${(err as Error).message}`]);
          return;
        }
        for (const n of g.nodes) {
          nodes++;
          for (const o of n.outputs) {
            const w = want.get(o.id)!;
            const ok = o.dtype === w.dtype && shapesCompatible(o.shape, staticShapeOf(w)) && shapesCompatible(staticShapeOf(w), o.shape);
            if (ok && !shapesEqual(o.shape, staticShapeOf(w))) vague.set(n.op, (vague.get(n.op) ?? 0) + 1);
            if (!ok) {
              const msg = `${e.path}: node '${n.name}' output '${o.name}': inferred ${o.dtype}${formatShape(o.shape)}, stored ${w.dtype}${formatShape(staticShapeOf(w))}`;
              mismatches.set(n.op, [...(mismatches.get(n.op) ?? []), msg]);
            }
          }
        }
      });
    }
    const report = [...mismatches].map(([op, list]) => `${op} (${list.length}):\n  ${list.slice(0, 3).join('\n  ')}`).join('\n');
    expect(report).toBe('');
    expect(nodes).toBeGreaterThan(1400);
    // inference may know less than a file stores (dynamic dims propagate as -1), but not often
    const vagueCount = [...vague.values()].reduce((a, b) => a + b, 0);
    expect(vagueCount).toBeLessThan(nodes * 0.1);
  });
});
