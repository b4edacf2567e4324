// Layered layout with dagre. Small graphs are laid out in one piece; large ones in regions of
// consecutive (topologically ordered) items stacked top to bottom, one region per task, so the
// page is interactive after the first region and the rest fills in without blocking input.
// (Measured: dagre costs ~0.8 ms per node and overflows its stack around 2,000 deep nodes.)
import dagre from '@dagrejs/dagre';
import type { PageGraph } from '../payload-types';
import { labelOf } from './labels';
import { FONT_EDGE, FONT_OP, FONT_SUB, textWidth } from './measure';

/** A box to draw: a node (kind 'node', ref = node index) or a graph input/output/state pill (ref = value index). */
export interface Item {
  key: string;
  kind: 'node' | 'input' | 'output' | 'state';
  ref: number;
  w: number;
  h: number;
  x: number;
  y: number;
}

/** One drawn edge: the value it carries and the polyline from source to target. */
export interface Edge {
  from: number;
  to: number;
  value: number;
  points: { x: number; y: number }[];
  labelX?: number;
  labelY?: number;
}

export interface Region {
  items: number[];
  edges: Edge[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Graphs up to this many items get one dagre layout (best quality). */
export const SINGLE_LIMIT = 600;
/** Region size for larger graphs. */
export const REGION_SIZE = 120;

const GAP = 60;

export class GraphLayout {
  readonly items: Item[] = [];
  /** Directed connections item → item carrying a value. */
  readonly links: { from: number; to: number; value: number }[] = [];
  readonly regions: Region[] = [];
  readonly itemOfNode: number[] = [];
  private chunks: number[][];
  private placed = 0;
  private y = 0;

  constructor(readonly graph: PageGraph) {
    const producerItem = new Map<number, number>();
    const add = (it: Omit<Item, 'x' | 'y'>) => this.items.push({ ...it, x: 0, y: 0 }) - 1;
    const pill = (vi: number) => {
      const v = graph.values[vi]!;
      const text = v.name || `#${v.id}`;
      return { w: Math.min(260, Math.max(60, textWidth(text, FONT_SUB) + 24)), h: 24 };
    };
    for (const vi of graph.inputs) {
      if (vi < 0 || producerItem.has(vi)) continue;
      producerItem.set(vi, add({ key: `i${vi}`, kind: 'input', ref: vi, ...pill(vi) }));
    }
    const stateOf = (vi: number) => {
      let it = producerItem.get(vi);
      if (it === undefined) {
        it = add({ key: `s${vi}`, kind: 'state', ref: vi, ...pill(vi) });
        producerItem.set(vi, it);
      }
      return it;
    };
    graph.nodes.forEach((n) => {
      // producer-less, non-constant inputs (variables, dangling tensors) get a pill before their reader
      for (const vi of n.inputs) {
        if (vi < 0) continue;
        const v = graph.values[vi]!;
        if (!producerItem.has(vi) && v.producer < 0 && v.buffer === undefined) stateOf(vi);
      }
      let w = textWidth(n.label, FONT_OP) + 28;
      for (const c of n.consts) w = Math.max(w, textWidth(c, FONT_SUB) + 20);
      const it = add({ key: `n${n.index}`, kind: 'node', ref: n.index, w: Math.max(72, Math.min(w, 320)), h: 28 + 14 * n.consts.length });
      this.itemOfNode[n.index] = it;
      for (const vi of n.inputs) {
        if (vi < 0) continue;
        const src = producerItem.get(vi);
        if (src !== undefined) this.links.push({ from: src, to: it, value: vi });
      }
      for (const vi of n.outputs) if (vi >= 0) producerItem.set(vi, it);
    });
    for (const vi of graph.outputs) {
      if (vi < 0) continue;
      const it = add({ key: `o${vi}`, kind: 'output', ref: vi, ...pill(vi) });
      const src = producerItem.get(vi);
      if (src !== undefined) this.links.push({ from: src, to: it, value: vi });
    }
    this.chunks = this.split();
  }

  /**
   * Region boundaries: about REGION_SIZE items each, cut where the fewest values cross the cut
   * (after a residual add rather than inside a block), so few edges run between regions.
   */
  private split(): number[][] {
    const n = this.items.length;
    if (n <= SINGLE_LIMIT) return n ? [Array.from({ length: n }, (_, k) => k)] : [];
    // crossing[c] = links with from < c <= to, i.e. values live across a cut before item c
    const delta = new Int32Array(n + 2);
    for (const l of this.links) {
      if (l.from >= l.to) continue;
      delta[l.from + 1]! += 1;
      delta[l.to + 1]! -= 1;
    }
    const crossing = new Int32Array(n + 1);
    for (let c = 1; c <= n; c++) crossing[c] = crossing[c - 1]! + delta[c]!;
    const chunks: number[][] = [];
    let start = 0;
    while (start < n) {
      let cut = n;
      if (n - start > REGION_SIZE * 1.5) {
        const lo = start + Math.floor(REGION_SIZE * 0.75);
        const hi = Math.min(n - 1, start + Math.floor(REGION_SIZE * 1.25));
        cut = lo;
        for (let c = lo; c <= hi; c++) if (crossing[c]! < crossing[cut]!) cut = c;
      }
      chunks.push(Array.from({ length: cut - start }, (_, k) => start + k));
      start = cut;
    }
    return chunks;
  }

  get done(): boolean {
    return this.placed >= this.chunks.length;
  }

  get regionCount(): number {
    return this.chunks.length;
  }

  /** Lays out the next region; returns it (undefined when all are placed). */
  next(): Region | undefined {
    const chunk = this.chunks[this.placed];
    if (!chunk) return undefined;
    this.placed++;
    const inChunk = new Set(chunk);
    const g = new dagre.graphlib.Graph({ multigraph: true });
    g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 26, edgesep: 12, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const i of chunk) g.setNode(String(i), { width: this.items[i]!.w, height: this.items[i]!.h });
    const external = new Map<number, string>();
    const chunkLinks = this.links.filter((l) => inChunk.has(l.to));
    chunkLinks.forEach((l, k) => {
      let src = String(l.from);
      if (!inChunk.has(l.from)) {
        // an edge from an earlier region enters through a small proxy at this region's top
        let p = external.get(l.from);
        if (!p) {
          p = `p${l.from}`;
          external.set(l.from, p);
          g.setNode(p, { width: 8, height: 8 });
        }
        src = p;
      }
      const text = labelOf(this.graph.values[l.value]!);
      g.setEdge(src, String(l.to), { width: textWidth(text, FONT_EDGE) + 6, height: 12, labelpos: 'c' }, `e${k}`);
    });
    dagre.layout(g);
    const gr = g.graph() as { width?: number; height?: number };
    const width = gr.width ?? 0;
    const dy = this.y;
    const dx = -width / 2;
    for (const i of chunk) {
      const d = g.node(String(i)) as { x: number; y: number };
      const it = this.items[i]!;
      it.x = d.x + dx;
      it.y = d.y + dy;
    }
    const edges: Edge[] = [];
    chunkLinks.forEach((l, k) => {
      const src = inChunk.has(l.from) ? String(l.from) : external.get(l.from)!;
      const e = g.edge(src, String(l.to), `e${k}`) as { points: { x: number; y: number }[]; x?: number; y?: number };
      const pts = e.points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
      if (!inChunk.has(l.from)) {
        const s = this.items[l.from]!;
        pts.unshift({ x: s.x, y: s.y + s.h / 2 });
      }
      const edge: Edge = { from: l.from, to: l.to, value: l.value, points: pts };
      if (e.x !== undefined && e.y !== undefined) {
        edge.labelX = e.x + dx;
        edge.labelY = e.y + dy;
      }
      edges.push(edge);
    });
    const region: Region = { items: chunk, edges, top: dy, bottom: dy + (gr.height ?? 0), left: dx, right: dx + width };
    this.y = region.bottom + GAP;
    this.regions.push(region);
    return region;
  }
}
