// RESIZE_BILINEAR on int8/uint8 as TFLite's default XNNPACK delegate computes it (requantization
// mode 'xnnpack', see nn-quant-utils.ts): each output pixel's source coordinates are found in
// float32 (half-pixel centres: y·scale + (scale/2 − 1/2), clamped into the image; legacy mode:
// y·scale), the fractional parts become 11-bit weights (rounded half to even), and the two
// interpolations run in integers, rounding half up at 2^22 — where TFLite's reference kernel
// uses 10-bit weights and float (u8) or round-half-away (i8) arithmetic.

const f = Math.fround;

/** For each output index: [first source index, second source index, 11-bit weight of the second]. */
function axis(outSize: number, inSize: number, align: boolean, halfPixel: boolean): Int32Array {
  const adj = align && outSize !== 1 ? 1 : 0;
  const scale = f((inSize - adj) / (outSize - adj));
  const max = inSize - 1;
  const res = new Int32Array(outSize * 3);
  const legacy = align || !halfPixel;
  const offset = f(f(0.5 * scale) - 0.5);
  for (let o = 0; o < outSize; o++) {
    let p = legacy ? f(o * scale) : f(f(o * scale) + offset);
    if (!legacy) p = Math.min(Math.max(p, 0), max);
    const lo = Math.trunc(p);
    const alpha = f(p - lo);
    const wv = alpha * 2048;
    let w = Math.round(wv);
    if (w - wv === 0.5 && (w & 1) !== 0) w -= 1;
    res[o * 3] = lo;
    res[o * 3 + 1] = Math.min(lo + 1, max);
    res[o * 3 + 2] = w;
  }
  return res;
}

/** Fills `od` (NHWC [n, oh, ow, c]) from `src` (NHWC [n, h, w, c]) with XNNPACK's arithmetic. */
export function xnnpackResizeBilinear8(
  src: ArrayLike<number>, od: { [i: number]: number }, shape: readonly number[], oh: number, ow: number,
  align: boolean, halfPixel: boolean,
): void {
  const [n, h, w, c] = shape as [number, number, number, number];
  const ys = axis(oh, h, align, halfPixel), xs = axis(ow, w, align, halfPixel);
  const at = (b: number, y: number, x: number) => ((b * h + y) * w + x) * c;
  for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
    const y0 = ys[y * 3]!, y1 = ys[y * 3 + 1]!, av = ys[y * 3 + 2]!;
    for (let x = 0; x < ow; x++) {
      const x0 = xs[x * 3]!, x1 = xs[x * 3 + 1]!, ah = xs[x * 3 + 2]!;
      const tl = at(b, y0, x0), tr = at(b, y0, x1), bl = at(b, y1, x0), br = at(b, y1, x1);
      const o = ((b * oh + y) * ow + x) * c;
      for (let ch = 0; ch < c; ch++) {
        const vtl = src[tl + ch]!, vbl = src[bl + ch]!;
        const top = vtl * 2048 + (src[tr + ch]! - vtl) * ah;
        const bottom = vbl * 2048 + (src[br + ch]! - vbl) * ah;
        const acc = top * 2048 + (bottom - top) * av;
        od[o + ch] = Math.floor((acc + 0x200000) / 0x400000);
      }
    }
  }
}
