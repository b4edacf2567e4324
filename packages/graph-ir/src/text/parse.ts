// Text → IR (the inverse of printModel).
import { isDType, type DType } from '../dtype';
import { IRError } from '../errors';
import { Graph, Model, Node, Value, type AttrValue, type QuantParams, type Signature } from '../ir';
import type { Dim, Shape } from '../shape';
import { lex, parseError, type Tok } from './lexer';

/** Parses the text form written by `printModel`. Throws IRError(PARSE_ERROR) with line and column. */
export function parseModel(text: string): Model {
  return new Parser(text).model();
}

function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0) return undefined;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = nibble(hex.charCodeAt(2 * i));
    const lo = nibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
}
function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const BYTES: Partial<Record<DType, number>> = {
  f32: 4, f64: 8, i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8, bool: 1,
};

function encodeNumbers(dtype: DType, xs: (number | bigint)[]): Uint8Array | undefined {
  const size = BYTES[dtype];
  if (!size) return undefined;
  const out = new Uint8Array(xs.length * size);
  const dv = new DataView(out.buffer);
  xs.forEach((x, i) => {
    const o = i * size;
    switch (dtype) {
      case 'f32': dv.setFloat32(o, Number(x), true); break;
      case 'f64': dv.setFloat64(o, Number(x), true); break;
      case 'i8': dv.setInt8(o, Number(x)); break;
      case 'u8': case 'bool': dv.setUint8(o, Number(x)); break;
      case 'i16': dv.setInt16(o, Number(x), true); break;
      case 'u16': dv.setUint16(o, Number(x), true); break;
      case 'i32': dv.setInt32(o, Number(x), true); break;
      case 'u32': dv.setUint32(o, Number(x), true); break;
      case 'i64': dv.setBigInt64(o, BigInt(x), true); break;
      case 'u64': dv.setBigUint64(o, BigInt(x), true); break;
      default:
    }
  });
  return out;
}

interface GraphScope {
  values: Map<number, Value>;
  declared: Set<number>;
}

class Parser {
  private toks: Tok[];
  private p = 0;
  private blobs = new Map<number, Uint8Array | 'elided'>();
  private scopes: GraphScope[] = [];

  constructor(private readonly text: string) {
    this.toks = lex(text);
    // Blobs are defined at the end but referenced before: collect them first.
    for (let i = 0; i + 3 < this.toks.length; i++) {
      const t = this.toks[i]!;
      const b = this.toks[i + 1]!;
      if (t.k === 'ident' && t.v === 'blob' && b.k === 'blob' && this.isPunct(this.toks[i + 2]!, '=')) {
        const h = this.toks[i + 3]!;
        if (h.k === 'hex') {
          const bytes = fromHex(h.v);
          if (!bytes) throw parseError(this.text, h.pos, `blob #${b.v} is not valid hex`);
          this.blobs.set(b.v, bytes);
        } else this.blobs.set(b.v, 'elided');
      }
    }
  }

  private isPunct(t: Tok, v: string): boolean {
    return t.k === 'punct' && t.v === v;
  }
  private peek(o = 0): Tok {
    return this.toks[Math.min(this.p + o, this.toks.length - 1)]!;
  }
  private next(): Tok {
    return this.toks[this.p++] ?? this.toks[this.toks.length - 1]!;
  }
  private fail(msg: string, t: Tok = this.peek()): never {
    throw parseError(this.text, t.pos, msg);
  }
  private describe(t: Tok): string {
    if (t.k === 'eof') return 'end of input';
    return `'${String(t.v)}'`;
  }
  private expect(v: string): void {
    const t = this.next();
    if (!this.isPunct(t, v)) this.fail(`expected '${v}', found ${this.describe(t)}`, t);
  }
  private accept(v: string): boolean {
    if (this.isPunct(this.peek(), v)) {
      this.p++;
      return true;
    }
    return false;
  }
  private word(w?: string): string {
    const t = this.next();
    if (t.k !== 'ident' || (w !== undefined && t.v !== w)) this.fail(`expected ${w ? `'${w}'` : 'a word'}, found ${this.describe(t)}`, t);
    return (t as { v: string }).v;
  }
  private string(): string {
    const t = this.next();
    if (t.k !== 'str') this.fail(`expected a quoted string, found ${this.describe(t)}`, t);
    return (t as { v: string }).v;
  }
  private int(): number {
    const t = this.next();
    if (t.k !== 'num' || !/^-?[0-9]+$/.test(t.v)) this.fail(`expected an integer, found ${this.describe(t)}`, t);
    return Number((t as { v: string }).v);
  }
  private blobRef(t: Tok): Uint8Array {
    const b = this.blobs.get((t as { v: number }).v);
    if (b === undefined) this.fail(`blob #${(t as { v: number }).v} is not defined`, t);
    if (b === 'elided') this.fail(`blob #${(t as { v: number }).v} was printed with constants: 'elide' and cannot be read back`, t);
    return b as Uint8Array;
  }

