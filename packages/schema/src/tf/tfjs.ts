// TensorFlow.js graph models: model.json (GraphDef as proto3 JSON + weights manifest) and the
// binary weight shards, with quantized (uint8/uint16 affine, float16) and string weights.
import { ModelFormatError } from '../errors';
import type { GraphDef, SignatureDef } from '../generated/tf/types';
import { fromProtoJson } from './proto';
import { encodeTensor } from './tensor';
import type { TfTensor } from './tensor';
import { elementTypeToTfDataType } from './dtypes';
import type { TfElementType } from './dtypes';

export interface TfjsQuantization {
  /** Storage type of the quantized values. */
  dtype: 'uint8' | 'uint16' | 'float16';
  /** Affine parameters (uint8/uint16): value = q * scale + min. */
  scale?: number;
  min?: number;
  /** The type the weight had before quantization (float32 unless stated). */
  originalDtype?: string;
}

export interface TfjsWeight extends TfTensor {
  name: string;
  /** Present for quantized weights; `data` then holds the dequantized values. */
  quantization?: TfjsQuantization;
  /** The stored quantized values (Uint8Array / Uint16Array; float16 raw bits as Uint16Array). */
  quantizedData?: Uint8Array | Uint16Array;
}

export interface TfjsModel {
  format: string;
  generatedBy?: string;
  convertedBy?: string;
  /** The graph; Const nodes whose name has a weight get that weight as `tensor_content`/`string_val`. */
  graph: GraphDef;
  /** The graph's serving signature (top-level `signature` or `userDefinedMetadata.signature`). */
  signature?: SignatureDef;
  /** Initializer graph of models with hash tables (tfjs `modelInitializer`). */
  initializer?: GraphDef;
  weights: Record<string, TfjsWeight>;
  userDefinedMetadata?: Record<string, unknown>;
}

interface ManifestEntry {
  name: string; shape: number[]; dtype: string;
  quantization?: { dtype: string; scale?: number; min?: number; original_dtype?: string };
}
interface ManifestGroup { paths: string[]; weights: ManifestEntry[] }

const DTYPES: Record<string, { t: TfElementType; size: number }> = {
  float32: { t: 'f32', size: 4 }, int32: { t: 'i32', size: 4 }, bool: { t: 'bool', size: 1 },
  complex64: { t: 'complex64', size: 8 }, string: { t: 'string', size: 0 },
  int64: { t: 'i64', size: 8 }, uint8: { t: 'u8', size: 1 }, int8: { t: 'i8', size: 1 },
  float16: { t: 'f16', size: 2 }, int16: { t: 'i16', size: 2 }, uint16: { t: 'u16', size: 2 },
};


