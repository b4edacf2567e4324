// A minimal FlexBuffers writer for tests: a map of int/float/bool scalars, every slot 8 bytes wide
// (what TFLite custom ops store as options).
export function writeFlexMap(entries: Record<string, number | boolean>): Uint8Array {
  const bytes: number[] = [];
  const dv = new DataView(new ArrayBuffer(8));
  const u64 = (v: number) => { dv.setBigUint64(0, BigInt(v), true); for (let i = 0; i < 8; i++) bytes.push(dv.getUint8(i)); };
  const pad8 = () => { while (bytes.length % 8) bytes.push(0); };
  const keys = Object.keys(entries).sort();
  const keyAt = keys.map((k) => { const at = bytes.length; for (const c of new TextEncoder().encode(k)) bytes.push(c); bytes.push(0); return at; });
  pad8();
  u64(keys.length);
  const keysVec = bytes.length;
  keyAt.forEach((at) => u64(bytes.length - at));
  u64(bytes.length - keysVec); // offset to the keys vector
  u64(8); // its byte width
  u64(keys.length);
  const map = bytes.length;
  const types: number[] = [];
  for (const k of keys) {
    const v = entries[k]!;
    if (typeof v === 'boolean') { u64(v ? 1 : 0); types.push((26 << 2) | 3); }
    else if (Number.isInteger(v)) { dv.setBigInt64(0, BigInt(v), true); for (let i = 0; i < 8; i++) bytes.push(dv.getUint8(i)); types.push((1 << 2) | 3); }
    else { dv.setFloat64(0, v, true); for (let i = 0; i < 8; i++) bytes.push(dv.getUint8(i)); types.push((3 << 2) | 3); }
  }
  bytes.push(...types);
  pad8();
  u64(bytes.length - map); // root: offset to the map
  bytes.push((9 << 2) | 3, 8);
  return new Uint8Array(bytes);
}
