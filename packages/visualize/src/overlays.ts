// Overlays: per-node timings (`liteml benchmark --profile --json`), per-layer quantization error
// (quantize's report) and a structural diff, turned into node colors, legends and tables.
import type { Model } from '@liteml/graph-ir';
import type { ModelDiff } from './diff';
import { VisualizeError } from './errors';
import { fmtNum } from './format';
import type { PageOverlay } from './payload-types';

/** Per-node timings, as `liteml benchmark --profile --json` writes them. */
export interface ProfileReport {
  /** Graph the indices refer to (default 0, the main graph). */
  graph?: number;
  nodes: { index: number; name: string; op: string; ms: number; backend: string }[];
  /** Optional: wall time of a whole invoke and the number of runs averaged. */
  totalMs?: number;
  runs?: number;
}

/** Per-layer quantization error, as @liteml/quantize reports it (name = node or output tensor name). */
export interface QuantReport {
  layers: { name: string; mse: number; maxAbsError: number; cosine: number }[];
}

const HEAT = ['#fff3c4', '#fed98e', '#fdae61', '#f46d43', '#d73027'];
const QUALITY = ['#a6d96a', '#d9ef8b', '#fee08b', '#fdae61', '#f46d43'];

function fail(code: 'INVALID_PROFILE' | 'INVALID_QUANT_REPORT', what: string, path: string): never {
  const doc = code === 'INVALID_PROFILE' ? '{ nodes: [{ index, name, op, ms, backend }] }' : '{ layers: [{ name, mse, maxAbsError, cosine }] }';
  throw new VisualizeError(code, `${what} at ${path}; expected ${doc}`, [path]);
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

/** Checks a profile read from JSON; throws VisualizeError('INVALID_PROFILE') naming the bad field. */
export function checkProfile(p: unknown): ProfileReport {
  if (!p || typeof p !== 'object' || !Array.isArray((p as ProfileReport).nodes)) fail('INVALID_PROFILE', 'missing array', 'profile.nodes');
  const r = p as ProfileReport;
  if (r.graph !== undefined && !(Number.isInteger(r.graph) && r.graph >= 0)) fail('INVALID_PROFILE', 'not a graph index', 'profile.graph');
  r.nodes.forEach((n, i) => {
    const at = `profile.nodes[${i}]`;
    if (!n || typeof n !== 'object') fail('INVALID_PROFILE', 'not an object', at);
    if (!Number.isInteger(n.index) || n.index < 0) fail('INVALID_PROFILE', 'index is not a node index', `${at}.index`);
    if (!isNum(n.ms) || n.ms < 0) fail('INVALID_PROFILE', 'ms is not a non-negative number', `${at}.ms`);
    if (typeof n.name !== 'string') fail('INVALID_PROFILE', 'name is not a string', `${at}.name`);
    if (typeof n.op !== 'string') fail('INVALID_PROFILE', 'op is not a string', `${at}.op`);
    if (typeof n.backend !== 'string') fail('INVALID_PROFILE', 'backend is not a string', `${at}.backend`);
  });
  return r;
}

/** Checks a quantization report read from JSON; throws VisualizeError('INVALID_QUANT_REPORT'). */
export function checkQuantReport(q: unknown): QuantReport {
  if (!q || typeof q !== 'object' || !Array.isArray((q as QuantReport).layers)) fail('INVALID_QUANT_REPORT', 'missing array', 'quantReport.layers');
  const r = q as QuantReport;
  r.layers.forEach((l, i) => {
    const at = `quantReport.layers[${i}]`;
    if (!l || typeof l !== 'object' || typeof l.name !== 'string') fail('INVALID_QUANT_REPORT', 'name is not a string', `${at}.name`);
    for (const k of ['mse', 'maxAbsError', 'cosine'] as const) {
      if (!isNum(l[k])) fail('INVALID_QUANT_REPORT', `${k} is not a number`, `${at}.${k}`);
    }
  });
  return r;
}

export function profileOverlay(model: Model, p: ProfileReport): PageOverlay {
  const gi = p.graph ?? 0;
  const graph = model.graphs[gi];
  if (!graph) throw new VisualizeError('INVALID_PROFILE', `profile.graph ${gi} does not exist (the model has ${model.graphs.length} graphs)`, ['profile.graph']);
  const byName = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (n.name && !byName.has(n.name)) byName.set(n.name, i);
  });
  const total = p.totalMs ?? p.nodes.reduce((a, n) => a + n.ms, 0);
  const max = Math.max(1e-9, ...p.nodes.map((n) => n.ms));
  const nodes: Record<number, { color: string; text: string }> = {};
  const rows: (string | number)[][] = [];
  for (const e of p.nodes) {
    const byIndex = graph.nodes[e.index];
    const idx = byIndex && (byIndex.name === e.name || !e.name) ? e.index : byName.get(e.name);
    const share = total > 0 ? (100 * e.ms) / total : 0;
    const bin = Math.min(HEAT.length - 1, Math.floor(Math.sqrt(e.ms / max) * HEAT.length));
    if (idx !== undefined) nodes[idx] = { color: HEAT[bin]!, text: `${fmtNum(e.ms, 3)} ms · ${share.toFixed(1)}% · ${e.backend}` };
    rows.push([idx ?? '(not in model)', e.name, e.op, Number(e.ms.toFixed(4)), Number(share.toFixed(2)), e.backend]);
  }
  rows.sort((a, b) => (b[3] as number) - (a[3] as number));
  const legend = HEAT.map((color, i) => ({ color, label: `≤ ${fmtNum(max * ((i + 1) / HEAT.length) ** 2, 3)} ms` }));
  const runs = p.runs ? `, mean of ${p.runs} runs` : '';
  return {
    kind: 'profile',
    title: `Profile: ${fmtNum(total, 4)} ms total${runs}`,
    legend,
    perGraph: { [gi]: nodes },
    table: { columns: ['node', 'name', 'op', 'ms', '%', 'backend'], rows },
  };
}

