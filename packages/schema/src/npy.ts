// NumPy .npy files (format versions 1.0, 2.0 and 3.0), little-endian, C order.
import { ModelFormatError } from './errors';

/** Element types of .npy files liteml reads and writes (numpy `descr` without byte order). */
export type NpyDType = 'f2' | 'f4' | 'f8' | 'i1' | 'u1' | 'i2' | 'u2' | 'i4' | 'u4' | 'i8' | 'u8' | 'b1';

export type NpyData =
  | Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array
  | BigInt64Array | BigUint64Array;

/** An n-dimensional array: f2 holds raw float16 bits (Uint16Array), b1 holds 0/1 bytes (Uint8Array). */
export interface NpyArray {
  dtype: NpyDType;
  shape: number[];
  data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

const INFO: Record<NpyDType, { size: number; make: (buf: ArrayBuffer, n: number) => NpyData; ctor: string }> = {
  f2: { size: 2, make: (b, n) => new Uint16Array(b, 0, n), ctor: 'Uint16Array' },
  f4: { size: 4, make: (b, n) => new Float32Array(b, 0, n), ctor: 'Float32Array' },
  f8: { size: 8, make: (b, n) => new Float64Array(b, 0, n), ctor: 'Float64Array' },
  i1: { size: 1, make: (b, n) => new Int8Array(b, 0, n), ctor: 'Int8Array' },
  u1: { size: 1, make: (b, n) => new Uint8Array(b, 0, n), ctor: 'Uint8Array' },
  i2: { size: 2, make: (b, n) => new Int16Array(b, 0, n), ctor: 'Int16Array' },
  u2: { size: 2, make: (b, n) => new Uint16Array(b, 0, n), ctor: 'Uint16Array' },
  i4: { size: 4, make: (b, n) => new Int32Array(b, 0, n), ctor: 'Int32Array' },
  u4: { size: 4, make: (b, n) => new Uint32Array(b, 0, n), ctor: 'Uint32Array' },
  i8: { size: 8, make: (b, n) => new BigInt64Array(b, 0, n), ctor: 'BigInt64Array' },
  u8: { size: 8, make: (b, n) => new BigUint64Array(b, 0, n), ctor: 'BigUint64Array' },
  b1: { size: 1, make: (b, n) => new Uint8Array(b, 0, n), ctor: 'Uint8Array' },
};

function bad(message: string): never {
  throw new ModelFormatError('BAD_NPY', message, '.npy header');
}

/** Parses the header dict, a Python literal such as `{'descr': '<f4', 'fortran_order': False, 'shape': (1, 3), }`. */
function parseHeader(text: string): { descr: string; fortranOrder: boolean; shape: number[] } {
  const t = text.trim();
  if (!t.startsWith('{') || !t.endsWith('}')) bad(`header is not a dict: ${JSON.stringify(t.slice(0, 80))}`);
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]*)['"]/.exec(t)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(t)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(t)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    bad(`header must have descr, fortran_order and shape: ${JSON.stringify(t.slice(0, 120))}`);
  }
  const parts = shapeText.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const shape = parts.map((p) => {
    if (!/^\d+L?$/.test(p)) bad(`bad dimension '${p}' in shape (${shapeText})`);
    const v = Number.parseInt(p, 10);
    if (!Number.isSafeInteger(v)) bad(`dimension ${p} is too large`);
    return v;
  });
  return { descr, fortranOrder: fortran === 'True', shape };
}

function dtypeFromDescr(descr: string): NpyDType {
  const m = /^([<>|=]?)([a-z])(\d+)$/.exec(descr);
  if (!m) bad(`unsupported descr '${descr}' (structured and object arrays are not supported)`);
  const [, order, kind, size] = m;
  const dtype = `${kind}${size}` as NpyDType;
  if (!(dtype in INFO)) bad(`unsupported descr '${descr}'`);
  if (order === '>' && INFO[dtype].size > 1) bad(`big-endian descr '${descr}' is not supported`);
  return dtype;
}

