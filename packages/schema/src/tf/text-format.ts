// Protocol-buffer text format (what TensorFlow writes as .pbtxt), parsed against our
// reflection types: nested messages `{}`/`<>`, repeated fields and `[a, b]` lists, maps as
// `attr { key: "k" value { ... } }`, enum names, C-style string escapes (octal, hex, unicode),
// adjacent string concatenation, `#` comments and expanded `google.protobuf.Any`.
import type * as protobufNs from 'protobufjs/light.js';
import { ModelFormatError } from '../errors';
import { completePlain, encodeMessage, pb, tfType } from './proto';
import type { PbField, PbType } from './proto';

type Obj = Record<string, unknown>;
/** What parsing one scalar needs to know about its field (a map key has no Field of its own). */
type ScalarSpec = Pick<PbField, 'name' | 'type' | 'resolvedType'>;

type TokKind = 'ident' | 'number' | 'string' | 'symbol' | 'eof';
interface Token { kind: TokKind; text: string; bytes?: Uint8Array; line: number; col: number }

const MAX_DEPTH = 100;

class Lexer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  private peeked: Token | undefined;
  constructor(private readonly src: string) {}

  fail(msg: string, tok?: Token): never {
    const line = tok?.line ?? this.line;
    const col = tok?.col ?? this.pos - this.lineStart + 1;
    throw new ModelFormatError('BAD_TEXT', msg, `line ${line}:${col}`);
  }

  peek(): Token {
    this.peeked ??= this.read();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private skipSpace(): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos]!;
      if (c === '\n') { this.pos++; this.line++; this.lineStart = this.pos; }
      else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') this.pos++;
      else if (c === '#') { while (this.pos < s.length && s[this.pos] !== '\n') this.pos++; }
      else break;
    }
  }

  private read(): Token {
    this.skipSpace();
    const s = this.src;
    const line = this.line;
    const col = this.pos - this.lineStart + 1;
    if (this.pos >= s.length) return { kind: 'eof', text: '', line, col };
    const c = s[this.pos]!;
    if (c === '"' || c === "'") return { kind: 'string', text: '', bytes: this.readString(c), line, col };
    const word = /[A-Za-z_][A-Za-z0-9_]*/y;
    word.lastIndex = this.pos;
    let m = word.exec(s);
    if (m) { this.pos += m[0].length; return { kind: 'ident', text: m[0], line, col }; }
    const num = /-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fF]?|inf(?:inity)?|nan)/iy;
    num.lastIndex = this.pos;
    m = num.exec(s);
    if (m) { this.pos += m[0].length; return { kind: 'number', text: m[0], line, col }; }
    if ('{}<>[]:,;/.'.includes(c) || c === '-') { this.pos++; return { kind: 'symbol', text: c, line, col }; }
    return this.fail(`unexpected character ${JSON.stringify(c)}`);
  }

  private readString(quote: string): Uint8Array {
    const s = this.src;
    const q = quote.charCodeAt(0);
    let buf = new Uint8Array(64);
    let n = 0;
    const push = (b: number): void => {
      if (n === buf.length) { const bigger = new Uint8Array(buf.length * 2); bigger.set(buf); buf = bigger; }
      buf[n++] = b;
    };
    const pushText = (text: string): void => { for (const b of new TextEncoder().encode(text)) push(b); };
    this.pos++;
    for (;;) {
      if (this.pos >= s.length) this.fail('unterminated string');
      const c = s.charCodeAt(this.pos++);
      if (c === q) break;
      if (c === 10) this.fail('unterminated string');
      if (c !== 92) {
        if (c < 0x80) push(c);
        else {
          const cp = s.codePointAt(this.pos - 1)!;
          const ch = String.fromCodePoint(cp);
          this.pos += ch.length - 1;
          pushText(ch);
        }
        continue;
      }
      const e = s[this.pos++];
      switch (e) {
        case 'n': push(10); break;
        case 't': push(9); break;
        case 'r': push(13); break;
        case 'a': push(7); break;
        case 'b': push(8); break;
        case 'f': push(12); break;
        case 'v': push(11); break;
        case '\\': case "'": case '"': case '?': push(e.charCodeAt(0)); break;
        case 'x': case 'X': {
          const m = /[0-9a-fA-F]{1,2}/y; m.lastIndex = this.pos;
          const h = m.exec(s); if (!h) this.fail('\\x escape needs hex digits');
          push(parseInt(h[0], 16)); this.pos += h[0].length; break;
        }
        case 'u': case 'U': {
          const len = e === 'u' ? 4 : 8;
          const h = s.slice(this.pos, this.pos + len);
          if (!/^[0-9a-fA-F]+$/.test(h) || h.length !== len) this.fail(`\\${e} escape needs ${len} hex digits`);
          const cp = parseInt(h, 16);
          if (cp > 0x10ffff) this.fail('unicode escape out of range');
          pushText(String.fromCodePoint(cp)); this.pos += len; break;
        }
        default: {
          if (e !== undefined && e >= '0' && e <= '7') {
            let v = e.charCodeAt(0) - 48;
            for (let k = 0; k < 2; k++) {
              const d = s.charCodeAt(this.pos);
              if (d < 48 || d > 55) break;
              v = v * 8 + (d - 48);
              this.pos++;
            }
            if (v > 255) this.fail('octal escape out of range');
            push(v); break;
          }
          this.fail(`unknown escape \\${e ?? ''}`);
        }
      }
    }
    return buf.slice(0, n);
  }
}

