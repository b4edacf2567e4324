// Raw Snappy block decompression (older TensorFlow versions compressed checkpoint index blocks).
import { ModelFormatError } from '../errors';

/** Decompresses one Snappy block. Throws ModelFormatError on malformed input. */
export function snappyDecompress(src: Uint8Array, where: string, maxLength = 1 << 30): Uint8Array {
  const fail = (msg: string): never => { throw new ModelFormatError('BAD_VALUE', `corrupt snappy block: ${msg}`, where); };
  let pos = 0;
  let length = 0;
  for (let shift = 0; ; shift += 7) {
    if (pos >= src.length || shift > 28) fail('bad length preamble');
    const b = src[pos++]!;
    length += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) break;
  }
  if (length > maxLength) fail(`declared length ${length} is too large`);
  const out = new Uint8Array(length);
  let o = 0;
  while (pos < src.length) {
    const tag = src[pos++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let len = tag >>> 2;
      if (len >= 60) {
        const nb = len - 59;
        if (pos + nb > src.length) fail('literal length runs past the input');
        len = 0;
        for (let i = 0; i < nb; i++) len += src[pos++]! * 2 ** (8 * i);
      }
      len += 1;
      if (pos + len > src.length || o + len > length) fail('literal runs past the buffer');
      out.set(src.subarray(pos, pos + len), o);
      pos += len;
      o += len;
      continue;
    }
    let len: number;
    let offset: number;
    if (kind === 1) {
      if (pos >= src.length) fail('truncated copy');
      len = 4 + ((tag >>> 2) & 7);
      offset = ((tag >>> 5) << 8) | src[pos++]!;
    } else if (kind === 2) {
      if (pos + 2 > src.length) fail('truncated copy');
      len = 1 + (tag >>> 2);
      offset = src[pos]! | (src[pos + 1]! << 8);
      pos += 2;
    } else {
      if (pos + 4 > src.length) fail('truncated copy');
      len = 1 + (tag >>> 2);
      offset = (src[pos]! | (src[pos + 1]! << 8) | (src[pos + 2]! << 16) | (src[pos + 3]! << 24)) >>> 0;
      pos += 4;
    }
    if (offset === 0 || offset > o || o + len > length) fail('copy outside the output');
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]!;
  }
  if (o !== length) fail(`produced ${o} of ${length} bytes`);
  return out;
}