/** Reads a .npy file. The returned data is a fresh, aligned copy. Throws ModelFormatError BAD_NPY. */
export function readNpy(bytes: Uint8Array): NpyArray {
  if (!(bytes instanceof Uint8Array)) bad('expected the file bytes as a Uint8Array');
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) bad('missing \\x93NUMPY magic: not a .npy file');
  const major = bytes[6]!;
  const minor = bytes[7]!;
  if (major < 1 || major > 3 || minor !== 0) bad(`unsupported .npy format version ${major}.${minor}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) bad('file ends inside the header length');
  const headerLen = major === 1 ? dv.getUint16(8, true) : dv.getUint32(8, true);
  const dataStart = 8 + lenSize + headerLen;
  if (dataStart > bytes.length) bad(`header length ${headerLen} runs past the end of the file (${bytes.length} bytes)`);
  const headerBytes = bytes.subarray(8 + lenSize, dataStart);
  const header = major === 3 ? new TextDecoder('utf-8', { fatal: false }).decode(headerBytes) : latin1(headerBytes);
  const { descr, fortranOrder, shape } = parseHeader(header);
  const dtype = dtypeFromDescr(descr);
  let count = 1;
  for (const d of shape) count *= d;
  const { size, make } = INFO[dtype];
  const byteLen = count * size;
  if (!Number.isSafeInteger(byteLen) || dataStart + byteLen > bytes.length) {
    bad(`shape (${shape.join(', ')}) of ${descr} needs ${byteLen} data bytes, file has ${bytes.length - dataStart}`);
  }
  const buf = new ArrayBuffer(byteLen);
  new Uint8Array(buf).set(bytes.subarray(dataStart, dataStart + byteLen));
  let data = make(buf, count);
  if (fortranOrder && shape.length > 1) data = fortranToC(data, shape);
  return { dtype, shape, data };
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

/** Reorders column-major elements into row-major order. */
function fortranToC(src: NpyData, shape: number[]): NpyData {
  const out = new (src.constructor as new (n: number) => NpyData)(src.length);
  const rank = shape.length;
  const idx = new Array<number>(rank).fill(0);
  const fStrides: number[] = [];
  let s = 1;
  for (let d = 0; d < rank; d++) { fStrides.push(s); s *= shape[d]!; }
  const o = out as unknown as { [i: number]: number | bigint };
  const i0 = src as unknown as { [i: number]: number | bigint };
  for (let c = 0; c < src.length; c++) {
    let f = 0;
    for (let d = 0; d < rank; d++) f += idx[d]! * fStrides[d]!;
    o[c] = i0[f]!;
    for (let d = rank - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

const CTORS: Record<string, Function> = {
  Uint16Array, Float32Array, Float64Array, Int8Array, Uint8Array, Int16Array, Int32Array, Uint32Array, BigInt64Array, BigUint64Array,
};
function isCtor(data: ArrayBufferView, name: string): boolean {
  // Uint8Array subclasses (Node's Buffer) are accepted where Uint8Array is expected.
  return data instanceof (CTORS[name] as new () => ArrayBufferView);
}

function pyShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/**
 * Writes a version 1.0 .npy file (2.0 when the header needs it): NumPy's header dict, padded with
 * spaces to a 64-byte boundary and ending in a newline, then the raw little-endian data.
 */
export function writeNpy(array: NpyArray): Uint8Array {
  const { dtype, shape, data } = array;
  const info = INFO[dtype];
  if (!info) throw new ModelFormatError('BAD_NPY', `unsupported dtype '${String(dtype)}'`);
  if (!Array.isArray(shape) || shape.some((d) => !Number.isSafeInteger(d) || d < 0)) {
    throw new ModelFormatError('BAD_NPY', `invalid shape [${String(shape)}]`);
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (!ArrayBuffer.isView(data) || !isCtor(data, info.ctor)) {
    throw new ModelFormatError('BAD_NPY', `dtype ${dtype} needs a ${info.ctor}, got ${data?.constructor?.name ?? typeof data}`);
  }
  if (data.length !== count) throw new ModelFormatError('BAD_NPY', `shape ${pyShape(shape)} has ${count} elements but data has ${data.length}`);
  const descr = `${info.size === 1 ? '|' : '<'}${dtype}`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${pyShape(shape)}, }`;
  // Spaces pad the header so the data starts on a 64-byte boundary. (NumPy >= 1.22 also reserves
  // room for the first dimension to grow; readers ignore padding, so files stay interchangeable.)
  const padded = (prefix: number): number => Math.ceil((prefix + dict.length + 1) / 64) * 64;
  let major = 1;
  let prefix = 10;
  let total = padded(prefix);
  if (total - prefix > 0xffff) { major = 2; prefix = 12; total = padded(prefix); }
  const headerLen = total - prefix;
  const header = dict + ' '.repeat(headerLen - dict.length - 1) + '\n';
  const out = new Uint8Array(total + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  const dv = new DataView(out.buffer);
  if (major === 1) dv.setUint16(8, headerLen, true);
  else dv.setUint32(8, headerLen, true);
  for (let i = 0; i < header.length; i++) out[prefix + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), total);
  return out;
}

