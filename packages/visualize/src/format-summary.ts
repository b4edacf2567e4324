// formatSummary: the text the CLI's `inspect` prints.
import { fmtBytes, fmtInt, fmtNum, fmtShape } from './format';
import type { ModelSummary, OpCount, TensorSummary } from './summary';

function quantText(q: TensorSummary['quant']): string {
  if (!q) return '';
  if (q.scale.length === 1) return `  quant scale=${fmtNum(q.scale[0]!)} zero_point=${q.zeroPoint[0] ?? 0}`;
  return `  quant per-axis axis=${q.axis ?? 0} channels=${q.scale.length}`;
}

function tensorLine(t: TensorSummary, key?: string): string {
  const shape = t.shape === undefined ? '?' : `[${fmtShape(t.shape, ',').replace('scalar', '')}]`;
  const sig = t.shapeSignature ? ` signature=[${fmtShape(t.shapeSignature, ',')}]` : '';
  const name = key !== undefined && key !== t.name ? `${key} → ${t.name || '(unnamed)'}` : t.name || '(unnamed)';
  return `${name}  ${t.dtype}${shape}${sig}${quantText(t.quant)}`;
}

function histLines(h: OpCount[], indent: string): string[] {
  const w = Math.max(...h.map((o) => o.op.length), 2);
  return h.map((o) => `${indent}${o.op.padEnd(w)}  ${String(o.count).padStart(5)}`);
}

function plural(n: number, word: string): string {
  return `${fmtInt(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** Plain text, one fact per line, stable order (tests and users diff it). */
export function formatSummary(s: ModelSummary): string {
  const out: string[] = [];
  const head = s.description ? `Model: ${s.description}` : 'Model';
  out.push(s.version !== undefined ? `${head} (schema version ${s.version})` : head);
  out.push(
    `Subgraphs: ${s.graphs.length}  Nodes: ${fmtInt(s.nodeCount)}  Signatures: ${s.signatures.length}` +
      (s.variables ? `  Variable tensors: ${s.variables}` : ''),
  );
  out.push(`Parameters: ${fmtInt(s.parameters.count)} in ${plural(s.parameters.tensors, 'constant tensor')} (${fmtBytes(s.parameters.bytes)})`);
  if (s.metadata.length) out.push(`Metadata: ${s.metadata.map((m) => `${m.name} (${fmtBytes(m.bytes)})`).join(', ')}`);
  for (const g of s.graphs) {
    out.push('');
    out.push(`Subgraph ${g.index}${g.name ? ` "${g.name}"` : ''}: ${plural(g.nodeCount, 'node')}, ${plural(g.parameters.count, 'parameter')} (${fmtBytes(g.parameters.bytes)})`);
    if (g.calls.length) out.push(`  Calls subgraphs: ${g.calls.join(', ')}`);
    out.push(`  Inputs (${g.inputs.length}):`);
    for (const t of g.inputs) out.push(`    ${tensorLine(t)}`);
    out.push(`  Outputs (${g.outputs.length}):`);
    for (const t of g.outputs) out.push(`    ${tensorLine(t)}`);
    if (g.likelyOutputs.length) {
      out.push(`  Likely outputs (${g.likelyOutputs.length}):`);
      for (const n of g.likelyOutputs.slice(0, 20)) out.push(`    ${n.name || '(unnamed)'} (${n.op})`);
      if (g.likelyOutputs.length > 20) out.push(`    … ${g.likelyOutputs.length - 20} more`);
    }
    if (g.opHistogram.length) {
      out.push(`  Ops (${plural(g.opHistogram.length, 'kind')}):`);
      out.push(...histLines(g.opHistogram, '    '));
    }
  }
  if (s.signatures.length) {
    out.push('');
    out.push('Signatures:');
    for (const sig of s.signatures) {
      out.push(`  ${sig.key} (subgraph ${sig.graphIndex})`);
      for (const t of sig.inputs) out.push(`    in   ${tensorLine(t, t.key)}`);
      for (const t of sig.outputs) out.push(`    out  ${tensorLine(t, t.key)}`);
    }
  }
  if (s.graphs.length > 1 && s.opHistogram.length) {
    out.push('');
    out.push(`All ops (${plural(s.opHistogram.length, 'kind')}):`);
    out.push(...histLines(s.opHistogram, '  '));
  }
  return `${out.join('\n')}\n`;
}