const fieldMaps = new WeakMap<PbType, Map<string, PbField>>();
function fieldByTextName(type: PbType, name: string): PbField | undefined {
  let m = fieldMaps.get(type);
  if (!m) {
    m = new Map();
    for (const f of type.fieldsArray) m.set(f.name, f);
    fieldMaps.set(type, m);
  }
  return m.get(name) ?? m.get(pb.util.camelCase(name));
}

class Parser {
  constructor(private readonly lx: Lexer) {}

  /** Fields until `end` ('eof', '}' or '>'). */
  message(type: PbType, end: string, depth: number): Obj {
    if (depth > MAX_DEPTH) this.lx.fail('messages nested too deeply');
    const obj: Obj = {};
    for (;;) {
      const t = this.lx.peek();
      if (end === 'eof' ? t.kind === 'eof' : t.kind === 'symbol' && t.text === end) { this.lx.next(); return obj; }
      if (t.kind === 'eof') this.lx.fail(`missing '${end}'`, t);
      if (t.kind === 'symbol' && t.text === '[') { this.anyField(type, obj, depth); continue; }
      const nameTok = this.lx.next();
      if (nameTok.kind !== 'ident') this.lx.fail(`expected a field name, found '${nameTok.text}'`, nameTok);
      const field = fieldByTextName(type, nameTok.text);
      if (!field) this.lx.fail(`${type.name} has no field '${nameTok.text}'`, nameTok);
      this.fieldValue(field, obj, depth);
      const sep = this.lx.peek();
      if (sep.kind === 'symbol' && (sep.text === ',' || sep.text === ';')) this.lx.next();
    }
  }

  private isSym(text: string): boolean {
    const t = this.lx.peek();
    return t.kind === 'symbol' && t.text === text;
  }

  private expectSym(text: string): void {
    const t = this.lx.next();
    if (t.kind !== 'symbol' || t.text !== text) this.lx.fail(`expected '${text}', found '${t.text || t.kind}'`, t);
  }