// ---- .npz (a zip of .npy files, stored or deflated) ---------------------------------------------

let crcTable: Uint32Array | undefined;
function crc32(b: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      crcTable[i] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = crcTable[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function badZip(message: string, where = '.npz'): never {
  throw new ModelFormatError('BAD_NPY', message, where);
}

async function inflateRaw(data: Uint8Array, expected: number, where: string): Promise<Uint8Array> {
  const DS = (globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array> }).DecompressionStream;
  if (DS) {
    try {
      const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DS('deflate-raw'));
      const out = new Uint8Array(await new Response(stream).arrayBuffer());
      return out;
    } catch (e) {
      if (!(e instanceof TypeError) || !/deflate-raw|format/i.test(String(e))) badZip(`corrupt deflate data: ${String(e)}`, where);
    }
  }
  const zlib = await import('node:zlib').catch(() => badZip('no deflate decoder available (DecompressionStream or node:zlib)', where));
  try {
    return new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(expected, 1) }));
  } catch (e) {
    return badZip(`corrupt deflate data: ${(e as Error).message}`, where);
  }
}

/**
 * Reads a NumPy .npz archive (`np.savez` / `np.savez_compressed`): every member `name.npy` becomes
 * `result[name]`. Stored and deflated members are supported (zip64 is not). Throws ModelFormatError BAD_NPY.
 */
export async function readNpz(bytes: Uint8Array): Promise<Record<string, NpyArray>> {
  if (!(bytes instanceof Uint8Array)) badZip('expected the file bytes as a Uint8Array');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) badZip('no zip end-of-central-directory record: not an .npz file');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || p === 0xffffffff) badZip('zip64 archives are not supported');
  const out: Record<string, NpyArray> = {};
  const dec = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) badZip(`central directory entry ${k} is damaged`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc = dv.getUint32(p + 16, true);
    const csize = dv.getUint32(p + 20, true);
    const usize = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen > bytes.length) badZip(`central directory entry ${k} runs past the end`);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/')) continue;
    if (flags & 1) badZip('encrypted members are not supported', name);
    if (local + 30 > bytes.length || dv.getUint32(local, true) !== 0x04034b50) badZip('local file header is damaged', name);
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (start + csize > bytes.length) badZip(`member data (${csize} bytes) runs past the end of the archive`, name);
    const raw = bytes.subarray(start, start + csize);
    let data: Uint8Array;
    if (method === 0) data = raw;
    else if (method === 8) data = await inflateRaw(raw, usize, name);
    else return badZip(`compression method ${method} is not supported (stored or deflate only)`, name);
    if (data.length !== usize) badZip(`member inflates to ${data.length} bytes, directory says ${usize}`, name);
    if (crc32(data) !== crc) badZip('member fails its CRC-32 check', name);
    out[name.replace(/\.npy$/, '')] = readNpy(data);
  }
  return out;
}
