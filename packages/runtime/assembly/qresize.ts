// 8-bit bilinear resize over NHWC input, bit-exact with the reference backend. The caller passes
// per output row and column (first index, second index, weight of the second) as i32 words:
// - resize_bilinear_i8_tflite: TFLite's reference ResizeBilinearInteger (10-bit weights, one
//   rounding of the four-term sum, half away from zero); results wrap to 8 bits like a typed array;
// - resize_bilinear_q8_xnnpack: XNNPACK's (11-bit weights, horizontal then vertical
//   interpolation, rounding half up at 2^22);
// - resize_bilinear_u8_tflite: TFLite's uint8 float path (the f32 kernel's products and sum, then
//   + 0.5 truncated); the weights come as f32 words there.

/** Round-half-away (v > 0 up, else down) of v / 2^20, truncating. */
// @ts-ignore: decorator
@inline
function round20(v: v128): v128 {
  const pos = i32x4.gt_s(v, i32x4.splat(0));
  const r = i32x4.add(v, v128.bitselect(i32x4.splat(1 << 19), i32x4.splat(-(1 << 19)), pos));
  return i32x4.shr_s(i32x4.add(r, v128.and(i32x4.shr_s(r, 31), i32x4.splat((1 << 20) - 1))), 20);
}

/** The low bytes of the eight i32 lanes of a and b, stored at p. */
// @ts-ignore: decorator
@inline
function storeLowBytes8(p: usize, a: v128, b: v128): void {
  v128.store64_lane(p, i8x16.shuffle(a, b, 0, 4, 8, 12, 16, 20, 24, 28, 0, 4, 8, 12, 16, 20, 24, 28), 0);
}

/** int8, TFLite reference arithmetic: ys/xs per output index [i0, i1, d] with d in 1/1024 units. */
export function resize_bilinear_i8_tflite(x: usize, N: i32, H: i32, W: i32, C: i32, outH: i32, outW: i32, ys: usize, xs: usize, out: usize): void {
  const cs = <usize>C;
  let o = out;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const yp = ys + <usize>oy * 12;
      const y0 = load<i32>(yp), y1 = load<i32>(yp, 4), dy = load<i32>(yp, 8);
      const r0 = x + <usize>(b * H + y0) * <usize>W * cs, r1 = x + <usize>(b * H + y1) * <usize>W * cs;
      for (let ox = 0; ox < outW; ox++) {
        const xp = xs + <usize>ox * 12;
        const x0 = <usize>load<i32>(xp) * cs, x1 = <usize>load<i32>(xp, 4) * cs, dx = load<i32>(xp, 8);
        const w00 = (1024 - dy) * (1024 - dx), w10 = dy * (1024 - dx), w01 = (1024 - dy) * dx, w11 = dy * dx;
        const p00 = r0 + x0, p10 = r1 + x0, p01 = r0 + x1, p11 = r1 + x1;
        let c = 0;
        if (ASC_FEATURE_SIMD) {
          const v00 = i32x4.splat(w00), v10 = i32x4.splat(w10), v01 = i32x4.splat(w01), v11 = i32x4.splat(w11);
          for (; c + 8 <= C; c += 8) {
            const cc = <usize>c;
            const a = v128.load8x8_s(p00 + cc), bb = v128.load8x8_s(p10 + cc), cq = v128.load8x8_s(p01 + cc), d = v128.load8x8_s(p11 + cc);
            const lo = i32x4.add(i32x4.add(i32x4.mul(i32x4.extend_low_i16x8_s(a), v00), i32x4.mul(i32x4.extend_low_i16x8_s(bb), v10)),
              i32x4.add(i32x4.mul(i32x4.extend_low_i16x8_s(cq), v01), i32x4.mul(i32x4.extend_low_i16x8_s(d), v11)));
            const hi = i32x4.add(i32x4.add(i32x4.mul(i32x4.extend_high_i16x8_s(a), v00), i32x4.mul(i32x4.extend_high_i16x8_s(bb), v10)),
              i32x4.add(i32x4.mul(i32x4.extend_high_i16x8_s(cq), v01), i32x4.mul(i32x4.extend_high_i16x8_s(d), v11)));
            storeLowBytes8(o + cc, round20(lo), round20(hi));
          }
        }
        for (; c < C; c++) {
          const cc = <usize>c;
          const v = <i32>load<i8>(p00 + cc) * w00 + <i32>load<i8>(p10 + cc) * w10 + <i32>load<i8>(p01 + cc) * w01 + <i32>load<i8>(p11 + cc) * w11;
          store<i8>(o + cc, <i8>((v + (v > 0 ? 1 << 19 : -(1 << 19))) / (1 << 20)));
        }
        o += cs;
      }
    }
  }
}

// @ts-ignore: decorator
@inline
function load8x8(p: usize, signed: i32): v128 {
  return signed ? v128.load8x8_s(p) : v128.load8x8_u(p);
}

