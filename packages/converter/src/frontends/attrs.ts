// TensorFlow AttrValue → graph-ir attribute values (TF attribute names are kept as they are).
import type { AttrValue as IrAttr, DType } from '@liteml/graph-ir';
import { tfDataTypeToElementType } from '@liteml/schema';
import type { AttrValue, tf, TensorShapeProto } from '@liteml/schema';
import { ConversionError } from '../errors';
import { tensorToConstant } from './constants';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text where the bytes are valid UTF-8, else the bytes themselves. */
export function bytesToAttr(b: Uint8Array): string | Uint8Array {
  try {
    return utf8.decode(b);
  } catch {
    return b;
  }
}

/** An int64 as a number, or a bigint beyond 2^53. */
export function intToAttr(i: number | bigint): number | bigint {
  if (typeof i === 'number') return i;
  return i >= BigInt(Number.MIN_SAFE_INTEGER) && i <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(i) : i;
}

/** A TF DataType as a graph-ir DType; types liteml cannot hold keep their TF name (`DT_FLOAT8_E5M2`). */
export function dtypeAttr(t: AttrValue['type']): DType | string {
  if (t === undefined) return 'DT_INVALID';
  try {
    return tfDataTypeToElementType(t);
  } catch {
    return String(t);
  }
}

/** DType of a TF DataType, or a ConversionError naming the node. */
export function toDType(t: AttrValue['type'], node: string): DType {
  const d = dtypeAttr(t);
  if (d.startsWith('DT_') || /^\d+$/.test(d)) {
    throw new ConversionError('UNSUPPORTED_DTYPE', `node '${node}': TensorFlow dtype ${d} is not supported by liteml`, [node]);
  }
  return d as DType;
}

/** Dims of a TensorShapeProto (-1 unknown); undefined for an unknown rank. */
export function shapeToDims(s: TensorShapeProto | undefined): number[] | undefined {
  if (!s || s.unknownRank) return undefined;
  return s.dim.map((d) => {
    const n = Number(d.size);
    return Number.isSafeInteger(n) && n >= 0 ? n : -1;
  });
}

function funcToAttr(f: tf.NameAttrList, node: string): { name: string; attr: Record<string, IrAttr> } {
  return { name: f.name, attr: convertAttrs(f.attr ?? {}, node) };
}

/** One AttrValue (the oneof that is set) as a graph-ir attribute value. */
export function convertAttr(v: AttrValue, node: string): IrAttr {
  if (v.s !== undefined) return bytesToAttr(v.s);
  if (v.i !== undefined) return intToAttr(v.i);
  if (v.f !== undefined) return v.f;
  if (v.b !== undefined) return v.b;
  if (v.type !== undefined) return dtypeAttr(v.type);
  if (v.shape !== undefined) return shapeToDims(v.shape);
  if (v.tensor !== undefined) return tensorToConstant(v.tensor, node) as unknown as IrAttr;
  if (v.func !== undefined) return funcToAttr(v.func, node);
  if (v.placeholder !== undefined) return { placeholder: v.placeholder };
  if (v.list !== undefined) {
    const l = v.list;
    if (l.s.length) return l.s.map(bytesToAttr) as string[];
    if (l.i.length) {
      const ints = l.i.map(intToAttr);
      return ints.every((x) => typeof x === 'number') ? (ints as number[]) : ints.map((x) => BigInt(x));
    }
    if (l.f.length) return [...l.f];
    if (l.b.length) return [...l.b];
    if (l.type.length) return l.type.map(dtypeAttr);
    if (l.shape.length) return l.shape.map(shapeToDims) as unknown as IrAttr;
    if (l.tensor.length) return l.tensor.map((t) => tensorToConstant(t, node)) as unknown as IrAttr;
    if (l.func.length) return l.func.map((f) => funcToAttr(f, node)) as unknown as IrAttr;
    return [];
  }
  return null;
}

/** Every attribute of a NodeDef, converted. */
export function convertAttrs(attrs: Record<string, AttrValue>, node: string): Record<string, IrAttr> {
  const out: Record<string, IrAttr> = {};
  for (const [k, v] of Object.entries(attrs)) out[k] = convertAttr(v, node);
  return out;
}
