// The immutable sorted key/value table format TensorFlow uses for checkpoint `.index` files
// (LevelDB's SSTable; blocks uncompressed or Snappy-compressed): data blocks of prefix-compressed entries with
// restart points, an index block of block handles, and a 48-byte footer ending in a magic number.
import { ModelFormatError } from '../errors';
import { crc32cExtend, maskCrc } from './crc32c';
import { snappyDecompress } from './snappy';

const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
const FOOTER_SIZE = 48;
const TRAILER_SIZE = 5; // compression type byte + masked crc32c

export interface SstEntry { key: Uint8Array; value: Uint8Array }

class Cursor {
  constructor(readonly buf: Uint8Array, public pos: number, readonly end: number, readonly where: string) {}
  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ModelFormatError('TRUNCATED', 'varint runs past the end of its block', this.where);
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) {
        if (!Number.isSafeInteger(result)) throw new ModelFormatError('BAD_LENGTH', 'varint too large', this.where);
        return result;
      }
      mul *= 128;
    }
    throw new ModelFormatError('BAD_VALUE', 'varint longer than 10 bytes', this.where);
  }
}

interface BlockHandle { offset: number; size: number }

function readHandle(c: Cursor): BlockHandle {
  return { offset: c.varint(), size: c.varint() };
}

function readBlock(file: Uint8Array, h: BlockHandle, verify: boolean, where: string): Uint8Array {
  if (h.offset + h.size + TRAILER_SIZE > file.length) {
    throw new ModelFormatError('BAD_OFFSET', `block at ${h.offset} (+${h.size}) lies outside the ${file.length}-byte file`, where);
  }
  const data = file.subarray(h.offset, h.offset + h.size);
  const type = file[h.offset + h.size]!;
  if (verify) {
    const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
    const stored = dv.getUint32(h.offset + h.size + 1, true);
    const actual = maskCrc(crc32cExtend(crc32cExtend(0, data), Uint8Array.of(type)));
    if (stored !== actual) throw new ModelFormatError('BAD_CHECKSUM', `block at offset ${h.offset} fails its crc32c check`, where);
  }
  if (type === 1) return snappyDecompress(data, where);
  if (type !== 0) throw new ModelFormatError('UNSUPPORTED_VERSION', `block compression type ${type} is not supported (uncompressed or snappy only)`, where);
  return data;
}

function blockEntries(block: Uint8Array, where: string): SstEntry[] {
  if (block.length < 4) throw new ModelFormatError('TRUNCATED', 'block shorter than its restart count', where);
  const dv = new DataView(block.buffer, block.byteOffset, block.byteLength);
  const numRestarts = dv.getUint32(block.length - 4, true);
  const restartsStart = block.length - 4 - 4 * numRestarts;
  if (numRestarts > block.length / 4 || restartsStart < 0) throw new ModelFormatError('BAD_LENGTH', `bad restart count ${numRestarts}`, where);
  const c = new Cursor(block, 0, restartsStart, where);
  const out: SstEntry[] = [];
  let prev: Uint8Array = new Uint8Array(0);
  while (c.pos < restartsStart) {
    const shared = c.varint();
    const nonShared = c.varint();
    const valueLen = c.varint();
    if (shared > prev.length) throw new ModelFormatError('BAD_VALUE', `entry shares ${shared} bytes of a ${prev.length}-byte key`, where);
    if (c.pos + nonShared + valueLen > restartsStart) throw new ModelFormatError('BAD_LENGTH', 'entry runs past the end of its block', where);
    const key = new Uint8Array(shared + nonShared);
    key.set(prev.subarray(0, shared));
    key.set(block.subarray(c.pos, c.pos + nonShared), shared);
    c.pos += nonShared;
    const value = block.subarray(c.pos, c.pos + valueLen);
    c.pos += valueLen;
    out.push({ key, value });
    prev = key;
  }
  return out;
}

/** Every entry of a table, in key order. Throws ModelFormatError on any inconsistency. */
export function readSstable(file: Uint8Array, opts: { verifyChecksums?: boolean; where?: string } = {}): SstEntry[] {
  const where = opts.where ?? 'tensor bundle index';
  const verify = opts.verifyChecksums ?? true;
  if (file.length < FOOTER_SIZE) throw new ModelFormatError('TRUNCATED', `file of ${file.length} bytes is shorter than a table footer`, where);
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const f = file.length - FOOTER_SIZE;
  if (dv.getUint32(f + 40, true) !== MAGIC_LO || dv.getUint32(f + 44, true) !== MAGIC_HI) {
    throw new ModelFormatError('BAD_MAGIC', 'table magic number missing: not a TensorFlow checkpoint index', where);
  }
  const c = new Cursor(file, f, f + 40, where);
  readHandle(c); // metaindex (unused by TensorFlow)
  const indexHandle = readHandle(c);
  const index = blockEntries(readBlock(file, indexHandle, verify, where), where);
  const out: SstEntry[] = [];
  for (const e of index) {
    const hc = new Cursor(e.value, 0, e.value.length, where);
    out.push(...blockEntries(readBlock(file, readHandle(hc), verify, where), where));
  }
  return out;
}

