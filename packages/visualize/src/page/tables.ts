// The tables of TFLite's visualize.py (tensors, ops, buffers, operator codes) plus signatures,
// metadata and overlay tables: filterable, sortable, long ones shown in pages.
import type { PageGraph, PagePayload } from '../payload-types';
import { esc } from './dom';

export interface TableSpec {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** Per row: node index to jump to when clicked. */
  nodeOf?: (number | undefined)[];
  mono?: number[];
}

const PAGE = 1000;

export function renderTable(host: HTMLElement, spec: TableSpec, onNode?: (i: number) => void): void {
  host.innerHTML = '';
  const head = document.createElement('div');
  head.className = 'table-head';
  head.innerHTML = `<h2>${esc(spec.title)}</h2><input type="search" class="filter" placeholder="Filter rows…" aria-label="Filter rows"><span class="muted count"></span>`;
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  host.append(head, wrap);
  const filter = head.querySelector('input')!;
  const count = head.querySelector('.count')!;
  let sortCol = -1;
  let sortDir = 1;
  let limit = PAGE;
  const order = spec.rows.map((_, i) => i);
  const text = spec.rows.map((r) => r.join('\u0001').toLowerCase());
  const draw = () => {
    const q = filter.value.trim().toLowerCase();
    let idx = q ? order.filter((i) => text[i]!.includes(q)) : order.slice();
    if (sortCol >= 0) {
      idx = idx.sort((a, b) => {
        const x = spec.rows[a]![sortCol]!;
        const y = spec.rows[b]![sortCol]!;
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true });
        return c * sortDir;
      });
    }
    count.textContent = `${idx.length.toLocaleString('en-US')} of ${spec.rows.length.toLocaleString('en-US')} rows`;
    let h = '<table class="data"><thead><tr>';
    spec.columns.forEach((c, i) => (h += `<th data-col="${i}" class="${i === sortCol ? (sortDir > 0 ? 'asc' : 'desc') : ''}">${esc(c)}</th>`));
    h += '</tr></thead><tbody>';
    for (const i of idx.slice(0, limit)) {
      const node = spec.nodeOf?.[i];
      h += `<tr${node !== undefined ? ` data-node="${node}" class="clickable"` : ''}>`;
      spec.rows[i]!.forEach((c, k) => (h += `<td${spec.mono?.includes(k) ? ' class="mono"' : ''}>${esc(String(c))}</td>`));
      h += '</tr>';
    }
    h += '</tbody></table>';
    if (idx.length > limit) h += `<button class="more">Show ${Math.min(PAGE, idx.length - limit).toLocaleString('en-US')} more</button>`;
    wrap.innerHTML = h;
  };
  filter.addEventListener('input', () => {
    limit = PAGE;
    draw();
  });
  wrap.addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    if (t.matches('button.more')) {
      limit += PAGE;
      draw();
      return;
    }
    const th = t.closest('th[data-col]') as HTMLElement | null;
    if (th) {
      const c = Number(th.dataset.col);
      sortDir = sortCol === c ? -sortDir : 1;
      sortCol = c;
      draw();
      return;
    }
    const tr = t.closest('tr[data-node]') as HTMLElement | null;
    if (tr && onNode) onNode(Number(tr.dataset.node));
  });
  draw();
}

function ids(g: PageGraph, xs: number[]): string {
  return xs.map((i) => (i < 0 ? '-1' : String(g.values[i]!.id))).join(', ');
}

export function tensorsTable(g: PageGraph): TableSpec {
  return {
    title: `Tensors of subgraph ${g.index}`,
    columns: ['#', 'name', 'type', 'shape', 'shape signature', 'buffer', 'bytes', 'quantization'],
    rows: g.values.map((v) => [v.id, v.name, v.dtype, v.shape, v.shapeSignature ?? '', v.buffer ?? '', v.bytes ?? '', v.quant ?? '']),
    nodeOf: g.values.map((v) => (v.producer >= 0 ? v.producer : undefined)),
    mono: [3, 4, 7],
  };
}

export function opsTable(g: PageGraph): TableSpec {
  return {
    title: `Ops of subgraph ${g.index}`,
    columns: ['#', 'opcode', 'name', 'inputs', 'outputs', 'options'],
    rows: g.nodes.map((n) => [n.index, n.op === 'tfl.CUSTOM' ? `${n.op} (${n.label})` : n.op, n.name, ids(g, n.inputs), ids(g, n.outputs), n.attrs.map(([k, v]) => `${k}=${v}`).join(', ')]),
    nodeOf: g.nodes.map((n) => n.index),
    mono: [3, 4, 5],
  };
}

export function buffersTable(p: PagePayload): TableSpec {
  return {
    title: 'Buffers',
    columns: ['#', 'bytes', 'used by'],
    rows: p.buffers.map((b) => [b.index, b.bytes, b.users.join(', ')]),
  };
}

export function opcodesTable(p: PagePayload): TableSpec {
  return {
    title: 'Operator codes',
    columns: ['#', 'op', 'builtin code', 'custom code', 'version', 'nodes'],
    rows: p.opcodes.map((o) => [o.index, o.op, o.builtinCode ?? '', o.customCode ?? '', o.version, o.count]),
  };
}

export function signaturesHtml(p: PagePayload): string {
  if (!p.signatures.length) return '<h2>Signatures</h2><p class="muted">This model has no signatures.</p>';
  let s = '<h2>Signatures</h2>';
  for (const sig of p.signatures) {
    s += `<h3>${esc(sig.key)} <span class="muted">subgraph ${sig.graphIndex}</span></h3><table class="data"><thead><tr><th></th><th>name</th><th>tensor</th><th>type</th></tr></thead><tbody>`;
    for (const x of sig.inputs) s += `<tr><td>input</td><td>${esc(x.name)}</td><td class="mono">${esc(x.tensor)}</td><td class="mono">${esc(x.label)}</td></tr>`;
    for (const x of sig.outputs) s += `<tr><td>output</td><td>${esc(x.name)}</td><td class="mono">${esc(x.tensor)}</td><td class="mono">${esc(x.label)}</td></tr>`;
    s += '</tbody></table>';
  }
  return s;
}

export function summaryHtml(p: PagePayload): string {
  let s = `<h2>Summary</h2><pre class="summary">${esc(p.summaryText)}</pre>`;
  if (p.metadata.length) {
    s += '<h3>Metadata</h3><table class="data"><thead><tr><th>name</th><th>bytes</th><th>value</th></tr></thead><tbody>';
    for (const m of p.metadata) s += `<tr><td>${esc(m.name)}</td><td>${m.bytes}</td><td class="mono">${esc(m.text ?? '')}</td></tr>`;
    s += '</tbody></table>';
  }
  return s;
}
