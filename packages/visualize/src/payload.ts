// Model → PagePayload: everything the page shows, formatted here so the page stays small.
import { getOpSchema, isSubgraphAttr, type AttrValue, type Model, type Node } from '@liteml/graph-ir';
import { categoryColor, categoryOf } from './categories';
import { previewConstant } from './decode';
import { diffModels } from './diff';
import { VisualizeError } from './errors';
import { formatSummary } from './format-summary';
import { fmtBytes, fmtQuant, fmtShape, quantRows, valueLabel } from './format';
import { indexModel, type GraphIndex } from './model-index';
import { checkProfile, checkQuantReport, diffOverlay, profileOverlay, quantOverlay } from './overlays';
import type { PageBuffer, PageGraph, PageNode, PageOpcode, PagePayload, PageValue } from './payload-types';
import type { RenderOptions } from './render-options';
import { summarizeModel } from './summary';

function attrText(op: string, k: string, a: AttrValue): string {
  if (a === undefined || a === null) return String(a);
  if (a instanceof Uint8Array) {
    const hex = [...a.subarray(0, 24)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    return `${a.byteLength} bytes${a.byteLength ? `: ${hex}${a.byteLength > 24 ? ' …' : ''}` : ''}`;
  }
  if (typeof a === 'bigint') return a.toString();
  if (Array.isArray(a)) {
    const xs = (a as unknown[]).map((x) => String(x));
    return `[${xs.slice(0, 64).join(', ')}${xs.length > 64 ? `, … (${xs.length})` : ''}]`;
  }
  if (typeof a === 'object') return JSON.stringify(a, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? `bytes(${v.byteLength})` : v));
  if (typeof a === 'number' && isSubgraphAttr(op, k)) return `subgraph ${a}`;
  return String(a);
}

/** Names of a node's inputs from its schema: 'input', 'filter', 'bias' ('values 0', 'values 1' for variadic). */
function portNames(spec: readonly string[] | undefined, n: number): string[] {
  const out: string[] = [];
  if (!spec) return new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    const s = spec[Math.min(i, spec.length - 1)];
    if (s === undefined) {
      out.push('');
      continue;
    }
    const variadic = s.endsWith('*');
    const base = s.replace(/[?*]$/, '');
    if (i >= spec.length && !variadic) out.push('');
    else out.push(variadic ? `${base} ${i - (spec.length - 1)}` : base);
  }
  return out;
}

function buildGraph(model: Model, gi: number, g: GraphIndex, bufferOf: Map<unknown, number>): PageGraph {
  const values: PageValue[] = g.values.map((v) => {
    const pv: PageValue = {
      id: v.id,
      name: v.name,
      dtype: v.dtype,
      shape: fmtShape(v.shape),
      producer: g.producer.get(v) ?? -1,
    };
    if (v.shapeSignature) pv.shapeSignature = fmtShape(v.shapeSignature);
    const q = fmtQuant(v.quant);
    if (q) pv.quant = q;
    const qr = quantRows(v.quant);
    if (qr) pv.quantDetail = qr;
    const b = bufferOf.get(v);
    if (b !== undefined) pv.buffer = b;
    if (v.data) pv.bytes = v.data.byteLength;
    if (v.isVariable) pv.variable = true;
    if (v.sparsity !== undefined) pv.sparse = true;
    return pv;
  });
  const idx = (v: unknown) => (v ? g.indexOf.get(v as never) ?? -1 : -1);
  const nodes: PageNode[] = g.graph.nodes.map((n: Node, i) => {
    const schema = getOpSchema(n.op);
    const custom = typeof n.attrs.customCode === 'string' ? n.attrs.customCode : undefined;
    const dot = n.op.indexOf('.');
    const label = custom ?? (dot >= 0 ? n.op.slice(dot + 1) : n.op);
    const inputNames = portNames(schema?.inputs, n.inputs.length);
    const consts: string[] = [];
    n.inputs.forEach((v, k) => {
      if (v?.data && consts.length < 3) consts.push(`${inputNames[k] || `in${k}`} ⟨${fmtShape(v.shape)}⟩`);
    });
    const subgraphs: { attr: string; index: number }[] = [];
    const attrs: [string, string][] = [];
    for (const [k, a] of Object.entries(n.attrs)) {
      attrs.push([k, attrText(n.op, k, a)]);
      if (!isSubgraphAttr(n.op, k)) continue;
      for (const x of typeof a === 'number' ? [a] : Array.isArray(a) ? (a as unknown[]) : []) {
        if (typeof x === 'number' && x >= 0 && x < model.graphs.length) subgraphs.push({ attr: k, index: x });
      }
    }
    const pn: PageNode = {
      index: i,
      op: n.op,
      label,
      name: n.name,
      category: categoryOf(n.op),
      inputs: n.inputs.map(idx),
      inputNames,
      outputs: n.outputs.map(idx),
      outputNames: portNames(schema?.outputs, n.outputs.length),
      attrs,
      consts,
    };
    const inter = (n as Node & { intermediates?: unknown[] }).intermediates;
    if (inter?.length) pn.intermediates = inter.map(idx);
    if (n.version !== undefined) pn.version = n.version;
    if (subgraphs.length) pn.subgraphs = subgraphs;
    return pn;
  });
  return { index: gi, name: g.graph.name, inputs: g.graph.inputs.map(idx), outputs: g.graph.outputs.map(idx), values, nodes };
}