// ---- writer --------------------------------------------------------------------------------

function putVarint(out: number[], v: number): void {
  while (v >= 0x80) { out.push((v % 128) | 0x80); v = Math.floor(v / 128); }
  out.push(v);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function buildBlock(entries: readonly SstEntry[], restartInterval: number): Uint8Array {
  const out: number[] = [];
  const restarts: number[] = [];
  let prev: Uint8Array = new Uint8Array(0);
  entries.forEach((e, i) => {
    let shared = 0;
    if (i % restartInterval === 0) restarts.push(out.length);
    else while (shared < prev.length && shared < e.key.length && prev[shared] === e.key[shared]) shared++;
    putVarint(out, shared);
    putVarint(out, e.key.length - shared);
    putVarint(out, e.value.length);
    for (let k = shared; k < e.key.length; k++) out.push(e.key[k]!);
    for (let k = 0; k < e.value.length; k++) out.push(e.value[k]!);
    prev = e.key;
  });
  if (restarts.length === 0) restarts.push(0);
  const block = new Uint8Array(out.length + 4 * restarts.length + 4);
  block.set(out);
  const dv = new DataView(block.buffer);
  restarts.forEach((r, i) => dv.setUint32(out.length + 4 * i, r, true));
  dv.setUint32(out.length + 4 * restarts.length, restarts.length, true);
  return block;
}

function shortestSeparator(start: Uint8Array, limit: Uint8Array): Uint8Array {
  const n = Math.min(start.length, limit.length);
  let i = 0;
  while (i < n && start[i] === limit[i]) i++;
  if (i < n) {
    const b = start[i]!;
    if (b < 0xff && b + 1 < limit[i]!) {
      const out = start.slice(0, i + 1);
      out[i] = b + 1;
      return out;
    }
  }
  return start;
}

function shortSuccessor(key: Uint8Array): Uint8Array {
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== 0xff) {
      const out = key.slice(0, i + 1);
      out[i] = key[i]! + 1;
      return out;
    }
  }
  return key;
}

/** Writes a table (uncompressed, 16-entry restarts, ~256 KiB blocks) holding `entries` sorted by key. */
export function writeSstable(entries: readonly SstEntry[], blockSize = 262144): Uint8Array {
  const sorted = [...entries].sort((a, b) => compareBytes(a.key, b.key));
  for (let i = 1; i < sorted.length; i++) {
    if (compareBytes(sorted[i - 1]!.key, sorted[i]!.key) === 0) throw new ModelFormatError('BAD_VALUE', 'duplicate key in table');
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const emit = (block: Uint8Array): BlockHandle => {
    const handle = { offset: size, size: block.length };
    const trailer = new Uint8Array(TRAILER_SIZE);
    new DataView(trailer.buffer).setUint32(1, maskCrc(crc32cExtend(crc32cExtend(0, block), Uint8Array.of(0))), true);
    parts.push(block, trailer);
    size += block.length + TRAILER_SIZE;
    return handle;
  };
  const handleBytes = (h: BlockHandle): Uint8Array => { const b: number[] = []; putVarint(b, h.offset); putVarint(b, h.size); return Uint8Array.from(b); };
  // Index keys as LevelDB's builder picks them: the shortest key >= the block's last key and
  // < the next block's first key; after the last block, the shortest key > its last key.
  const index: SstEntry[] = [];
  let pending: SstEntry[] = [];
  let pendingBytes = 0;
  let pendingHandle: BlockHandle | undefined;
  let lastKey: Uint8Array = new Uint8Array(0);
  for (const e of sorted) {
    if (pendingHandle) {
      index.push({ key: shortestSeparator(lastKey, e.key), value: handleBytes(pendingHandle) });
      pendingHandle = undefined;
    }
    pending.push(e);
    lastKey = e.key;
    pendingBytes += e.key.length + e.value.length + 3;
    if (pendingBytes >= blockSize) {
      pendingHandle = emit(buildBlock(pending, 16));
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pending.length) pendingHandle = emit(buildBlock(pending, 16));
  if (pendingHandle) index.push({ key: shortSuccessor(lastKey), value: handleBytes(pendingHandle) });
  const meta = emit(buildBlock([], 16));
  const idx = emit(buildBlock(index, 1));
  const footer = new Uint8Array(FOOTER_SIZE);
  const hb = [...handleBytes(meta), ...handleBytes(idx)];
  footer.set(hb);
  const fdv = new DataView(footer.buffer);
  fdv.setUint32(40, MAGIC_LO, true);
  fdv.setUint32(44, MAGIC_HI, true);
  parts.push(footer);
  const out = new Uint8Array(size + FOOTER_SIZE);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
