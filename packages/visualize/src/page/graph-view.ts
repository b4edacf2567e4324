// One subgraph drawn as SVG: boxes, edges with shape/dtype labels, pan and zoom, selection.
import type { PageGraph, PageOverlay } from '../payload-types';
import { esc, yieldToBrowser } from './dom';
import { labelOf } from './labels';
import { GraphLayout, type Edge, type Region } from './layout';

const SVGNS = 'http://www.w3.org/2000/svg';

export interface ViewCallbacks {
  onSelectNode(index: number): void;
  onSelectValue(index: number): void;
  onClear(): void;
}

function pathOf(pts: { x: number; y: number }[]): string {
  if (pts.length === 0) return '';
  const f = (n: number) => n.toFixed(1);
  let d = `M${f(pts[0]!.x)},${f(pts[0]!.y)}`;
  if (pts.length === 2) return `${d}L${f(pts[1]!.x)},${f(pts[1]!.y)}`;
  // smooth: quadratic segments through midpoints
  for (let i = 1; i < pts.length - 1; i++) {
    const p = pts[i]!;
    const q = pts[i + 1]!;
    const mx = i === pts.length - 2 ? q.x : (p.x + q.x) / 2;
    const my = i === pts.length - 2 ? q.y : (p.y + q.y) / 2;
    d += `Q${f(p.x)},${f(p.y)} ${f(mx)},${f(my)}`;
  }
  return d;
}

export class GraphView {
  readonly root: HTMLDivElement;
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private readonly edgeLayer: SVGGElement;
  private readonly labelLayer: SVGGElement;
  private readonly nodeLayer: SVGGElement;
  readonly layout: GraphLayout;
  private tx = 0;
  private ty = 0;
  private scale = 1;
  private selected: Element[] = [];
  private overlay: PageOverlay | undefined;
  private allEdges: Edge[] = [];
  private viewH = 800;
  private regionGroups: { region: Region; groups: SVGGElement[]; shown: boolean }[] = [];
  /** Milliseconds spent in dagre and in building SVG (for the benchmark). */
  readonly timing = { layoutMs: 0, drawMs: 0 };
  readonly ready: Promise<void>;
  readonly complete: Promise<void>;
  /** Called after each region is laid out (status line). */
  onProgress?: () => void;
  private resolveReady!: () => void;

  constructor(
    readonly graph: PageGraph,
    private readonly colors: Record<string, string>,
    private readonly cb: ViewCallbacks,
  ) {
    this.root = document.createElement('div');
    this.root.className = 'graph-view';
    this.svg = document.createElementNS(SVGNS, 'svg');
    this.svg.setAttribute('class', 'graph');
    this.svg.innerHTML =
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      '<path d="M0,0L10,5L0,10z" fill="#6b7280"/></marker>' +
      '<marker id="arrow-hi" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">' +
      '<path d="M0,0L10,5L0,10z" fill="#2563eb"/></marker></defs>';
    this.viewport = document.createElementNS(SVGNS, 'g');
    this.edgeLayer = document.createElementNS(SVGNS, 'g');
    this.labelLayer = document.createElementNS(SVGNS, 'g');
    this.nodeLayer = document.createElementNS(SVGNS, 'g');
    this.edgeLayer.setAttribute('class', 'edges');
    this.labelLayer.setAttribute('class', 'edge-labels');
    this.nodeLayer.setAttribute('class', 'nodes');
    this.viewport.append(this.edgeLayer, this.labelLayer, this.nodeLayer);
    this.svg.append(this.viewport);
    this.root.append(this.svg);
    this.layout = new GraphLayout(graph);
    this.ready = new Promise((r) => (this.resolveReady = r));
    this.installPanZoom();
    this.complete = this.run();
  }

  /**
   * Lays out region by region, one task each (input stays responsive); draws the first region at
   * once (`ready`), then the rest in batches about once a second, since every insertion makes the
   * browser restyle and repaint the whole drawing.
   */
  private async run(): Promise<void> {
    await yieldToBrowser();
    let first = true;
    let pending: Region[] = [];
    let lastFlush = performance.now();
    const flush = () => {
      const t = performance.now();
      for (const r of pending) this.draw(r);
      pending = [];
      this.timing.drawMs += performance.now() - t;
      lastFlush = performance.now();
    };
    for (;;) {
      const t0 = performance.now();
      const region = this.layout.next();
      if (!region) break;
      this.timing.layoutMs += performance.now() - t0;
      pending.push(region);
      if (first || performance.now() - lastFlush > 1000) flush();
      if (first) {
        first = false;
        this.initialView();
        this.resolveReady();
      }
      this.onProgress?.();
      await yieldToBrowser();
    }
    flush();
    if (first) {
      this.initialView();
      this.resolveReady();
    }
    this.root.dataset.layout = 'done';
  }

