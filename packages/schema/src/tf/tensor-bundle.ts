// TensorBundle (TensorFlow checkpoint V2): `<prefix>.index` (a table of BundleEntryProto by
// tensor name, header under the empty key) plus `<prefix>.data-NNNNN-of-MMMMM` shards.
import { ModelFormatError } from '../errors';
import type { BundleEntryProto, BundleHeaderProto } from '../generated/tf/types';
import { crc32c, crc32cExtend, maskCrc } from './crc32c';
import { allocTyped, elementTypeToTfDataType, tfDataTypeToElementType, typedFromBytes } from './dtypes';
import type { TfTypedArray } from './dtypes';
import { decodeMessage, encodeMessage } from './proto';
import { encodeSliceKey } from './slice-key';
import { readSstable, writeSstable } from './sstable';
import { elementCount, shapeDims } from './tensor';
import type { TfTensor, TfTensorInput } from './tensor';

export interface TensorBundle {
  header: BundleHeaderProto;
  /** Metadata of every tensor (sliced tensors list their `slices`), by checkpoint key. */
  entries: Record<string, BundleEntryProto>;
  /** Tensor names in key order (the per-slice entries of partitioned tensors are not listed). */
  names: string[];
  /** Reads and checks one tensor's values (partitioned tensors are assembled from their slices). Throws ModelFormatError. */
  read(name: string): TfTensor;
}

export interface ReadTensorBundleOptions {
  /** Verify the masked crc32c of the index blocks and of every tensor read (default true). */
  verifyChecksums?: boolean;
}

const dec = new TextDecoder('utf-8');
const enc = new TextEncoder();

/** Opens a bundle from its `.index` bytes and its data shards (index = shard id). */
export function readTensorBundle(index: Uint8Array, shards: readonly (Uint8Array | undefined)[], opts: ReadTensorBundleOptions = {}): TensorBundle {
  const verify = opts.verifyChecksums ?? true;
  const rows = readSstable(index, { verifyChecksums: verify, where: 'variables.index' });
  let header: BundleHeaderProto | undefined;
  const entries: Record<string, BundleEntryProto> = {};
  const sliceEntries = new Map<string, BundleEntryProto>(); // by latin1 key (slice keys are binary)
  const names: string[] = [];
  for (const row of rows) {
    if (row.key.length === 0) {
      header = decodeMessage<BundleHeaderProto>('BundleHeaderProto', row.value);
      continue;
    }
    const entry = decodeMessage<BundleEntryProto>('BundleEntryProto', row.value);
    if (row.key[0] === 0) { sliceEntries.set(latin1(row.key), entry); continue; } // a slice of a partitioned tensor
    const name = dec.decode(row.key);
    entries[name] = entry;
    names.push(name);
  }
  if (!header) throw new ModelFormatError('BAD_VALUE', 'bundle index has no header entry (empty key)', 'variables.index');
  if (header.endianness !== 'LITTLE') throw new ModelFormatError('UNSUPPORTED_VERSION', 'big-endian checkpoints are not supported', 'variables.index');
  const h = header;
  return {
    header: h,
    entries,
    names,
    read(name: string): TfTensor {
      const entry = entries[name];
      if (!entry) throw new ModelFormatError('MISSING_FILE', `no tensor named '${name}' in the checkpoint`, 'variables.index');
      if (entry.slices.length === 0) return readEntry(name, entry, shards, h.numShards, verify);
      return readPartitioned(name, entry, (key) => sliceEntries.get(latin1(key)), shards, h.numShards, verify);
    },
  };
}

