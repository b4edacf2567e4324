// The page's layout (src/page/layout.ts) run in Node: dagre per region, regions stacked, every
// connection drawn once. (Text widths fall back to an estimate without a canvas.)
import { describe, expect, it } from 'vitest';
import { GraphLayout, REGION_SIZE, SINGLE_LIMIT, type Region } from '../src/page/layout';
import { buildPayload } from '../src/payload';
import { smallModel } from './build-model';
import { syntheticModel } from './synthetic';

function runAll(l: GraphLayout): Region[] {
  const out: Region[] = [];
  for (let r = l.next(); r; r = l.next()) out.push(r);
  return out;
}

function overlaps(a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w - 0.5 && Math.abs(a.y - b.y) * 2 < a.h + b.h - 0.5;
}

describe('GraphLayout', () => {
  it('lays out a small graph in one piece with inputs on top and outputs at the bottom', () => {
    const g = buildPayload(smallModel()).graphs[0]!;
    const l = new GraphLayout(g);
    const regions = runAll(l);
    expect(regions).toHaveLength(1);
    expect(l.done).toBe(true);
    expect(l.items.filter((i) => i.kind === 'node')).toHaveLength(g.nodes.length);
    const image = l.items.find((i) => i.kind === 'input' && g.values[i.ref]!.name === 'image')!;
    const out = l.items.find((i) => i.kind === 'output')!;
    for (const it of l.items.filter((i) => i.kind === 'node')) {
      expect(it.y).toBeGreaterThan(image.y);
      expect(it.y).toBeLessThan(out.y);
    }
    // conv → relu → reshape → fc → if, plus the graph input 'flag' and the output: 7 drawn links
    expect(regions[0]!.edges).toHaveLength(7);
  });

  it('splits a large graph into stacked regions at narrow points and draws every link once', () => {
    const g = buildPayload(syntheticModel(1000)).graphs[0]!;
    const l = new GraphLayout(g);
    expect(l.items.length).toBeGreaterThan(SINGLE_LIMIT);
    const regions = runAll(l);
    expect(regions.length).toBeGreaterThan(1);
    expect(regions.reduce((a, r) => a + r.items.length, 0)).toBe(l.items.length);
    for (const r of regions) {
      expect(r.items.length).toBeGreaterThanOrEqual(Math.floor(REGION_SIZE * 0.75));
      expect(r.items.length).toBeLessThanOrEqual(Math.ceil(REGION_SIZE * 1.5));
    }
    for (let k = 1; k < regions.length; k++) expect(regions[k]!.top).toBeGreaterThan(regions[k - 1]!.bottom);
    // no two boxes of a region overlap
    for (const r of regions) {
      const its = r.items.map((i) => l.items[i]!);
      for (let a = 0; a < its.length; a++) for (let b = a + 1; b < its.length; b++) expect(overlaps(its[a]!, its[b]!)).toBe(false);
    }
    // every link is drawn exactly once, from its source box to its target box
    const edges = regions.flatMap((r) => r.edges);
    expect(edges).toHaveLength(l.links.length);
    for (const e of edges) {
      const s = l.items[e.from]!;
      const t = l.items[e.to]!;
      const p0 = e.points[0]!;
      const p1 = e.points[e.points.length - 1]!;
      expect(Math.abs(p0.y - s.y)).toBeLessThanOrEqual(s.h / 2 + 1);
      expect(Math.abs(p1.y - t.y)).toBeLessThanOrEqual(t.h / 2 + 1);
    }
    // the residual blocks are cut after their add: at most 2 values cross a region boundary
    const crossing = (cut: number) => l.links.filter((k) => k.from < cut && k.to >= cut).length;
    for (const r of regions.slice(1)) expect(crossing(r.items[0]!)).toBeLessThanOrEqual(2);
  });
});