function metadataText(data: Uint8Array): string | undefined {
  if (data.byteLength > 256) return undefined;
  const s = new TextDecoder('utf-8', { fatal: false }).decode(data).replace(/\0+$/, '');
  return /^[\x20-\x7e\t\n\r]*$/.test(s) ? s : undefined;
}

export function buildPayload(model: Model, options: RenderOptions = {}): PagePayload {
  if (!model || !Array.isArray(model.graphs)) {
    throw new VisualizeError('INVALID_MODEL', 'renderHtml expects a graph-ir Model (with a graphs array); import the file first, e.g. with importTflite');
  }
  if (options.diff !== undefined && !Array.isArray(options.diff?.base?.graphs)) {
    throw new VisualizeError('INVALID_OPTION', 'options.diff.base must be a graph-ir Model to compare against', ['diff.base']);
  }
  if (options.title !== undefined && typeof options.title !== 'string') {
    throw new VisualizeError('INVALID_OPTION', 'options.title must be a string', ['title']);
  }
  const { graphs, buffers } = indexModel(model);
  const pageGraphs = graphs.map((g, gi) => buildGraph(model, gi, g, buffers.of as Map<unknown, number>));
  const previews = options.constantPreviews !== false;
  const opcodes = new Map<string, PageOpcode>();
  for (const g of model.graphs) {
    for (const n of g.nodes) {
      const custom = typeof n.attrs.customCode === 'string' ? n.attrs.customCode : undefined;
      const version = n.version ?? 1;
      const key = `${n.op}\0${custom ?? ''}\0${version}`;
      const e = opcodes.get(key);
      if (e) e.count++;
      else {
        const oc: PageOpcode = { index: opcodes.size, op: n.op, version, count: 1 };
        const code = getOpSchema(n.op)?.builtinCode;
        if (code !== undefined) oc.builtinCode = code;
        if (custom !== undefined) oc.customCode = custom;
        opcodes.set(key, oc);
      }
    }
  }
  const categories: Record<string, string> = {};
  for (const g of pageGraphs) for (const n of g.nodes) categories[n.category] ??= categoryColor(n.category);
  const overlays: PagePayload['overlays'] = [];
  if (options.profile !== undefined) overlays.push(profileOverlay(model, checkProfile(options.profile)));
  if (options.quantReport !== undefined) overlays.push(quantOverlay(model, checkQuantReport(options.quantReport)));
  if (options.diff) {
    const label = options.diff.label ?? 'base model';
    overlays.push(diffOverlay(diffModels(options.diff.base, model), label, model));
  }
  const summary = summarizeModel(model);
  const title = options.title ?? model.description ?? 'model';
  const params = `${summary.parameters.count.toLocaleString('en-US')} parameters (${fmtBytes(summary.parameters.bytes)})`;
  return {
    title,
    subtitle: `${summary.nodeCount.toLocaleString('en-US')} nodes · ${model.graphs.length} subgraph${model.graphs.length === 1 ? '' : 's'} · ${params}`,
    summaryText: formatSummary(summary),
    graphs: pageGraphs,
    signatures: model.signatures.map((s) => {
      const g = graphs[s.graphIndex];
      const io = (x: { name: string; value: { name: string } & Parameters<typeof valueLabel>[0] }) => ({
        name: x.name,
        tensor: `${x.value.name}${g?.indexOf.has(x.value) ? ` (#${x.value.id})` : ''}`,
        label: valueLabel(x.value),
      });
      return { key: s.key, graphIndex: s.graphIndex, inputs: s.inputs.map(io), outputs: s.outputs.map(io) };
    }),
    opcodes: [...opcodes.values()],
    buffers: buffers.list.map((b) => {
      const pb: PageBuffer = { index: b.index, bytes: b.bytes, users: b.users.map((u) => `${u.graph}:${u.value.name || `#${u.value.id}`}`) };
      const first = b.users[0]?.value;
      const p = previews && first?.data ? previewConstant(first.dtype, first.data) : undefined;
      if (p) {
        pb.preview = p.preview;
        if (p.stats) pb.stats = p.stats;
      }
      return pb;
    }),
    metadata: model.metadata.map((m) => {
      const e: { name: string; bytes: number; text?: string } = { name: m.name, bytes: m.data.byteLength };
      const t = metadataText(m.data);
      if (t !== undefined) e.text = t;
      return e;
    }),
    categories,
    overlays,
  };
}
