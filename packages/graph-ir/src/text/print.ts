// IR → text. MLIR-ish, one line per value or node; exact: parseModel(printModel(m)) equals m.
import { typedArrayOf } from '../dtype';
import type { Graph, Model, Node, Value } from '../ir';
import type { Shape } from '../shape';
import { graphValues, producers } from '../walk';
import { formatKey, formatLiteral, formatString, toHex } from './literal';

export interface PrintOptions {
  /**
   * 'full' (default): every constant byte (small numeric constants inline as numbers, the rest as
   * hex blobs at the end), so that parseModel gives the model back. 'elide': `<N bytes>` instead
   * of data, for reading only (parseModel refuses it).
   */
  constants?: 'full' | 'elide';
  /** Constants with at most this many elements are printed as numbers (default 16). */
  inlineElements?: number;
}

/** The text form of a model (see the package README for the grammar). */
export function printModel(model: Model, options: PrintOptions = {}): string {
  return new Printer(model, options).print();
}

/** The text form of a single graph (its constants' data inline or elided; no blobs section). */
export function printGraph(graph: Graph, options: PrintOptions = {}): string {
  const p = new Printer(undefined, options);
  const body = p.graph(graph, 0);
  return p.blobSection() ? `${body}\n${p.blobSection()}` : body;
}

const INLINE_DTYPES = new Set(['f32', 'f64', 'i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'bool']);

class Printer {
  private blobs = new Map<Uint8Array, number>();
  private blobList: Uint8Array[] = [];
  private uses = new Map<Uint8Array, number>();
  private readonly elide: boolean;
  private readonly inlineMax: number;

  constructor(private readonly model: Model | undefined, options: PrintOptions) {
    this.elide = options.constants === 'elide';
    this.inlineMax = options.inlineElements ?? 16;
    const count = (d: Uint8Array | undefined) => d && this.uses.set(d, (this.uses.get(d) ?? 0) + 1);
    for (const g of model?.graphs ?? []) for (const v of graphValues(g)) count(v.data);
    model?.metadata.forEach((m) => count(m.data));
    model?.metadataBuffers?.forEach(count);
  }

  print(): string {
    const m = this.model!;
    const out: string[] = [];
    const head: Record<string, unknown> = {};
    if (m.version !== undefined) head.version = m.version;
    if (m.description !== undefined) head.description = m.description;
    out.push(`model ${this.literal(head)}`);
    for (const md of m.metadata) out.push(`metadata ${formatString(md.name)} = ${this.blobRef(md.data)}`);
    if (m.metadataBuffers) out.push(`metadata_buffers [${m.metadataBuffers.map((b) => this.blobRef(b)).join(', ')}]`);
    m.graphs.forEach((g, i) => {
      out.push('');
      out.push(this.graph(g, i));
    });
    if (m.signatures.length) out.push('');
    for (const s of m.signatures) {
      const list = (l: { name: string; value: Value }[]) => l.map((e) => `${formatString(e.name)} = %${e.value.id}`).join(', ');
      out.push(`signature ${formatString(s.key)} graph ${s.graphIndex} (${list(s.inputs)}) -> (${list(s.outputs)})`);
    }
    const blobs = this.blobSection();
    if (blobs) out.push('', blobs);
    return `${out.join('\n')}\n`;
  }

  blobSection(): string {
    return this.blobList.map((b, i) => `blob #${i} = ${this.elide ? `<${b.byteLength} bytes>` : `hex"${toHex(b)}"`}`).join('\n');
  }

  graph(g: Graph, index: number): string {
    const lines: string[] = [];
    const ids = (vs: Value[]) => vs.map((v) => `%${v.id}`).join(', ');
    lines.push(`graph ${index} ${formatString(g.name)} (${ids(g.inputs)}) -> (${ids(g.outputs)}) {`);
    const prod = producers(g);
    const free = graphValues(g).filter((v) => !prod.has(v)).sort((a, b) => a.id - b.id);
    for (const v of free) {
      const data = v.data ? ` = ${this.data(v)}` : '';
      lines.push(`  ${this.decl(v)}${data}`);
    }
    for (const n of g.nodes) lines.push(`  ${this.node(n)}`);
    lines.push('}');
    return lines.join('\n');
  }

  private node(n: Node): string {
    const outs = n.outputs.map((o) => this.decl(o)).join(', ');
    const ins = n.inputs.map((v) => (v ? `%${v.id}` : '_')).join(', ');
    let s = `${outs || '()'} = ${/^[A-Za-z_][\w.]*$/.test(n.op) && n.op !== 'const' ? n.op : formatString(n.op)}(${ins})`;
    if (n.version !== undefined) s += ` v${n.version}`;
    if (n.name !== n.outputs[0]?.name) s += ` @${formatString(n.name)}`;
    if (Object.keys(n.attrs).length > 0) s += ` ${this.literal(n.attrs)}`;
    if (n.intermediates?.length) s += ` intermediates(${n.intermediates.map((v) => `%${v.id}`).join(', ')})`;
    return s;
  }

  private decl(v: Value): string {
    const props: Record<string, unknown> = {};
    if (v.shapeSignature) props.sig = v.shapeSignature;
    if (v.quant) props.quant = v.quant;
    if (v.isVariable) props.variable = true;
    if (v.sparsity !== undefined) props.sparsity = v.sparsity;
    const extra = Object.keys(props).length ? ` ${this.literal(props)}` : '';
    return `%${v.id}: ${v.dtype}${formatShapeText(v.shape)} ${formatString(v.name)}${extra}`;
  }

  private data(v: Value): string {
    const d = v.data!;
    if (this.elide) return `<${d.byteLength} bytes>`;
    if ((this.uses.get(d) ?? 1) > 1) return this.blobRef(d);
    if (INLINE_DTYPES.has(v.dtype)) {
      const size = v.dtype === 'bool' || v.dtype.endsWith('8') ? 1 : v.dtype.endsWith('16') ? 2 : v.dtype.endsWith('64') ? 8 : 4;
      if (d.byteLength % size === 0 && d.byteLength / size <= this.inlineMax) {
        const arr = Array.from(typedArrayOf(v) as ArrayLike<number | bigint>);
        if (!arr.some((x) => typeof x === 'number' && Number.isNaN(x))) {
          return `[${arr.map((x) => (typeof x === 'bigint' ? String(x) : formatLiteral(x, () => ''))).join(', ')}]`;
        }
      }
    }
    return d.byteLength <= 32 ? `hex"${toHex(d)}"` : this.blobRef(d);
  }

  private blobRef(b: Uint8Array): string {
    let i = this.blobs.get(b);
    if (i === undefined) {
      i = this.blobList.length;
      this.blobList.push(b);
      this.blobs.set(b, i);
    }
    return `#${i}`;
  }

  private literal(v: unknown): string {
    return formatLiteral(v, (b) => (b.byteLength <= 64 || this.elide ? (this.elide && b.byteLength > 64 ? `<${b.byteLength} bytes>` : `hex"${toHex(b)}"`) : this.blobRef(b)));
  }
}

/** `[1,?,batch]`, `[*]` for unranked. */
export function formatShapeText(shape: Shape | undefined): string {
  if (shape === undefined) return '[*]';
  return `[${shape.map((d) => (typeof d === 'string' ? formatKey(d) : d === -1 ? '?' : String(d))).join(',')}]`;
}