  private boxHtml(i: number): string {
    const it = this.layout.items[i]!;
    const x = (it.x - it.w / 2).toFixed(1);
    const y = (it.y - it.h / 2).toFixed(1);
    if (it.kind === 'node') {
      const n = this.graph.nodes[it.ref]!;
      const ov = this.overlay?.perGraph[this.graph.index]?.[n.index];
      const fill = ov ? ov.color : this.colors[n.category] ?? '#d0d0d0';
      let s = `<g class="node" data-index="${n.index}" data-cat="${esc(n.category)}" transform="translate(${x},${y})">`;
      s += `<title>${esc(n.name ? `${n.name}\n${n.op}` : n.op)}${ov ? esc(`\n${ov.text}`) : ''}</title>`;
      s += `<rect class="box" width="${it.w.toFixed(1)}" height="${it.h}" rx="5" fill="${fill}"/>`;
      s += `<text class="op" x="${(it.w / 2).toFixed(1)}" y="18">${esc(n.label)}</text>`;
      n.consts.forEach((c, k) => {
        s += `<text class="sub" x="${(it.w / 2).toFixed(1)}" y="${34 + 14 * k}">${esc(c)}</text>`;
      });
      return `${s}</g>`;
    }
    const v = this.graph.values[it.ref]!;
    const text = v.name || `#${v.id}`;
    const shown = text.length > 40 ? `${text.slice(0, 18)}…${text.slice(-18)}` : text;
    return (
      `<g class="io ${it.kind}" data-value="${it.ref}" transform="translate(${x},${y})"><title>${esc(`${it.kind}: ${text}\n${labelOf(v)}`)}</title>` +
      `<rect width="${it.w.toFixed(1)}" height="${it.h}" rx="12"/><text x="${(it.w / 2).toFixed(1)}" y="16">${esc(shown)}</text></g>`
    );
  }

  private draw(region: Region): void {
    let nodes = '';
    for (const i of region.items) nodes += this.boxHtml(i);
    let edges = '';
    let labels = '';
    for (const e of region.edges) {
      const k = this.allEdges.push(e) - 1;
      edges += `<path d="${pathOf(e.points)}" data-edge="${k}" marker-end="url(#arrow)"/>`;
      if (e.labelX !== undefined) {
        labels += `<text x="${e.labelX.toFixed(1)}" y="${(e.labelY! + 3.5).toFixed(1)}" data-edge="${k}">${esc(labelOf(this.graph.values[e.value]!))}</text>`;
      }
    }
    const k = this.regionGroups.length;
    // regions far from the view are inserted hidden: the browser then neither styles nor paints them
    const shown = k === 0 || this.inView(region);
    const wrap = (layer: SVGGElement, html: string) => {
      layer.insertAdjacentHTML('beforeend', `<g data-region="${k}"${shown ? '' : ' style="display:none"'}>${html}</g>`);
      return layer.lastElementChild as SVGGElement;
    };
    this.regionGroups.push({ region, groups: [wrap(this.edgeLayer, edges), wrap(this.labelLayer, labels), wrap(this.nodeLayer, nodes)], shown });
  }

  /** Whether a region is within a window's height of the view (uses the height cached by apply). */
  private inView(r: Region): boolean {
    const h = this.viewH;
    return r.bottom >= (-this.ty - h) / this.scale && r.top <= (2 * h - this.ty) / this.scale;
  }

  /**
   * Hides regions far outside the window: the browser repaints every drawn element on each pan
   * or zoom, so a 5,000-node graph would otherwise take hundreds of ms per frame.
   */
  private cull(): void {
    if (this.regionGroups.length < 2) return;
    for (const rg of this.regionGroups) {
      const show = this.inView(rg.region);
      if (show === rg.shown) continue;
      rg.shown = show;
      for (const g of rg.groups) g.style.display = show ? '' : 'none';
    }
  }

  /** Small graphs: fit; tall ones: start at the top at a legible scale. */
  private initialView(): void {
    const w = this.svg.clientWidth || 800;
    const h = this.svg.clientHeight || 600;
    const regs = this.layout.regions;
    if (regs.length === 0) return;
    const left = Math.min(...regs.map((r) => r.left));
    const right = Math.max(...regs.map((r) => r.right));
    const top = regs[0]!.top;
    const bottom = regs[regs.length - 1]!.bottom;
    const fit = Math.min((w - 40) / Math.max(1, right - left), (h - 40) / Math.max(1, bottom - top), 1.25);
    if (this.layout.done && fit >= 0.55) {
      this.scale = fit;
      this.tx = w / 2 - ((left + right) / 2) * fit;
      this.ty = h / 2 - ((top + bottom) / 2) * fit;
    } else {
      this.scale = Math.min(1, Math.max(0.55, (w - 40) / Math.max(1, right - left)));
      this.tx = w / 2;
      this.ty = 24 - top * this.scale;
    }
    this.apply();
  }