  model(): Model {
    this.word('model');
    const at = this.peek();
    const head = this.literal() as { version?: unknown; description?: unknown };
    if (typeof head !== 'object' || head === null || Array.isArray(head)) this.fail('expected {version = …, description = …} after model', at);
    if (head.version !== undefined && typeof head.version !== 'number') this.fail('model version must be a number', at);
    if (head.description !== undefined && typeof head.description !== 'string') this.fail('model description must be a string', at);
    const model = new Model({ graphs: [], version: head.version as number | undefined, description: head.description as string | undefined });
    const sigs: { key: string; gi: number; ins: [string, number, Tok][]; outs: [string, number, Tok][]; at: Tok }[] = [];
    while (this.peek().k !== 'eof') {
      const at = this.peek();
      const kw = this.word();
      if (kw === 'metadata') {
        const name = this.string();
        this.expect('=');
        const t = this.next();
        if (t.k !== 'blob') this.fail('expected a blob reference (#n)', t);
        model.metadata.push({ name, data: this.blobRef(t) });
      } else if (kw === 'metadata_buffers') {
        this.expect('[');
        const list: Uint8Array[] = [];
        while (!this.accept(']')) {
          const t = this.next();
          if (t.k !== 'blob') this.fail('expected a blob reference (#n)', t);
          list.push(this.blobRef(t));
          this.accept(',');
        }
        model.metadataBuffers = list;
      } else if (kw === 'graph') {
        const gi = this.int();
        if (gi !== model.graphs.length) this.fail(`expected graph ${model.graphs.length}, found graph ${gi}`, at);
        model.graphs.push(this.graph());
      } else if (kw === 'signature') {
        const key = this.string();
        this.word('graph');
        const gi = this.int();
        const entries = () => {
          const list: [string, number, Tok][] = [];
          this.expect('(');
          while (!this.accept(')')) {
            const name = this.string();
            this.expect('=');
            const t = this.next();
            if (t.k !== 'ref') this.fail('expected a value (%n)', t);
            list.push([name, (t as { v: number }).v, t]);
            this.accept(',');
          }
          return list;
        };
        const ins = entries();
        this.expect('->');
        sigs.push({ key, gi, ins, outs: entries(), at });
      } else if (kw === 'blob') {
        this.next();
        this.expect('=');
        const t = this.next();
        if (t.k === 'punct' && t.v === '<') {
          this.next();
          this.word('bytes');
          this.expect('>');
        } else if (t.k !== 'hex') this.fail('expected hex"…"', t);
      } else {
        this.fail(`unknown statement '${kw}' (expected metadata, graph, signature or blob)`, at);
      }
    }
    model.signatures = sigs.map((s): Signature => {
      const scope = this.scopes[s.gi];
      if (!scope) this.fail(`signature '${s.key}' refers to graph ${s.gi}, which is not defined`, s.at);
      const res = (l: [string, number, Tok][]) =>
        l.map(([name, id, t]) => {
          if (!scope!.declared.has(id)) this.fail(`%${id} is not a value of graph ${s.gi}`, t);
          return { name, value: scope!.values.get(id)! };
        });
      return { key: s.key, graphIndex: s.gi, inputs: res(s.ins), outputs: res(s.outs) };
    });
    return model;
  }

