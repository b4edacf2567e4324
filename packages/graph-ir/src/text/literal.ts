// Literals of the text form: numbers, bigints (`5n`), strings, booleans, null, bytes (`hex"…"` or a
// blob `#3`), arrays and objects (`{key = value}`).

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return String(x);
}

export function formatString(s: string): string {
  return JSON.stringify(s);
}

/** A key or name: bare when it is an identifier, quoted otherwise. */
export function formatKey(s: string): string {
  return IDENT.test(s) && !RESERVED.has(s) ? s : formatString(s);
}
const RESERVED = new Set(['true', 'false', 'null', 'nan', 'inf', 'hex']);

const HEX_CODES = new TextEncoder().encode('0123456789abcdef');
const ascii = new TextDecoder('latin1');
/** Lowercase hex of bytes (fast for multi-megabyte constants). */
export function toHex(b: Uint8Array): string {
  const out = new Uint8Array(b.length * 2);
  for (let i = 0; i < b.length; i++) {
    const x = b[i]!;
    out[2 * i] = HEX_CODES[x >> 4]!;
    out[2 * i + 1] = HEX_CODES[x & 15]!;
  }
  return ascii.decode(out);
}

/** Prints a literal; `bytes` decides how a Uint8Array is written (inline hex or a blob ref). */
export function formatLiteral(v: unknown, bytes: (b: Uint8Array) => string): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'number':
      return formatNumber(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
      return String(v);
    case 'string':
      return formatString(v);
    default:
  }
  if (v instanceof Uint8Array) return bytes(v);
  if (Array.isArray(v)) return `[${v.map((x) => formatLiteral(x, bytes)).join(', ')}]`;
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${formatKey(k)} = ${formatLiteral(x, bytes)}`).join(', ')}}`;
  }
  throw new Error(`cannot print ${typeof v}`);
}