function readEntry(name: string, e: BundleEntryProto, shards: readonly (Uint8Array | undefined)[], numShards: number, verify: boolean): TfTensor {
  const where = `checkpoint tensor '${name}'`;
  const dtype = tfDataTypeToElementType(e.dtype, where);
  const shape = shapeDims(e.shape, where);
  const n = elementCount(shape, where);
  if (e.shardId < 0 || e.shardId >= Math.max(numShards, 1)) throw new ModelFormatError('BAD_VALUE', `shard id ${e.shardId} outside 0..${numShards - 1}`, where);
  const shard = shards[e.shardId];
  if (!shard) throw new ModelFormatError('MISSING_FILE', `data shard ${e.shardId} of ${numShards} is missing (${dataShardName('variables', e.shardId, numShards)})`, where);
  const offset = Number(e.offset);
  const size = Number(e.size);
  if (offset < 0 || size < 0 || offset + size > shard.length) {
    throw new ModelFormatError('BAD_OFFSET', `bytes ${offset}..${offset + size} lie outside the ${shard.length}-byte shard`, where);
  }
  const bytes = shard.subarray(offset, offset + size);
  const base = { dtype, tfDtype: e.dtype, shape };
  if (dtype === 'string') {
    const { strings, crc } = readStrings(bytes, n, where);
    if (verify && maskCrc(crc) !== e.crc32c) throw new ModelFormatError('BAD_CHECKSUM', 'string tensor fails its crc32c check', where);
    return { ...base, data: strings.map((s) => dec.decode(s)), bytes: strings };
  }
  if (dtype === 'resource' || dtype === 'variant') throw new ModelFormatError('UNSUPPORTED_VERSION', `${dtype} tensors in checkpoints are not supported`, where);
  if (verify && maskCrc(crc32c(bytes)) !== e.crc32c) throw new ModelFormatError('BAD_CHECKSUM', 'tensor bytes fail their crc32c check (corrupt data shard?)', where);
  return { ...base, data: typedFromBytes(dtype, bytes, n, where) };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Assembles a partitioned tensor from its slices (each stored under its own ordered-code key). */
function readPartitioned(
  name: string, full: BundleEntryProto, lookup: (key: Uint8Array) => BundleEntryProto | undefined,
  shards: readonly (Uint8Array | undefined)[], numShards: number, verify: boolean,
): TfTensor {
  const where = `checkpoint tensor '${name}'`;
  const dtype = tfDataTypeToElementType(full.dtype, where);
  const shape = shapeDims(full.shape, where);
  const n = elementCount(shape, where);
  const isString = dtype === 'string';
  const out: (TfTypedArray | string[]) = isString ? new Array<string>(n).fill('') : allocTyped(dtype, n);
  const outBytes: Uint8Array[] | undefined = isString ? new Array<Uint8Array>(n).fill(new Uint8Array(0)) : undefined;
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  for (const slice of full.slices) {
    if (slice.extent.length !== shape.length) throw new ModelFormatError('BAD_VALUE', `slice of rank ${slice.extent.length} for a rank-${shape.length} tensor`, where);
    const extents = slice.extent.map((x, d) => {
      const start = Number(x.start);
      const length = x.length === undefined ? shape[d]! - start : Number(x.length);
      if (start < 0 || length < 0 || start + length > shape[d]!) throw new ModelFormatError('BAD_VALUE', `slice extent ${start}+${length} outside dimension ${d} of size ${shape[d]}`, where);
      return { start, length, full: x.length === undefined };
    });
    const key = encodeSliceKey(name, extents.map((x) => (x.full ? { start: 0 } : { start: x.start, length: x.length })));
    const entry = lookup(key);
    if (!entry) throw new ModelFormatError('MISSING_FILE', `slice [${extents.map((x) => `${x.start}:${x.start + x.length}`).join(', ')}] is missing from the index`, where);
    const part = readEntry(`${name}[slice]`, entry, shards, numShards, verify);
    const partShape = extents.map((x) => x.length);
    if (part.shape.join(',') !== partShape.join(',')) throw new ModelFormatError('BAD_VALUE', `slice holds shape [${part.shape.join(',')}], expected [${partShape.join(',')}]`, where);
    // copy row-major: iterate over the slice's elements, mapping each to its place in the full tensor
    const count = partShape.reduce((a, b) => a * b, 1);
    const idx = new Array<number>(partShape.length).fill(0);
    const o = out as unknown as { [i: number]: unknown };
    const src = part.data as unknown as { [i: number]: unknown };
    for (let i = 0; i < count; i++) {
      let at = 0;
      for (let d = 0; d < idx.length; d++) at += (idx[d]! + extents[d]!.start) * strides[d]!;
      o[at] = src[i];
      if (outBytes) outBytes[at] = part.bytes![i]!;
      for (let d = idx.length - 1; d >= 0; d--) {
        if (++idx[d]! < partShape[d]!) break;
        idx[d] = 0;
      }
    }
  }
  return { dtype, tfDtype: full.dtype, shape, data: out, ...(outBytes ? { bytes: outBytes } : {}) };
}

/** String layout: varint64 lengths, masked crc32c of the lengths, then the bytes. Returns the running crc. */
function readStrings(b: Uint8Array, n: number, where: string): { strings: Uint8Array[]; crc: number } {
  let pos = 0;
  const lens: number[] = [];
  let crc = 0;
  const tmp = new DataView(new ArrayBuffer(8));
  for (let i = 0; i < n; i++) {
    let len = 0;
    let mul = 1;
    for (let k = 0; ; k++) {
      if (pos >= b.length || k >= 10) throw new ModelFormatError('TRUNCATED', 'string lengths run past the tensor bytes', where);
      const c = b[pos++]!;
      len += (c & 0x7f) * mul;
      mul *= 128;
      if (c < 0x80) break;
    }
    lens.push(len);
    if (len <= 0xffffffff) { tmp.setUint32(0, len, true); crc = crc32cExtend(crc, new Uint8Array(tmp.buffer, 0, 4)); }
    else { tmp.setBigUint64(0, BigInt(len), true); crc = crc32cExtend(crc, new Uint8Array(tmp.buffer, 0, 8)); }
  }
  if (pos + 4 > b.length) throw new ModelFormatError('TRUNCATED', 'string tensor ends before its length checksum', where);
  const lenCrc = b.subarray(pos, pos + 4);
  crc = crc32cExtend(crc, lenCrc);
  pos += 4;
  const strings: Uint8Array[] = [];
  for (const len of lens) {
    if (pos + len > b.length) throw new ModelFormatError('TRUNCATED', 'string bytes run past the tensor bytes', where);
    const s = b.subarray(pos, pos + len);
    crc = crc32cExtend(crc, s);
    strings.push(s);
    pos += len;
  }
  return { strings, crc };
}

/** `variables.data-00000-of-00001` for prefix `variables`, shard 0 of 1. */
export function dataShardName(prefix: string, shard: number, numShards: number): string {
  return `${prefix}.data-${String(shard).padStart(5, '0')}-of-${String(numShards).padStart(5, '0')}`;
}

/**
 * Writes a single-shard bundle as TensorFlow's BundleWriter does (entries sorted by key, no
 * alignment padding, producer version 1). Returns the `.index` and `.data-00000-of-00001` bytes.
 */
export function writeTensorBundle(tensors: Record<string, TfTensorInput>): { index: Uint8Array; data: Uint8Array } {
  const names = Object.keys(tensors).sort();
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const rows: { key: Uint8Array; value: Uint8Array }[] = [];
  for (const name of names) {
    if (name === '') throw new ModelFormatError('BAD_VALUE', 'a tensor name must not be empty (the empty key holds the header)');
    const t = tensors[name]!;
    const { bytes, crc } = tensorBytes(t, name);
    const entry: Partial<BundleEntryProto> = {
      dtype: elementTypeToTfDataType(t.dtype),
      shape: { dim: t.shape.map((size) => ({ size, name: '' })), unknownRank: false },
      shardId: 0, offset, size: bytes.length, crc32c: maskCrc(crc),
    };
    rows.push({ key: enc.encode(name), value: encodeMessage('BundleEntryProto', entry) });
    chunks.push(bytes);
    offset += bytes.length;
  }
  const header: Partial<BundleHeaderProto> = { numShards: 1, endianness: 'LITTLE', version: { producer: 1, minConsumer: 0, badConsumers: [] } };
  rows.push({ key: new Uint8Array(0), value: encodeMessage('BundleHeaderProto', header) });
  const data = new Uint8Array(offset);
  let o = 0;
  for (const c of chunks) { data.set(c, o); o += c.length; }
  return { index: writeSstable(rows), data };
}

function tensorBytes(t: TfTensorInput, name: string): { bytes: Uint8Array; crc: number } {
  const n = elementCount(t.shape, name);
  if (t.dtype === 'string') {
    const strs = (t.data as readonly (string | Uint8Array)[]).map((s) => (typeof s === 'string' ? enc.encode(s) : s));
    if (strs.length !== n) throw new ModelFormatError('BAD_LENGTH', `${strs.length} strings for ${n} elements`, name);
    const lens: number[] = [];
    let crc = 0;
    const tmp = new DataView(new ArrayBuffer(4));
    for (const s of strs) {
      let v = s.length;
      while (v >= 0x80) { lens.push((v & 0x7f) | 0x80); v >>>= 7; }
      lens.push(v);
      tmp.setUint32(0, s.length, true);
      crc = crc32cExtend(crc, new Uint8Array(tmp.buffer));
    }
    const lenCrc = new Uint8Array(4);
    new DataView(lenCrc.buffer).setUint32(0, maskCrc(crc), true);
    crc = crc32cExtend(crc, lenCrc);
    const total = lens.length + 4 + strs.reduce((a, s) => a + s.length, 0);
    const bytes = new Uint8Array(total);
    bytes.set(lens, 0);
    bytes.set(lenCrc, lens.length);
    let p = lens.length + 4;
    for (const s of strs) { bytes.set(s, p); crc = crc32cExtend(crc, s); p += s.length; }
    return { bytes, crc };
  }
  const data = t.data as TfTypedArray;
  const width = t.dtype === 'complex64' || t.dtype === 'complex128' ? 2 : 1;
  if (!ArrayBuffer.isView(data) || data.length !== n * width) throw new ModelFormatError('BAD_LENGTH', `tensor '${name}' of shape [${t.shape.join(',')}] needs ${n * width} values`, name);
  const bytes = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return { bytes, crc: crc32c(bytes) };
}
