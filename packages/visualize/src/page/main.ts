// The page: reads the payload, draws the subgraph tabs, graph views, tables and the side panel.
import type { PagePayload } from '../payload-types';
import { el, esc } from './dom';
import { nodeDetails, valueDetails } from './details';
import { GraphView } from './graph-view';
import { buffersTable, opcodesTable, opsTable, renderTable, signaturesHtml, summaryHtml, tensorsTable } from './tables';

declare global {
  interface Window {
    __liteml?: { ready: boolean; readyMs?: number; doneMs?: number; done: boolean; graph: number; errors: string[]; layoutMs?: number; drawMs?: number };
  }
}

type View = 'graph' | 'tensors' | 'ops' | 'buffers' | 'opcodes' | 'signatures' | 'summary' | `overlay:${number}`;

const state = { ready: false, done: false, graph: 0, errors: [] as string[] } as NonNullable<Window['__liteml']>;
window.__liteml = state;

function start(): void {
  const data = JSON.parse(document.getElementById('liteml-data')!.textContent!) as PagePayload;
  const app = document.getElementById('app')!;
  document.title = `${data.title} — liteml`;
  const views = new Map<number, GraphView>();
  let graph = 0;
  let view: View = 'graph';
  // an overlay the caller passed (profile, quantization error, diff) is what the page is for: show it first
  let overlay = data.overlays.length ? 0 : -1;
  let selected: number | undefined;

  // ---- shell ----
  const header = el('header');
  header.innerHTML =
    `<div class="brand"><span class="logo">liteml</span><div><div class="title">${esc(data.title)}</div>` +
    `<div class="subtitle">${esc(data.subtitle)}</div></div></div>` +
    '<div class="search"><input id="search" type="search" autocomplete="off" spellcheck="false" placeholder="Search nodes by name or op   /" aria-label="Search nodes"><div id="results" hidden></div></div>' +
    '<label class="colorby">Color by <select id="colorby"><option value="-1">op category</option></select></label>';
  const colorBy = header.querySelector<HTMLSelectElement>('#colorby')!;
  data.overlays.forEach((o, i) => colorBy.append(el('option', { value: String(i), text: o.kind === 'profile' ? 'time (profile)' : o.kind === 'quant' ? 'quantization error' : 'diff' })));
  if (!data.overlays.length) colorBy.disabled = true;
  colorBy.value = String(overlay);

  const tabs = el('nav', { class: 'tabs' });
  const graphTabs = el('div', { class: 'graph-tabs', role: 'tablist' });
  const viewTabs = el('div', { class: 'view-tabs' });
  tabs.append(graphTabs, viewTabs);
  data.graphs.forEach((g) => {
    const b = el('button', { class: 'graph-tab', 'data-graph': String(g.index), role: 'tab' });
    b.innerHTML = `${g.index === 0 ? 'main' : `subgraph ${g.index}`}${g.name && !(g.index === 0 && g.name === 'main') ? ` <span class="gname">${esc(g.name)}</span>` : ''} <span class="badge">${g.nodes.length}</span>`;
    graphTabs.append(b);
  });
  const viewNames: [View, string][] = [
    ['graph', 'Graph'], ['tensors', 'Tensors'], ['ops', 'Ops'], ['buffers', 'Buffers'], ['opcodes', 'Operator codes'],
    ['signatures', `Signatures (${data.signatures.length})`], ['summary', 'Summary'],
  ];
  data.overlays.forEach((o, i) => viewNames.push([`overlay:${i}`, o.kind === 'profile' ? 'Profile' : o.kind === 'quant' ? 'Quant error' : 'Diff']));
  for (const [v, label] of viewNames) viewTabs.append(el('button', { class: 'view-tab', 'data-view': v, text: label }));

  const main = el('main');
  const stage = el('section', { id: 'stage' });
  const toolbar = el('div', { class: 'toolbar' });
  toolbar.innerHTML = '<button data-act="in" title="Zoom in (+)">+</button><button data-act="out" title="Zoom out (-)">−</button><button data-act="fit" title="Fit (f)">Fit</button>';
  const legend = el('div', { class: 'legend' });
  const status = el('div', { class: 'status' });
  stage.append(toolbar, legend, status);
  const tableView = el('section', { id: 'table-view', hidden: '' });
  const panel = el('aside', { id: 'panel', hidden: '' });
  panel.innerHTML = '<button class="close" title="Close (Esc)" aria-label="Close">×</button><div id="panel-body"></div>';
  const panelBody = panel.querySelector('#panel-body')!;
  main.append(stage, tableView, panel);
  app.append(header, tabs, main);

  // ---- graph views ----
  const cbs = {
    onSelectNode: (i: number) => selectNode(i, false),
    onSelectValue: (i: number) => showValue(i),
    onClear: () => closePanel(),
  };
  function viewOf(i: number): GraphView {
    let v = views.get(i);
    if (!v) {
      v = new GraphView(data.graphs[i]!, data.categories, cbs);
      v.onProgress = () => v!.graph.index === graph && updateStatus();
      v.root.dataset.graph = String(i);
      stage.prepend(v.root);
      views.set(i, v);
      if (overlay >= 0) v.setOverlay(data.overlays[overlay]);
      const gv = v;
      void gv.complete.then(() => {
        if (gv.graph.index === graph) updateStatus();
      });
    }
    return v;
  }

  function updateStatus(): void {
    const v = views.get(graph);
    if (!v) return;
    status.textContent = v.layout.done ? '' : `Laying out ${v.layout.regions.length}/${v.layout.regionCount} regions…`;
  }

  function drawLegend(): void {
    const ov = data.overlays[overlay];
    const g = data.graphs[graph]!;
    let items: { color: string; label: string }[];
    if (ov) items = ov.legend;
    else {
      const used = new Map<string, number>();
      for (const n of g.nodes) used.set(n.category, (used.get(n.category) ?? 0) + 1);
      items = [...used].sort((a, b) => b[1] - a[1]).map(([c]) => ({ color: data.categories[c] ?? '#ddd', label: c }));
    }
    legend.innerHTML = (ov ? `<div class="legend-title">${esc(ov.title)}</div>` : '') + items.map((i) => `<span><i style="background:${i.color}"></i>${esc(i.label)}</span>`).join('');
    legend.hidden = items.length === 0;
  }

  function setGraph(i: number): void {
    graph = i;
    state.graph = i;
    for (const b of graphTabs.querySelectorAll<HTMLElement>('.graph-tab')) b.classList.toggle('active', Number(b.dataset.graph) === i);
    const v = viewOf(i);
    for (const [k, gv] of views) gv.root.hidden = k !== i;
    void v.ready.then(updateStatus);
    closePanel();
    drawLegend();
    if (view !== 'graph') showView(view);
  }

  function showView(v: View): void {
    view = v;
    for (const b of viewTabs.querySelectorAll<HTMLElement>('.view-tab')) b.classList.toggle('active', b.dataset.view === v);
    stage.hidden = v !== 'graph';
    tableView.hidden = v === 'graph';
    if (v === 'graph') return;
    const g = data.graphs[graph]!;
    const jump = (i: number) => {
      showView('graph');
      selectNode(i, true);
    };
    if (v === 'tensors') renderTable(tableView, tensorsTable(g), jump);
    else if (v === 'ops') renderTable(tableView, opsTable(g), jump);
    else if (v === 'buffers') renderTable(tableView, buffersTable(data));
    else if (v === 'opcodes') renderTable(tableView, opcodesTable(data));
    else if (v === 'signatures') tableView.innerHTML = signaturesHtml(data);
    else if (v === 'summary') tableView.innerHTML = summaryHtml(data);
    else {
      const ov = data.overlays[Number(v.slice(8))]!;
      const col = ov.table.columns.indexOf(ov.kind === 'diff' ? 'graph' : 'node');
      const nodeOf = ov.table.rows.map((r) => (ov.kind !== 'diff' && typeof r[col] === 'number' ? (r[col] as number) : undefined));
      const og = Number(Object.keys(ov.perGraph)[0] ?? 0);
      renderTable(tableView, { title: ov.title, columns: ov.table.columns, rows: ov.table.rows, nodeOf }, (i) => {
        if (graph !== og) setGraph(og);
        jump(i);
      });
    }
  }

  // ---- panel ----
  function openPanel(html: string): void {
    panelBody.innerHTML = html;
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function closePanel(): void {
    panel.hidden = true;
    selected = undefined;
    views.get(graph)?.select(undefined);
  }
  function selectNode(i: number, center: boolean): void {
    const v = viewOf(graph);
    selected = i;
    openPanel(nodeDetails(data.graphs[graph]!, i, { overlays: data.overlays, buffers: data.buffers }, data.categories));
    panel.dataset.node = String(i);
    const go = () => v.select(i, center);
    if (v.layout.itemOfNode[i] !== undefined && v.layout.done) go();
    else void v.complete.then(() => selected === i && go());
  }
  function showValue(vi: number): void {
    const g = data.graphs[graph]!;
    openPanel(valueDetails(g, vi, data.buffers));
    delete panel.dataset.node;
    const p = g.values[vi]!.producer;
    views.get(graph)?.select(p >= 0 ? p : undefined);
  }
  panel.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.closest('.close')) return closePanel();
    if (t.matches('.expandable')) {
      t.classList.toggle('open');
      return;
    }
    const a = t.closest('[data-goto-node],[data-goto-value],[data-goto-graph]') as HTMLElement | null;
    if (!a) return;
    e.preventDefault();
    if (a.dataset.gotoNode !== undefined) selectNode(Number(a.dataset.gotoNode), true);
    else if (a.dataset.gotoValue !== undefined) showValue(Number(a.dataset.gotoValue));
    else if (a.dataset.gotoGraph !== undefined) {
      showView('graph');
      setGraph(Number(a.dataset.gotoGraph));
    }
  });

  // ---- search ----
  const search = header.querySelector<HTMLInputElement>('#search')!;
  const results = header.querySelector<HTMLDivElement>('#results')!;
  let hits: { g: number; n: number }[] = [];
  function runSearch(): void {
    const q = search.value.trim().toLowerCase();
    hits = [];
    if (!q) {
      results.hidden = true;
      return;
    }
    const order = [graph, ...data.graphs.map((g) => g.index).filter((i) => i !== graph)];
    for (const gi of order) {
      for (const n of data.graphs[gi]!.nodes) {
        if (n.name.toLowerCase().includes(q) || n.op.toLowerCase().includes(q) || n.label.toLowerCase().includes(q)) {
          hits.push({ g: gi, n: n.index });
          if (hits.length >= 200) break;
        }
      }
      if (hits.length >= 200) break;
    }
    results.innerHTML = hits.length
      ? hits
          .slice(0, 50)
          .map((h, k) => {
            const n = data.graphs[h.g]!.nodes[h.n]!;
            return `<div class="result${k === 0 ? ' active' : ''}" data-k="${k}"><b>${esc(n.label)}</b> <span class="mono">${esc(n.name || `node ${n.index}`)}</span>${h.g !== graph ? ` <span class="badge">subgraph ${h.g}</span>` : ''}</div>`;
          })
          .join('') + (hits.length > 50 ? `<div class="muted more">${hits.length >= 200 ? '200+' : hits.length} matches, refine the query</div>` : '')
      : '<div class="muted more">No node matches</div>';
    results.hidden = false;
  }
  function pick(k: number): void {
    const h = hits[k];
    if (!h) return;
    results.hidden = true;
    if (view !== 'graph') showView('graph');
    if (h.g !== graph) setGraph(h.g);
    selectNode(h.n, true);
  }
  search.addEventListener('input', runSearch);
  search.addEventListener('focus', () => search.value && runSearch());
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') pick(0);
    if (e.key === 'Escape') {
      results.hidden = true;
      search.blur();
    }
  });
  results.addEventListener('mousedown', (e) => {
    const r = (e.target as HTMLElement).closest('.result') as HTMLElement | null;
    if (r) {
      e.preventDefault();
      pick(Number(r.dataset.k));
    }
  });
  search.addEventListener('blur', () => setTimeout(() => (results.hidden = true), 100));

  // ---- wiring ----
  graphTabs.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('.graph-tab') as HTMLElement | null;
    if (b) setGraph(Number(b.dataset.graph));
  });
  viewTabs.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('.view-tab') as HTMLElement | null;
    if (b) showView(b.dataset.view as View);
  });
  toolbar.addEventListener('click', (e) => {
    const act = (e.target as HTMLElement).closest('button')?.dataset.act;
    const v = views.get(graph);
    if (!v) return;
    if (act === 'in') v.zoomBy(1.25);
    else if (act === 'out') v.zoomBy(0.8);
    else if (act === 'fit') v.fit();
  });
  colorBy.addEventListener('change', () => {
    overlay = Number(colorBy.value);
    for (const v of views.values()) v.setOverlay(data.overlays[overlay]);
    drawLegend();
    if (selected !== undefined) selectNode(selected, false);
  });
  document.addEventListener('keydown', (e) => {
    if ((e.target as HTMLElement).matches('input, select, textarea')) return;
    const v = views.get(graph);
    if (e.key === '/') {
      e.preventDefault();
      search.focus();
    } else if (e.key === 'Escape') closePanel();
    else if (v && (e.key === '+' || e.key === '=')) v.zoomBy(1.25);
    else if (v && e.key === '-') v.zoomBy(0.8);
    else if (v && e.key === 'f') v.fit();
  });

  if (!data.graphs.length) {
    stage.innerHTML = '<p class="empty">This model has no subgraphs.</p>';
    state.ready = state.done = true;
    state.readyMs = state.doneMs = performance.now();
    document.body.dataset.ready = 'true';
    document.body.dataset.layout = 'done';
    return;
  }
  showView('graph');
  setGraph(0);
  const first = viewOf(0);
  void first.ready.then(() => {
    requestAnimationFrame(() => {
      state.ready = true;
      state.readyMs = performance.now();
      document.body.dataset.ready = 'true';
    });
  });
  void first.complete.then(() => {
    state.done = true;
    state.doneMs = performance.now();
    state.layoutMs = Math.round(first.timing.layoutMs);
    state.drawMs = Math.round(first.timing.drawMs);
    document.body.dataset.layout = 'done';
  });
}

window.addEventListener('error', (e) => state.errors.push(String(e.message)));
try {
  start();
} catch (err) {
  state.errors.push(String(err));
  const app = document.getElementById('app');
  if (app) app.innerHTML = `<pre class="fatal">liteml: this page failed to start: ${esc(String(err))}</pre>`;
  throw err;
}