  private graph(): Graph {
    const name = this.string();
    const scope: GraphScope = { values: new Map(), declared: new Set() };
    this.scopes.push(scope);
    const firstRef = new Map<number, Tok>();
    const ref = (t: Tok): Value => {
      if (t.k !== 'ref') this.fail(`expected a value (%n), found ${this.describe(t)}`, t);
      const id = (t as { v: number }).v;
      let v = scope.values.get(id);
      if (!v) {
        v = new Value({ id, name: '', dtype: 'f32', shape: undefined });
        scope.values.set(id, v);
        firstRef.set(id, t);
      }
      return v;
    };
    const refs = (): Value[] => {
      this.expect('(');
      const out: Value[] = [];
      while (!this.accept(')')) {
        out.push(ref(this.next()));
        this.accept(',');
      }
      return out;
    };
    const inputs = refs();
    this.expect('->');
    const outputs = refs();
    const g = new Graph(name, inputs, outputs);
    this.expect('{');
    while (!this.accept('}')) {
      const outs: Value[] = [];
      const lineStart = this.peek();
      if (this.accept('(')) {
        this.expect(')'); // a node without outputs: `() = op(…)`
        if (!this.isPunct(this.peek(), '=')) this.fail("expected '=' after '()'");
      } else if (this.peek().k === 'ref') {
        do {
          const t = this.next();
          const v = ref(t);
          if (scope.declared.has(v.id)) this.fail(`%${v.id} is declared twice`, t);
          scope.declared.add(v.id);
          this.expect(':');
          this.decl(v);
          outs.push(v);
        } while (this.accept(','));
      }
      if (!this.accept('=')) {
        if (outs.length !== 1) this.fail("expected a value declaration (%n: dtype[shape] \"name\") or '}'", lineStart);
        continue;
      }
      const t = this.peek();
      const isData = this.isPunct(t, '[') || t.k === 'hex' || t.k === 'blob' || this.isPunct(t, '<');
      if (isData) {
        if (outs.length !== 1) this.fail('constant data needs exactly one value', t);
        outs[0]!.data = this.data(outs[0]!);
      } else {
        g.nodes.push(this.node(outs, ref));
      }
    }
    for (const [id, t] of firstRef) if (!scope.declared.has(id)) this.fail(`%${id} is used but never declared`, t);
    return g;
  }

  private decl(v: Value): void {
    const dt = this.next();
    if (dt.k !== 'ident' || !isDType(dt.v)) this.fail(`expected a dtype (f32, i8 …), found ${this.describe(dt)}`, dt);
    v.dtype = (dt as { v: DType }).v;
    v.shape = this.shape();
    v.name = this.string();
    if (this.isPunct(this.peek(), '{')) {
      const at = this.peek();
      const props = this.literal() as Record<string, unknown>;
      for (const [k, x] of Object.entries(props)) {
        if (k === 'sig') v.shapeSignature = this.checkShape(x, at);
        else if (k === 'quant') v.quant = this.checkQuant(x, at);
        else if (k === 'variable') v.isVariable = x === true ? true : undefined;
        else if (k === 'sparsity') v.sparsity = x;
        else this.fail(`unknown value property '${k}' (sig, quant, variable, sparsity)`, at);
      }
      if (v.isVariable === undefined) delete v.isVariable;
    }
  }

  private checkShape(x: unknown, at: Tok): Shape {
    if (!Array.isArray(x) || !x.every((d) => typeof d === 'string' || (typeof d === 'number' && Number.isInteger(d)))) {
      this.fail('sig must be a list of dims (integers or names)', at);
    }
    return x as Shape;
  }

  private checkQuant(x: unknown, at: Tok): QuantParams {
    const q = x as Record<string, unknown>;
    const nums = (a: unknown) => Array.isArray(a) && a.every((n) => typeof n === 'number');
    if (typeof q !== 'object' || q === null || !nums(q.scale) || !nums(q.zeroPoint)) this.fail('quant needs scale and zeroPoint lists of numbers', at);
    for (const k of Object.keys(q)) {
      if (!['scale', 'zeroPoint', 'axis', 'min', 'max', 'details'].includes(k)) this.fail(`unknown quant field '${k}'`, at);
    }
    if ((q.axis !== undefined && typeof q.axis !== 'number') || (q.min !== undefined && !nums(q.min)) || (q.max !== undefined && !nums(q.max))) {
      this.fail('quant axis must be a number, min and max lists of numbers', at);
    }
    return q as unknown as QuantParams;
  }

  private shape(): Shape | undefined {
    this.expect('[');
    if (this.accept('*')) {
      this.expect(']');
      return undefined;
    }
    const dims: Dim[] = [];
    while (!this.accept(']')) {
      const t = this.next();
      if (this.isPunct(t, '?')) dims.push(-1);
      else if (t.k === 'num' && /^-?[0-9]+$/.test(t.v)) dims.push(Number(t.v));
      else if (t.k === 'ident' || t.k === 'str') dims.push(t.v);
      else this.fail(`expected a dim (number, ?, name), found ${this.describe(t)}`, t);
      this.accept(',');
    }
    return dims;
  }

