// Small text formatters shared by the summary, the diff and the page payload.
import type { QuantParams, Shape, Value } from '@liteml/graph-ir';

/** '1×224×224×3'; '?' for unranked; 'scalar' for rank 0; symbolic dims by name, -1 as '?'. */
export function fmtShape(shape: Shape | undefined, sep = '×'): string {
  if (shape === undefined) return '?';
  if (shape.length === 0) return 'scalar';
  return shape.map((d) => (typeof d === 'string' ? d : d < 0 ? '?' : String(d))).join(sep);
}

/** 'f32[1,224,224,3]' */
export function fmtType(v: { dtype: string; shape: Shape | undefined }): string {
  return `${v.dtype}[${v.shape === undefined ? '?' : fmtShape(v.shape, ',').replace('scalar', '')}]`;
}

/** 1234567 → '1,234,567' */
export function fmtInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Bytes in B/KiB/MiB/GiB with 3 significant digits. */
export function fmtBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)} ${units[u]}`;
}

/** A number with at most `digits` significant digits, no trailing noise. */
export function fmtNum(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e9) return String(Number(x.toPrecision(digits)));
  return x.toExponential(Math.max(0, digits - 2));
}

function list(xs: readonly number[], max: number): string {
  const head = xs.slice(0, max).map((x) => fmtNum(x)).join(', ');
  return xs.length > max ? `${head}, … (${xs.length})` : head;
}

/** One line: 'scale 0.0235 zp -128' or 'per-axis(0) ×32 scale 0.01…'. */
export function fmtQuant(q: QuantParams | undefined): string | undefined {
  if (!q || q.scale.length === 0) return undefined;
  if (q.scale.length === 1) {
    return `scale ${fmtNum(q.scale[0]!)} zp ${q.zeroPoint[0] ?? 0}`;
  }
  return `per-axis(${q.axis ?? 0}) ×${q.scale.length} scale ${fmtNum(q.scale[0]!)}…`;
}

/** Every quantization field as rows, long per-axis lists abbreviated. */
export function quantRows(q: QuantParams | undefined, max = 16): [string, string][] | undefined {
  if (!q || (q.scale.length === 0 && !q.min && !q.max)) return undefined;
  const rows: [string, string][] = [];
  rows.push(['scale', list(q.scale, max)]);
  rows.push(['zero point', list(q.zeroPoint, max)]);
  if (q.scale.length > 1 || q.axis !== undefined) rows.push(['axis', String(q.axis ?? 0)]);
  if (q.min) rows.push(['min', list(q.min, max)]);
  if (q.max) rows.push(['max', list(q.max, max)]);
  return rows;
}

/** 'i8 1×112×112×32' */
export function valueLabel(v: Value): string {
  return `${v.dtype} ${fmtShape(v.shape)}`;
}