/** IEEE half-precision bits → number. */
export function float16ToNumber(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function concatShards(paths: string[], shards: readonly Uint8Array[] | Record<string, Uint8Array>, next: { i: number }): Uint8Array {
  const parts = paths.map((p) => {
    const b = Array.isArray(shards) ? (shards as readonly Uint8Array[])[next.i++] : (shards as Record<string, Uint8Array>)[p] ?? (shards as Record<string, Uint8Array>)[p.split('/').pop()!];
    if (!b) throw new ModelFormatError('MISSING_FILE', `weight shard '${p}' was not provided`, 'weightsManifest');
    return b;
  });
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

function count(shape: number[], where: string): number {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) throw new ModelFormatError('BAD_VALUE', `invalid shape ${JSON.stringify(shape)}`, where);
  return shape.reduce((a, b) => a * b, 1);
}

function readWeight(w: ManifestEntry, buf: Uint8Array, pos: number, dequantize: boolean): { weight: TfjsWeight; size: number } {
  const where = `weight '${w.name}'`;
  const n = count(w.shape, where);
  const info = DTYPES[w.dtype];
  if (!info) throw new ModelFormatError('BAD_VALUE', `unsupported weight dtype '${w.dtype}'`, where);
  const take = (len: number): Uint8Array => {
    if (pos + len > buf.length) throw new ModelFormatError('TRUNCATED', `needs ${len} bytes at offset ${pos}, shard data has ${buf.length}`, where);
    const out = new Uint8Array(len); // a copy: aligned and independent of the shard
    out.set(buf.subarray(pos, pos + len));
    return out;
  };
  const base = { name: w.name, shape: [...w.shape] };
  if (w.dtype === 'string') {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    let p = pos;
    const bytes: Uint8Array[] = [];
    for (let i = 0; i < n; i++) {
      if (p + 4 > buf.length) throw new ModelFormatError('TRUNCATED', 'string length runs past the shard data', where);
      const len = dv.getUint32(p, true);
      p += 4;
      if (p + len > buf.length) throw new ModelFormatError('TRUNCATED', 'string runs past the shard data', where);
      bytes.push(Uint8Array.prototype.slice.call(buf, p, p + len));
      p += len;
    }
    const dec = new TextDecoder();
    return { weight: { ...base, dtype: 'string', tfDtype: 'DT_STRING', data: bytes.map((b) => dec.decode(b)), bytes }, size: p - pos };
  }
  const q = w.quantization;
  if (q) {
    const qSize = q.dtype === 'uint8' ? 1 : q.dtype === 'uint16' || q.dtype === 'float16' ? 2 : 0;
    if (!qSize) throw new ModelFormatError('BAD_VALUE', `unsupported quantization dtype '${q.dtype}'`, where);
    const raw = take(n * qSize);
    const qData = qSize === 1 ? raw : new Uint16Array(raw.buffer, 0, n);
    const quantization: TfjsQuantization = { dtype: q.dtype as TfjsQuantization['dtype'], scale: q.scale, min: q.min, originalDtype: q.original_dtype };
    if (!dequantize) {
      const t: TfElementType = q.dtype === 'uint8' ? 'u8' : q.dtype === 'uint16' ? 'u16' : 'f16';
      return { weight: { ...base, dtype: t, tfDtype: elementTypeToTfDataType(t), data: qData, quantization, quantizedData: qData }, size: raw.length };
    }
    const outType = (q.original_dtype ?? w.dtype) === 'int32' ? 'i32' : 'f32';
    const out = outType === 'i32' ? new Int32Array(n) : new Float32Array(n);
    if (q.dtype === 'float16') for (let i = 0; i < n; i++) out[i] = float16ToNumber(qData[i]!);
    else {
      if (typeof q.scale !== 'number' || typeof q.min !== 'number') throw new ModelFormatError('BAD_VALUE', `${q.dtype} quantization needs scale and min`, where);
      const { scale, min } = q;
      for (let i = 0; i < n; i++) out[i] = outType === 'i32' ? Math.round(qData[i]! * scale + min) : qData[i]! * scale + min;
    }
    return { weight: { ...base, dtype: outType, tfDtype: elementTypeToTfDataType(outType), data: out, quantization, quantizedData: qData }, size: raw.length };
  }
  const raw = take(n * info.size);
  const ab = raw.buffer;
  let data: TfTensor['data'];
  switch (info.t) {
    case 'f32': data = new Float32Array(ab, 0, n); break;
    case 'i32': data = new Int32Array(ab, 0, n); break;
    case 'complex64': data = new Float32Array(ab, 0, 2 * n); break;
    case 'i64': data = new BigInt64Array(ab, 0, n); break;
    case 'f16': case 'u16': data = new Uint16Array(ab, 0, n); break;
    case 'i16': data = new Int16Array(ab, 0, n); break;
    case 'i8': data = new Int8Array(ab, 0, n); break;
    default: data = raw; break; // bool, u8
  }
  return { weight: { ...base, dtype: info.t, tfDtype: elementTypeToTfDataType(info.t), data }, size: raw.length };
}

/**
 * Reads a tfjs graph model. `weightShards` are the files named by the manifest's `paths`, either
 * in manifest order (all groups flattened) or keyed by path. Quantized weights are dequantized
 * unless `dequantize: false`. Throws ModelFormatError.
 */
export function readTfjsModel(
  modelJson: string | Uint8Array | Record<string, unknown>,
  weightShards: readonly Uint8Array[] | Record<string, Uint8Array> = [],
  opts: { dequantize?: boolean } = {},
): TfjsModel {
  let json: Record<string, unknown>;
  try {
    json = typeof modelJson === 'string' ? JSON.parse(modelJson) : modelJson instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(modelJson)) : modelJson;
  } catch (e) {
    throw new ModelFormatError('BAD_VALUE', `model.json is not valid JSON: ${(e as Error).message}`, 'model.json');
  }
  if (typeof json !== 'object' || json === null) throw new ModelFormatError('BAD_VALUE', 'model.json must hold an object', 'model.json');
  const format = typeof json.format === 'string' ? json.format : 'graph-model';
  if (format === 'layers-model' || (json.modelTopology as Record<string, unknown> | undefined)?.class_name !== undefined) {
    throw new ModelFormatError('UNKNOWN_FORMAT', 'this is a tfjs layers model (Keras topology); only tfjs graph models are supported', 'model.json');
  }
  const topo = json.modelTopology;
  if (typeof topo !== 'object' || topo === null) throw new ModelFormatError('BAD_VALUE', 'model.json has no modelTopology', 'model.json');
  const graph = fromProtoJson<GraphDef>('GraphDef', topo);
  const manifest = (json.weightsManifest ?? []) as ManifestGroup[];
  if (!Array.isArray(manifest)) throw new ModelFormatError('BAD_VALUE', 'weightsManifest must be an array', 'model.json');

  const weights: Record<string, TfjsWeight> = {};
  const next = { i: 0 };
  for (const group of manifest) {
    if (!Array.isArray(group?.paths) || !Array.isArray(group?.weights)) throw new ModelFormatError('BAD_VALUE', 'each weightsManifest group needs paths and weights', 'model.json');
    const buf = concatShards(group.paths, weightShards, next);
    let pos = 0;
    for (const w of group.weights) {
      const { weight, size } = readWeight(w, buf, pos, opts.dequantize ?? true);
      weights[w.name] = weight;
      pos += size;
    }
  }
  for (const node of graph.node) {
    const w = weights[node.name];
    const tensor = node.attr.value?.tensor;
    if (node.op !== 'Const' || !w || !tensor || w.quantization && !(opts.dequantize ?? true)) continue;
    const filled = encodeTensor({ dtype: w.dtype, shape: w.shape, data: w.bytes ?? (w.data as Exclude<TfTensor['data'], string[]>) });
    node.attr.value = { tensor: { ...filled, dtype: w.tfDtype } };
  }
  const sigJson = json.signature ?? (json.userDefinedMetadata as Record<string, unknown> | undefined)?.signature;
  const result: TfjsModel = { format, graph, weights };
  if (typeof json.generatedBy === 'string') result.generatedBy = json.generatedBy;
  if (typeof json.convertedBy === 'string') result.convertedBy = json.convertedBy;
  if (sigJson) result.signature = fromProtoJson<SignatureDef>('SignatureDef', sigJson);
  if (json.modelInitializer) result.initializer = fromProtoJson<GraphDef>('GraphDef', json.modelInitializer);
  if (json.userDefinedMetadata) result.userDefinedMetadata = json.userDefinedMetadata as Record<string, unknown>;
  return result;
}