  private fieldValue(field: PbField, obj: Obj, depth: number): void {
    const isMsg = field.map || field.resolvedType instanceof pb.Type;
    if (this.isSym(':')) this.lx.next();
    else if (!isMsg) this.lx.fail(`expected ':' after ${field.name}`);
    const values: unknown[] = [];
    const one = (): void => { values.push(isMsg ? this.messageValue(field, depth) : this.scalar(field)); };
    if (this.isSym('[')) {
      if (!field.repeated && !field.map) this.lx.fail(`${field.name} is not repeated; a list is not allowed`);
      this.lx.next();
      if (!this.isSym(']')) {
        for (;;) {
          one();
          if (this.isSym(',')) { this.lx.next(); continue; }
          break;
        }
      }
      this.expectSym(']');
    } else one();
    for (const v of values) {
      if (field.map) {
        const entry = v as { key: unknown; value: unknown };
        const m = (obj[field.name] ??= {}) as Obj;
        m[String(entry.key)] = entry.value;
      } else if (field.repeated) ((obj[field.name] ??= []) as unknown[]).push(v);
      else obj[field.name] = v;
    }
  }

  private messageValue(field: PbField, depth: number): unknown {
    const open = this.lx.next();
    if (open.kind !== 'symbol' || (open.text !== '{' && open.text !== '<')) this.lx.fail(`expected '{' to start ${field.name}`, open);
    const end = open.text === '{' ? '}' : '>';
    if (field.map) return this.mapEntry(field, end, depth + 1);
    return this.message(field.resolvedType as PbType, end, depth + 1);
  }

  private mapEntry(field: PbField, end: string, depth: number): { key: unknown; value: unknown } {
    const mf = field as unknown as protobufNs.MapField;
    const keyField: ScalarSpec = { name: `${field.name} key`, type: mf.keyType, resolvedType: null };
    const entry: { key: unknown; value: unknown } = { key: keyDefault(mf.keyType), value: undefined };
    for (;;) {
      const t = this.lx.next();
      if (t.kind === 'symbol' && t.text === end) break;
      if (t.kind !== 'ident' || (t.text !== 'key' && t.text !== 'value')) this.lx.fail(`expected 'key' or 'value' in map ${field.name}`, t);
      if (t.text === 'key') {
        this.expectSym(':');
        entry.key = this.scalar(keyField);
      } else if (mf.resolvedType instanceof pb.Type) {
        if (this.isSym(':')) this.lx.next();
        const open = this.lx.next();
        if (open.kind !== 'symbol' || (open.text !== '{' && open.text !== '<')) this.lx.fail(`expected '{' for map value`, open);
        entry.value = this.message(mf.resolvedType, open.text === '{' ? '}' : '>', depth + 1);
      } else {
        this.expectSym(':');
        entry.value = this.scalar(field);
      }
      if (this.isSym(',') || this.isSym(';')) this.lx.next();
    }
    if (entry.value === undefined) entry.value = mf.resolvedType instanceof pb.Type ? {} : keyDefault(mf.type);
    return entry;
  }

  /** `[type.googleapis.com/tensorflow.X] { ... }` inside a google.protobuf.Any. */
  private anyField(type: PbType, obj: Obj, depth: number): void {
    const open = this.lx.next();
    if (type.fullName !== '.google.protobuf.Any') this.lx.fail('extensions are not supported', open);
    let url = '';
    for (;;) {
      const t = this.lx.next();
      if (t.kind === 'symbol' && t.text === ']') break;
      if (t.kind === 'eof') this.lx.fail("missing ']'", t);
      url += t.text;
    }
    const typeName = url.slice(url.lastIndexOf('/') + 1);
    if (!typeName.startsWith('tensorflow.')) this.lx.fail(`unknown Any type ${typeName}`, open);
    let inner: PbType;
    try { inner = tfType(typeName.slice('tensorflow.'.length)); } catch { this.lx.fail(`unknown Any type ${typeName}`, open); }
    if (this.isSym(':')) this.lx.next();
    const o = this.lx.next();
    if (o.kind !== 'symbol' || (o.text !== '{' && o.text !== '<')) this.lx.fail("expected '{'", o);
    const value = this.message(inner, o.text === '{' ? '}' : '>', depth + 1);
    obj.typeUrl = url;
    obj.value = encodeMessage(typeName.slice('tensorflow.'.length), value);
  }

