// Checkpoint keys of tensor slices (partitioned variables): TensorFlow's "ordered code" of
// <0><tensor name><rank><start, length per dimension>, where length -1 means the whole dimension.
const HEADER_BITS: readonly (readonly [number, number])[] = [
  [0, 0], [0x80, 0], [0xc0, 0], [0xe0, 0], [0xf0, 0], [0xf8, 0], [0xfc, 0], [0xfe, 0], [0xff, 0], [0xff, 0x80], [0xff, 0xc0],
];

/** Unsigned: a length byte, then the big-endian bytes (0 is the single byte 0). */
function numIncreasing(out: number[], v: number): void {
  const bytes: number[] = [];
  let x = BigInt(v);
  while (x > 0n) { bytes.unshift(Number(x & 0xffn)); x >>= 8n; }
  out.push(bytes.length, ...bytes);
}

/** Bytes with 0x00 → 00 FF and 0xFF → FF 00, terminated by 00 01. */
function stringIncreasing(out: number[], s: Uint8Array): void {
  for (const b of s) {
    if (b === 0) out.push(0, 0xff);
    else if (b === 0xff) out.push(0xff, 0);
    else out.push(b);
  }
  out.push(0, 1);
}

/** Signed, order-preserving: the sign-extended value with a unary length prefix folded into its top bits. */
function signedNumIncreasing(out: number[], v: number): void {
  const val = BigInt(v);
  const x = val < 0n ? ~val : val;
  if (x < 64n) {
    out.push(Number((0x80n ^ val) & 0xffn));
    return;
  }
  const bits = x.toString(2).length; // floor(log2(x)) + 1
  const len = Math.min(10, Math.floor(bits / 7) + 1); // 7 payload bits per byte, plus the length prefix
  const buf: number[] = [];
  const u = BigInt.asUintN(80, val); // 10 bytes, sign-extended
  for (let i = 9; i >= 0; i--) buf.push(Number((u >> BigInt(8 * i)) & 0xffn));
  const begin = buf.slice(10 - len);
  begin[0] = begin[0]! ^ HEADER_BITS[len]![0];
  begin[1] = begin[1]! ^ HEADER_BITS[len]![1];
  out.push(...begin);
}

/** The checkpoint key under which TensorFlow stores slice `extents` of tensor `name`. */
export function encodeSliceKey(name: string, extents: readonly { start: number; length?: number }[]): Uint8Array {
  const out: number[] = [];
  numIncreasing(out, 0);
  stringIncreasing(out, new TextEncoder().encode(name));
  numIncreasing(out, extents.length);
  for (const e of extents) {
    signedNumIncreasing(out, e.length === undefined ? 0 : e.start);
    signedNumIncreasing(out, e.length === undefined ? -1 : e.length);
  }
  return Uint8Array.from(out);
}
