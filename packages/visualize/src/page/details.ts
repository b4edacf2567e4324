// The side panel: everything about one node or one tensor.
import type { PageBuffer, PageGraph, PageOverlay, PageValue } from '../payload-types';
import { labelOf } from './labels';
import { esc } from './dom';

export interface DetailLinks {
  /** data-goto-node / data-goto-value / data-goto-graph attributes are wired by the caller. */
  overlays: PageOverlay[];
  buffers: PageBuffer[];
}

function row(k: string, v: string, cls = ''): string {
  return `<tr><th>${esc(k)}</th><td class="${cls}">${esc(v)}</td></tr>`;
}

function valueBlock(g: PageGraph, vi: number, port: string, showProducer: boolean, buffers: PageBuffer[]): string {
  if (vi < 0) return `<div class="tensor omitted"><span class="port">${esc(port)}</span> <em>omitted (optional)</em></div>`;
  const v: PageValue = g.values[vi]!;
  let s = `<div class="tensor"><div class="tensor-head">${port ? `<span class="port">${esc(port)}</span>` : ''}`;
  s += `<a href="#" class="tname clamp" data-goto-value="${vi}" title="${esc(v.name)}">${esc(v.name || `#${v.id}`)}</a>`;
  s += `<span class="ttype">${esc(labelOf(v))}</span></div><table class="kv">`;
  s += row('tensor', `#${v.id}`);
  if (v.shapeSignature && v.shapeSignature !== v.shape) s += row('shape signature', v.shapeSignature);
  if (v.buffer !== undefined) s += row('buffer', `${v.buffer}${v.bytes !== undefined ? ` (${v.bytes.toLocaleString('en-US')} bytes)` : ''}`);
  if (v.variable) s += row('variable', 'yes');
  if (v.sparse) s += row('sparsity', 'sparse tensor');
  if (v.quantDetail) for (const [k, x] of v.quantDetail) s += row(`quant ${k}`, x, 'mono');
  const b = v.buffer !== undefined ? buffers[v.buffer] : undefined;
  if (b?.preview) s += row('values', b.preview, 'mono');
  if (b?.stats) s += row('stats', b.stats, 'mono');
  if (showProducer && v.producer >= 0) {
    const p = g.nodes[v.producer]!;
    s += `<tr><th>from</th><td><a href="#" class="clamp" title="${esc(p.name)}" data-goto-node="${p.index}">${esc(p.label)} ${esc(p.name)}</a></td></tr>`;
  }
  return `${s}</table></div>`;
}

function consumersOf(g: PageGraph, vi: number): number[] {
  return g.nodes.filter((n) => n.inputs.includes(vi)).map((n) => n.index);
}

export function nodeDetails(g: PageGraph, index: number, links: DetailLinks, colors: Record<string, string>): string {
  const n = g.nodes[index]!;
  let s = `<div class="panel-head"><span class="chip" style="background:${colors[n.category] ?? '#ddd'}">${esc(n.category)}</span>`;
  s += `<h2>${esc(n.label)}</h2><div class="muted">${esc(n.op)} · node ${n.index}${n.version !== undefined ? ` · v${n.version}` : ''}</div></div>`;
  s += `<table class="kv"><tr><th>name</th><td class="mono"><div class="clamp expandable" title="${esc(n.name)}">${esc(n.name || '(unnamed)')}</div></td></tr></table>`;
  for (const ov of links.overlays) {
    const o = ov.perGraph[g.index]?.[index];
    if (o) s += `<div class="overlay-note" style="border-color:${o.color}"><b>${esc(ov.kind)}</b> ${esc(o.text)}</div>`;
  }
  if (n.subgraphs?.length) {
    s += '<h3>Subgraphs</h3><div class="links">';
    for (const sg of n.subgraphs) s += `<button class="link" data-goto-graph="${sg.index}">${esc(sg.attr)} → subgraph ${sg.index}</button>`;
    s += '</div>';
  }
  if (n.attrs.length) {
    s += '<h3>Attributes</h3><table class="kv attrs">';
    for (const [k, v] of n.attrs) s += row(k, v, 'mono');
    s += '</table>';
  }
  s += `<h3>Inputs (${n.inputs.length})</h3>`;
  n.inputs.forEach((vi, k) => (s += valueBlock(g, vi, n.inputNames[k] || `input ${k}`, true, links.buffers)));
  s += `<h3>Outputs (${n.outputs.length})</h3>`;
  n.outputs.forEach((vi, k) => {
    s += valueBlock(g, vi, n.outputNames[k] || `output ${k}`, false, links.buffers);
    const cons = consumersOf(g, vi);
    if (cons.length) {
      s += `<div class="consumers">to ${cons
        .slice(0, 20)
        .map((c) => `<a href="#" data-goto-node="${c}">${esc(g.nodes[c]!.label)}</a>`)
        .join(', ')}${cons.length > 20 ? ` … ${cons.length - 20} more` : ''}</div>`;
    }
  });
  if (n.intermediates?.length) {
    s += `<h3>Intermediates (${n.intermediates.length})</h3>`;
    n.intermediates.forEach((vi, k) => (s += valueBlock(g, vi, `intermediate ${k}`, false, links.buffers)));
  }
  return s;
}

export function valueDetails(g: PageGraph, vi: number, buffers: PageBuffer[]): string {
  const v = g.values[vi]!;
  const role = g.inputs.includes(vi) ? 'graph input' : g.outputs.includes(vi) ? 'graph output' : v.buffer !== undefined ? 'constant' : 'tensor';
  let s = `<div class="panel-head"><span class="chip">${esc(role)}</span><h2>${esc(v.name || `#${v.id}`)}</h2><div class="muted">${esc(labelOf(v))}</div></div>`;
  s += valueBlock(g, vi, '', true, buffers);
  const cons = consumersOf(g, vi);
  if (cons.length) {
    s += `<h3>Consumers (${cons.length})</h3><div class="links">`;
    for (const c of cons.slice(0, 50)) s += `<a href="#" data-goto-node="${c}">${esc(g.nodes[c]!.label)} ${esc(g.nodes[c]!.name)}</a><br>`;
    s += '</div>';
  }
  return s;
}