export function quantOverlay(model: Model, q: QuantReport): PageOverlay {
  const graph = model.graphs[0]!;
  const byName = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    for (const nm of [n.name, ...n.outputs.map((o) => o.name)]) if (nm && !byName.has(nm)) byName.set(nm, i);
  });
  const bounds = [1e-4, 1e-3, 1e-2, 5e-2];
  const nodes: Record<number, { color: string; text: string }> = {};
  const rows: (string | number)[][] = [];
  for (const l of q.layers) {
    const idx = byName.get(l.name);
    const loss = 1 - l.cosine;
    let bin = bounds.findIndex((b) => loss < b);
    if (bin < 0) bin = QUALITY.length - 1;
    if (idx !== undefined) {
      nodes[idx] = { color: QUALITY[bin]!, text: `cosine ${fmtNum(l.cosine, 6)} · mse ${fmtNum(l.mse, 4)} · max|err| ${fmtNum(l.maxAbsError, 4)}` };
    }
    rows.push([idx ?? '(not in model)', l.name, fmtNum(l.cosine, 6), fmtNum(l.mse, 4), fmtNum(l.maxAbsError, 4)]);
  }
  rows.sort((a, b) => Number(a[2]) - Number(b[2]));
  const legend = [
    { color: QUALITY[0]!, label: 'cosine > 0.9999' },
    { color: QUALITY[1]!, label: '> 0.999' },
    { color: QUALITY[2]!, label: '> 0.99' },
    { color: QUALITY[3]!, label: '> 0.95' },
    { color: QUALITY[4]!, label: '≤ 0.95' },
  ];
  return {
    kind: 'quant',
    title: `Quantization error: ${q.layers.length} layers`,
    legend,
    perGraph: { 0: nodes },
    table: { columns: ['node', 'layer', 'cosine', 'mse', 'max |err|'], rows },
  };
}

export const DIFF_COLORS = { added: '#7fcf7f', changed: '#f6c04f', unchanged: '#e4e7eb' };

export function diffOverlay(d: ModelDiff, baseLabel: string, model: Model): PageOverlay {
  const perGraph: PageOverlay['perGraph'] = {};
  for (const i of d.graphsAdded) {
    const m: Record<number, { color: string; text: string }> = {};
    model.graphs[i]?.nodes.forEach((_n, j) => (m[j] = { color: DIFF_COLORS.added, text: `added (subgraph not in ${baseLabel})` }));
    perGraph[i] = m;
  }
  const rows: (string | number)[][] = [];
  for (const g of d.graphs) {
    const m: Record<number, { color: string; text: string }> = {};
    for (const a of g.added) {
      m[a.index] = { color: DIFF_COLORS.added, text: `added (not in ${baseLabel})` };
      rows.push([g.index, 'added', a.name, a.op, '']);
    }
    for (const c of g.changed) {
      const what = c.changes.map((x) => `${x.field}: ${x.before} → ${x.after}`);
      m[c.indexB] = { color: DIFF_COLORS.changed, text: `changed: ${what.slice(0, 3).join('; ')}${what.length > 3 ? '; …' : ''}` };
      rows.push([g.index, 'changed', c.name, c.op, what.join('\n')]);
    }
    for (const r of g.removed) rows.push([g.index, 'removed', r.name, r.op, `node ${r.index} of ${baseLabel}`]);
    for (const x of [...g.inputs, ...g.outputs]) rows.push([g.index, 'changed', x.field, '', `${x.before} → ${x.after}`]);
    perGraph[g.index] = m;
  }
  for (const i of d.graphsAdded) rows.push([i, 'added', `subgraph ${i}`, '', '']);
  for (const i of d.graphsRemoved) rows.push([i, 'removed', `subgraph ${i}`, '', '']);
  const t = d.totals;
  return {
    kind: 'diff',
    title: `Diff against ${baseLabel}: ${t.added} added, ${t.removed} removed, ${t.changed} changed, ${t.unchanged} unchanged`,
    legend: [
      { color: DIFF_COLORS.added, label: 'added' },
      { color: DIFF_COLORS.changed, label: 'changed' },
      { color: DIFF_COLORS.unchanged, label: 'unchanged' },
    ],
    perGraph,
    table: { columns: ['graph', 'kind', 'name', 'op', 'details'], rows },
  };
}