  private data(v: Value): Uint8Array {
    const t = this.next();
    if (t.k === 'hex') {
      const b = fromHex(t.v);
      if (!b) this.fail('invalid hex', t);
      return b!;
    }
    if (t.k === 'blob') return this.blobRef(t);
    if (this.isPunct(t, '<')) this.fail(`constant data of '${v.name}' was elided when printing`, t);
    const xs: (number | bigint)[] = [];
    while (!this.accept(']')) {
      const n = this.next();
      if (n.k === 'num') xs.push(/^-?[0-9]+$/.test(n.v) && (v.dtype === 'i64' || v.dtype === 'u64') ? BigInt(n.v) : this.number(n.v));
      else if (n.k === 'ident' && (n.v === 'nan' || n.v === 'inf')) xs.push(this.number(n.v));
      else this.fail(`expected a number, found ${this.describe(n)}`, n);
      this.accept(',');
    }
    const bytes = encodeNumbers(v.dtype, xs);
    if (!bytes) this.fail(`dtype ${v.dtype} cannot be written as numbers; use hex"…"`, t);
    return bytes!;
  }

  private number(s: string): number {
    if (s === 'nan' || s === '-nan') return NaN;
    if (s === 'inf') return Infinity;
    if (s === '-inf') return -Infinity;
    return Number(s);
  }

  private node(outs: Value[], ref: (t: Tok) => Value): Node {
    const t = this.next();
    if (t.k !== 'ident' && t.k !== 'str') this.fail(`expected an op name, found ${this.describe(t)}`, t);
    const op = (t as { v: string }).v;
    this.expect('(');
    const inputs: (Value | undefined)[] = [];
    while (!this.accept(')')) {
      if (this.accept('_')) inputs.push(undefined);
      else inputs.push(ref(this.next()));
      this.accept(',');
    }
    let version: number | undefined;
    const vt = this.peek();
    if (vt.k === 'ident' && /^v[0-9]+$/.test(vt.v)) {
      version = Number(vt.v.slice(1));
      this.p++;
    }
    let name = outs[0]?.name ?? '';
    if (this.accept('@')) name = this.string();
    let attrs: Record<string, AttrValue> = {};
    if (this.isPunct(this.peek(), '{')) attrs = this.literal() as Record<string, AttrValue>;
    let intermediates: Value[] | undefined;
    const it = this.peek();
    if (it.k === 'ident' && it.v === 'intermediates') {
      this.p++;
      this.expect('(');
      intermediates = [];
      while (!this.accept(')')) {
        intermediates.push(ref(this.next()));
        this.accept(',');
      }
    }
    return new Node({ op, name, inputs, outputs: outs, attrs, version, intermediates });
  }

  private depth = 0;

  /** A literal value (numbers, strings, bytes, arrays, objects). */
  private literal(): unknown {
    if (++this.depth > 100) this.fail('literal nested more than 100 levels deep');
    try {
      return this.literalInner();
    } finally {
      this.depth--;
    }
  }

  private literalInner(): unknown {
    const t = this.next();
    switch (t.k) {
      case 'num':
        return t.v.endsWith('n') ? BigInt(t.v.slice(0, -1)) : this.number(t.v);
      case 'str':
        return t.v;
      case 'hex': {
        const b = fromHex(t.v);
        if (!b) this.fail('invalid hex', t);
        return b;
      }
      case 'blob':
        return this.blobRef(t);
      case 'ident':
        if (t.v === 'true') return true;
        if (t.v === 'false') return false;
        if (t.v === 'null') return null;
        if (t.v === 'nan' || t.v === 'inf') return this.number(t.v);
        return this.fail(`unexpected word '${t.v}' (strings are quoted)`, t);
      case 'punct':
        if (t.v === '[') {
          const arr: unknown[] = [];
          while (!this.accept(']')) {
            arr.push(this.literal());
            if (!this.isPunct(this.peek(), ']')) this.expect(',');
          }
          return arr;
        }
        if (t.v === '{') {
          const obj: Record<string, unknown> = {};
          while (!this.accept('}')) {
            const k = this.next();
            if (k.k !== 'ident' && k.k !== 'str') this.fail(`expected a key, found ${this.describe(k)}`, k);
            this.expect('=');
            obj[(k as { v: string }).v] = this.literal();
            if (!this.isPunct(this.peek(), '}')) this.expect(',');
          }
          return obj;
        }
        return this.fail(`unexpected '${t.v}'`, t);
      default:
        return this.fail(`unexpected ${this.describe(t)}`, t);
    }
  }
}