/** XNNPACK's interpolation of four i32x4 lanes: ((tl·2048 + (tr − tl)·ah)·2048 + (bottom − top)·av + 2^21) >> 22. */
// @ts-ignore: decorator
@inline
function lerp11(tl: v128, tr: v128, bl: v128, br: v128, ah: v128, av: v128): v128 {
  const top = i32x4.add(i32x4.shl(tl, 11), i32x4.mul(i32x4.sub(tr, tl), ah));
  const bottom = i32x4.add(i32x4.shl(bl, 11), i32x4.mul(i32x4.sub(br, bl), ah));
  const acc = i32x4.add(i32x4.shl(top, 11), i32x4.mul(i32x4.sub(bottom, top), av));
  return i32x4.shr_s(i32x4.add(acc, i32x4.splat(0x200000)), 22);
}

/** int8 (signed = 1) or uint8, XNNPACK arithmetic: ys/xs per output index [i0, i1, 11-bit weight of i1]. */
export function resize_bilinear_q8_xnnpack(x: usize, N: i32, H: i32, W: i32, C: i32, outH: i32, outW: i32, ys: usize, xs: usize, out: usize, signed: i32): void {
  const cs = <usize>C;
  let o = out;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const yp = ys + <usize>oy * 12;
      const y0 = load<i32>(yp), y1 = load<i32>(yp, 4), av = load<i32>(yp, 8);
      const r0 = x + <usize>(b * H + y0) * <usize>W * cs, r1 = x + <usize>(b * H + y1) * <usize>W * cs;
      for (let ox = 0; ox < outW; ox++) {
        const xp = xs + <usize>ox * 12;
        const x0 = <usize>load<i32>(xp) * cs, x1 = <usize>load<i32>(xp, 4) * cs, ah = load<i32>(xp, 8);
        const ptl = r0 + x0, ptr = r0 + x1, pbl = r1 + x0, pbr = r1 + x1;
        let c = 0;
        if (ASC_FEATURE_SIMD) {
          const vah = i32x4.splat(ah), vav = i32x4.splat(av);
          for (; c + 8 <= C; c += 8) {
            const cc = <usize>c;
            const tl = load8x8(ptl + cc, signed), tr = load8x8(ptr + cc, signed), bl = load8x8(pbl + cc, signed), br = load8x8(pbr + cc, signed);
            const lo = lerp11(i32x4.extend_low_i16x8_s(tl), i32x4.extend_low_i16x8_s(tr), i32x4.extend_low_i16x8_s(bl), i32x4.extend_low_i16x8_s(br), vah, vav);
            const hi = lerp11(i32x4.extend_high_i16x8_s(tl), i32x4.extend_high_i16x8_s(tr), i32x4.extend_high_i16x8_s(bl), i32x4.extend_high_i16x8_s(br), vah, vav);
            storeLowBytes8(o + cc, lo, hi);
          }
        }
        for (; c < C; c++) {
          const cc = <usize>c;
          const tl = signed ? <i32>load<i8>(ptl + cc) : <i32>load<u8>(ptl + cc);
          const tr = signed ? <i32>load<i8>(ptr + cc) : <i32>load<u8>(ptr + cc);
          const bl = signed ? <i32>load<i8>(pbl + cc) : <i32>load<u8>(pbl + cc);
          const br = signed ? <i32>load<i8>(pbr + cc) : <i32>load<u8>(pbr + cc);
          const top = (tl << 11) + (tr - tl) * ah, bottom = (bl << 11) + (br - bl) * ah;
          store<u8>(o + cc, <u8>((((top << 11) + (bottom - top) * av) + 0x200000) >> 22));
        }
        o += cs;
      }
    }
  }
}

/** uint8, TFLite reference float path: ys/xs per output index [i0 i32, i1 i32, fraction f32]. */
export function resize_bilinear_u8_tflite(x: usize, N: i32, H: i32, W: i32, C: i32, outH: i32, outW: i32, ys: usize, xs: usize, out: usize): void {
  const cs = <usize>C;
  let o = out;
  for (let b = 0; b < N; b++) {
    for (let oy = 0; oy < outH; oy++) {
      const yp = ys + <usize>oy * 12;
      const y0 = load<i32>(yp), y1 = load<i32>(yp, 4), dy = load<f32>(yp, 8);
      const r0 = x + <usize>(b * H + y0) * <usize>W * cs, r1 = x + <usize>(b * H + y1) * <usize>W * cs;
      const wy0: f32 = 1 - dy;
      for (let ox = 0; ox < outW; ox++) {
        const xp = xs + <usize>ox * 12;
        const x0 = <usize>load<i32>(xp) * cs, x1 = <usize>load<i32>(xp, 4) * cs, dx = load<f32>(xp, 8);
        const wx0: f32 = 1 - dx;
        for (let c = 0; c < C; c++) {
          const cc = <usize>c;
          const t1 = <f64>(<f32>load<u8>(r0 + x0 + cc) * wy0 * wx0);
          const t2 = <f64>(<f32>load<u8>(r1 + x0 + cc) * dy * wx0);
          const t3 = <f64>(<f32>load<u8>(r0 + x1 + cc) * wy0 * dx);
          const t4 = <f64>(<f32>load<u8>(r1 + x1 + cc) * dy * dx);
          const v = <f64>(<f32>(t1 + t2 + t3 + t4));
          store<u8>(o + cc, <u8>(<i32>trunc<f64>(v + 0.5)));
        }
        o += cs;
      }
    }
  }
}