  private scalar(field: ScalarSpec): unknown {
    const t = this.lx.next();
    const rt = field.resolvedType;
    if (rt instanceof pb.Enum) {
      if (t.kind === 'ident') {
        if (!(t.text in rt.values)) this.lx.fail(`${t.text} is not a ${rt.name} value`, t);
        return t.text;
      }
      if (t.kind === 'number' && /^-?\d+$/.test(t.text)) return rt.valuesById[Number(t.text)] ?? Number(t.text);
      return this.lx.fail(`expected a ${rt.name} name for ${field.name}`, t);
    }
    switch (field.type) {
      case 'string': case 'bytes': {
        if (t.kind !== 'string') this.lx.fail(`expected a quoted string for ${field.name}`, t);
        const parts = [t.bytes!];
        while (this.lx.peek().kind === 'string') parts.push(this.lx.next().bytes!);
        const bytes = concat(parts);
        if (field.type === 'bytes') return bytes;
        return new TextDecoder().decode(bytes);
      }
      case 'bool': {
        const v = t.text;
        if (v === 'true' || v === 'True' || v === 't' || v === '1') return true;
        if (v === 'false' || v === 'False' || v === 'f' || v === '0') return false;
        return this.lx.fail(`expected true or false for ${field.name}`, t);
      }
      case 'float': case 'double': {
        let text = t.text;
        let neg = false;
        if (t.kind === 'symbol' && text === '-') { neg = true; const u = this.lx.next(); text = u.text; if (u.kind === 'symbol') this.lx.fail('expected a number', u); }
        const v = parseFloatText(text);
        if (v === undefined) this.lx.fail(`expected a number for ${field.name}, found '${text}'`, t);
        const r = neg ? -v : v;
        return field.type === 'float' ? Math.fround(r) : r; // the value a float field can hold
      }
      default: {
        if (t.kind !== 'number' || !/^-?(0[xX][0-9a-fA-F]+|\d+)$/.test(t.text)) this.lx.fail(`expected an integer for ${field.name}, found '${t.text}'`, t);
        const neg = t.text.startsWith('-');
        const body = neg ? t.text.slice(1) : t.text;
        let big = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
        if (neg) big = -big;
        const is64 = /64$/.test(field.type);
        const unsigned = field.type.startsWith('uint') || field.type.startsWith('fixed');
        const bits = is64 ? 64 : 32;
        const min = unsigned ? 0n : -(1n << BigInt(bits - 1));
        const max = unsigned ? (1n << BigInt(bits)) - 1n : (1n << BigInt(bits - 1)) - 1n;
        if (big < min || big > max) this.lx.fail(`${t.text} is out of range for ${field.type} ${field.name}`, t);
        return is64 && !Number.isSafeInteger(Number(big)) ? big : Number(big);
      }
    }
  }
}

function keyDefault(type: string): unknown {
  if (type === 'string') return '';
  if (type === 'bool') return false;
  return 0;
}

function parseFloatText(text: string): number | undefined {
  const s = text.toLowerCase().replace(/([0-9.])f$/, '$1');
  if (s === 'inf' || s === 'infinity') return Infinity;
  if (s === '-inf' || s === '-infinity') return -Infinity;
  if (s === 'nan' || s === '-nan') return NaN;
  if (/^-?0x[0-9a-f]+$/.test(s)) return Number(BigInt(s.replace('-', ''))) * (s.startsWith('-') ? -1 : 1);
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

/** Parses protobuf text format as `tensorflow.<typeName>` into its plain object. Throws ModelFormatError BAD_TEXT. */
export function parseTfText<T>(typeName: string, text: string): T {
  if (typeof text !== 'string') throw new ModelFormatError('BAD_VALUE', `expected text to parse as ${typeName}`);
  const lx = new Lexer(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const obj = new Parser(lx).message(tfType(typeName), 'eof', 0);
  return completePlain<T>(typeName, obj);
}