  /** Fits the whole graph laid out so far. */
  fit(): void {
    const w = this.svg.clientWidth || 800;
    const h = this.svg.clientHeight || 600;
    const regs = this.layout.regions;
    if (!regs.length) return;
    const left = Math.min(...regs.map((r) => r.left));
    const right = Math.max(...regs.map((r) => r.right));
    const top = regs[0]!.top;
    const bottom = regs[regs.length - 1]!.bottom;
    this.scale = Math.min((w - 40) / Math.max(1, right - left), (h - 40) / Math.max(1, bottom - top), 1.5);
    this.tx = w / 2 - ((left + right) / 2) * this.scale;
    this.ty = h / 2 - ((top + bottom) / 2) * this.scale;
    this.apply();
  }

  zoomBy(f: number, cx?: number, cy?: number): void {
    const x = cx ?? (this.svg.clientWidth || 800) / 2;
    const y = cy ?? (this.svg.clientHeight || 600) / 2;
    const s = Math.min(4, Math.max(0.02, this.scale * f));
    const k = s / this.scale;
    this.tx = x - (x - this.tx) * k;
    this.ty = y - (y - this.ty) * k;
    this.scale = s;
    this.apply();
  }

  private apply(): void {
    this.viewH = this.svg.clientHeight || this.viewH;
    this.viewport.setAttribute('transform', `translate(${this.tx.toFixed(1)},${this.ty.toFixed(1)}) scale(${this.scale.toFixed(4)})`);
    this.svg.classList.toggle('lod-mid', this.scale < 0.6 && this.scale >= 0.3);
    this.svg.classList.toggle('lod-low', this.scale < 0.3);
    this.cull();
  }

  private installPanZoom(): void {
    let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | undefined;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, tx: this.tx, ty: this.ty, moved: false };
    });
    window.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) this.svg.classList.add('panning');
      drag.moved = true;
      this.tx = drag.tx + dx;
      this.ty = drag.ty + dy;
      this.apply();
    });
    window.addEventListener('pointerup', (e) => {
      const d = drag;
      drag = undefined;
      this.svg.classList.remove('panning');
      if (!d || d.moved) return;
      this.click(e.target as Element);
    });
    this.svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = this.svg.getBoundingClientRect();
        if (e.ctrlKey || e.metaKey || Math.abs(e.deltaY) >= Math.abs(e.deltaX)) {
          this.zoomBy(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
        } else {
          this.tx -= e.deltaX;
          this.apply();
        }
      },
      { passive: false },
    );
  }

  private click(target: Element): void {
    if (!this.svg.contains(target)) return;
    const node = target.closest('g.node') as SVGGElement | null;
    if (node) {
      this.cb.onSelectNode(Number(node.dataset.index));
      return;
    }
    const io = target.closest('g.io') as SVGGElement | null;
    if (io) {
      this.cb.onSelectValue(Number(io.dataset.value));
      return;
    }
    this.cb.onClear();
  }

  /** Highlights a node and its edges; centers on it when asked. */
  select(nodeIndex: number | undefined, center = false): void {
    for (const e of this.selected) {
      e.classList.remove('selected');
      if (e.tagName === 'path') e.setAttribute('marker-end', 'url(#arrow)');
    }
    this.selected = [];
    if (nodeIndex === undefined) return;
    const it = this.layout.itemOfNode[nodeIndex];
    if (it === undefined) return;
    const g = this.nodeLayer.querySelector(`g.node[data-index="${nodeIndex}"]`);
    if (g) this.selected.push(g);
    this.allEdges.forEach((e, k) => {
      if (e.from === it || e.to === it) {
        for (const x of this.root.querySelectorAll(`[data-edge="${k}"]`)) this.selected.push(x);
      }
    });
    for (const e of this.selected) {
      e.classList.add('selected');
      if (e.tagName === 'path') e.setAttribute('marker-end', 'url(#arrow-hi)');
    }
    if (center) this.centerOn(it);
  }

  centerOn(item: number): void {
    const it = this.layout.items[item]!;
    const w = this.svg.clientWidth || 800;
    const h = this.svg.clientHeight || 600;
    if (this.scale < 0.6) this.scale = 0.9;
    this.tx = w / 2 - it.x * this.scale;
    this.ty = h / 2 - it.y * this.scale;
    this.apply();
  }

  /** Recolors nodes for an overlay (undefined: by category). */
  setOverlay(ov: PageOverlay | undefined): void {
    this.overlay = ov;
    const per = ov?.perGraph[this.graph.index];
    for (const g of this.nodeLayer.querySelectorAll<SVGGElement>('g.node')) {
      const i = Number(g.dataset.index);
      const n = this.graph.nodes[i]!;
      const o = per?.[i];
      const fill = ov ? (o ? o.color : '#eef0f3') : this.colors[n.category] ?? '#d0d0d0';
      g.querySelector('rect')!.setAttribute('fill', fill);
      g.classList.toggle('dim', !!ov && !o);
    }
  }
}
