// Text rendering of a QuantizationReport for the CLI.
import { denylistHint } from './report';
import type { QuantizationReport } from './types';

export interface FormatReportOptions {
  /** Show only the N layers with the lowest SNR (default: every layer, in graph order). */
  worst?: number;
}

const num = (x: number | null, digits = 4): string =>
  x === null ? '-' : Number.isFinite(x) ? (Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(2) : x.toFixed(digits)) : x > 0 ? 'inf' : '-inf';
const db = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : x > 0 ? 'inf' : '-inf');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatReport(report: QuantizationReport, options: FormatReportOptions = {}): string {
  let layers = report.layers;
  if (options.worst !== undefined) layers = [...layers].sort((a, b) => a.snrDb - b.snrDb).slice(0, options.worst);
  const short = (s: string) => (s.length > 48 ? `…${s.slice(-47)}` : s);
  const parts: string[] = [`Quantization report (${report.samples} sample${report.samples === 1 ? '' : 's'})`, ''];
  parts.push(table(['layer', 'op', 'dtype', 'scale', 'zp', 'SNR dB', 'cosine', 'max|err|', 'MSE'], layers.map((l) => [
    short(l.name), l.op.replace(/^tfl\./, ''), l.dtype, num(l.scale, 6), l.zeroPoint === null ? '-' : String(l.zeroPoint),
    db(l.snrDb), l.cosine.toFixed(5), num(l.maxAbsError), num(l.mse),
  ])));
  const fromFakeQuant = layers.filter((l) => l.rangeFrom === 'fakeQuant').map((l) => l.name);
  if (fromFakeQuant.length > 0) parts.push('', `Range from FakeQuant (quantization-aware training), not calibration: ${fromFakeQuant.join(', ')}`);
  parts.push('', 'Outputs');
  parts.push(table(['output', 'SNR dB', 'cosine', 'max|err|', 'top-1 agreement'], report.outputs.map((o) => [
    short(o.name), db(o.snrDb), o.cosine.toFixed(5), num(o.maxAbsError),
    Number.isNaN(o.top1Agreement) ? '-' : `${(100 * o.top1Agreement).toFixed(1)}%`,
  ])));
  parts.push('');
  if (report.suggestions.length === 0) parts.push('No layer dominates the error.');
  else {
    parts.push('Suggestions');
    for (const s of report.suggestions) parts.push(`  - ${s.message}`);
    if (report.suggestions.length > 1) parts.push(`  All of them: ${denylistHint(report.suggestions.map((s) => s.name))}`);
  }
  return parts.join('\n');
}
