// f32 depthwise 2-D convolution over NHWC input. Weights [KH, KW, OC] (the TFLite layout, used
// as is), bias [OC] (always present: zeros when the model has none). Depth multiplier 1 runs 8 and
// 4 channels per step in SIMD, multipliers that are multiples of 4 run 4 output channels per
// input value; other multipliers and channel tails run scalar.
import { endTap, firstTap } from './taps';

// @ts-ignore: decorator
@inline
function clampf(v: f32, lo: f32, hi: f32): f32 {
  v = v < lo ? lo : v;
  return v > hi ? hi : v;
}

/** Scalar channels [c0, c1) of one output pixel (any depth multiplier). */
// @ts-ignore: decorator
@inline
function dwPixelScalar(x: usize, w: usize, bias: usize, o: usize, c0: i32, c1: i32, dm: i32, C: i32, OC: i32,
  W: i32, rowBase: usize, iy0: i32, ix0: i32, ky0: i32, ky1: i32, kx0: i32, kx1: i32, kw: i32, dh: i32, dw: i32,
  vmin: f32, vmax: f32): void {
  for (let oc = c0; oc < c1; oc++) {
    const ic = oc / dm;
    let acc = load<f32>(bias + (<usize>oc << 2));
    for (let ky = ky0; ky < ky1; ky++) {
      const iy = iy0 + ky * dh;
      const xr = rowBase + ((<usize>iy * <usize>W) * <usize>C << 2);
      for (let kx = kx0; kx < kx1; kx++) {
        const ix = ix0 + kx * dw;
        acc += load<f32>(xr + ((<usize>ix * <usize>C + <usize>ic) << 2)) * load<f32>(w + ((<usize>(ky * kw + kx) * <usize>OC + <usize>oc) << 2));
      }
    }
    store<f32>(o + (<usize>oc << 2), clampf(acc, vmin, vmax));
  }
}

/**
 * f32_dwconv_3x3__wasmsimd: one output pixel whose 3×3 window is inside the input (depth
 * multiplier 1, no dilation), 4 channels per step with the 9 taps unrolled. `x` is the window's
 * top-left input pixel. Returns the channels done (a multiple of 4).
 */
// @ts-ignore: decorator
@inline
function dw3x3Interior(x: usize, rowStep: usize, pixStep: usize, w: usize, wStep: usize, bias: usize, o: usize, C: i32, vmin: f32, vmax: f32): i32 {
  const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
  const r0 = x, r1 = x + rowStep, r2 = r1 + rowStep;
  const p2 = pixStep << 1, w2 = wStep << 1;
  let c = 0;
  for (; c + 4 <= C; c += 4) {
    const co = <usize>c << 2;
    const wp = w + co;
    let a = v128.load(bias + co);
    a = f32x4.add(a, f32x4.mul(v128.load(r0 + co), v128.load(wp)));
    a = f32x4.add(a, f32x4.mul(v128.load(r0 + pixStep + co), v128.load(wp + wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r0 + p2 + co), v128.load(wp + w2)));
    a = f32x4.add(a, f32x4.mul(v128.load(r1 + co), v128.load(wp + 3 * wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r1 + pixStep + co), v128.load(wp + 4 * wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r1 + p2 + co), v128.load(wp + 5 * wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r2 + co), v128.load(wp + 6 * wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r2 + pixStep + co), v128.load(wp + 7 * wStep)));
    a = f32x4.add(a, f32x4.mul(v128.load(r2 + p2 + co), v128.load(wp + 8 * wStep)));
    v128.store(o + co, f32x4.pmin(f32x4.pmax(a, lo), hi));
  }
  return c;
}

export function dwconv2d_f32(x: usize, N: i32, H: i32, W: i32, C: i32, w: usize, bias: usize, dm: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  out: usize, vmin: f32, vmax: f32): void {
  dwconv2d_f32_rows(x, N, H, W, C, w, bias, dm, kh, kw, sh, sw, dh, dw, padT, padL, outH, outW, out, vmin, vmax, 0, N * outH);
}

/** dwconv2d_f32 for output rows (flattened b, oy) [row0, row1): a thread's share. */
export function dwconv2d_f32_rows(x: usize, N: i32, H: i32, W: i32, C: i32, w: usize, bias: usize, dm: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  out: usize, vmin: f32, vmax: f32, row0: i32, row1: i32): void {
  const OC = C * dm;
  const rowStep = <usize>W * <usize>C << 2;
  const wStep = <usize>OC << 2;
  let o = out + <usize>row0 * <usize>outW * wStep;
  for (let row = row0; row < row1; row++) {
    const b = row / outH, oy = row % outH;
    const rowBase = x + <usize>b * <usize>H * rowStep;
    {
      const iy0 = oy * sh - padT;
      const ky0 = firstTap(iy0, dh), ky1 = endTap(iy0, H, kh, dh);
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * sw - padL;
        const kx0 = firstTap(ix0, dw), kx1 = endTap(ix0, W, kw, dw);
        let c = 0;
        if (ASC_FEATURE_SIMD) {
          if (dm == 1 && kh == 3 && kw == 3 && dh == 1 && dw == 1 && ky0 == 0 && ky1 == 3 && kx0 == 0 && kx1 == 3) {
            c = dw3x3Interior(rowBase + <usize>iy0 * rowStep + (<usize>ix0 * <usize>C << 2), rowStep, <usize>C << 2, w, wStep, bias, o, C, vmin, vmax);
          }
          if (dm == 1) {
            const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
            for (; c + 8 <= C; c += 8) {
              const cOff = <usize>c << 2;
              let acc0 = v128.load(bias + cOff), acc1 = v128.load(bias + cOff, 16);
              for (let ky = ky0; ky < ky1; ky++) {
                const iy = iy0 + ky * dh;
                const xr = rowBase + <usize>iy * rowStep + cOff;
                const wr = w + <usize>(ky * kw) * wStep + cOff;
                for (let kx = kx0; kx < kx1; kx++) {
                  const xp = xr + (<usize>(ix0 + kx * dw) * <usize>C << 2);
                  const wp = wr + <usize>kx * wStep;
                  acc0 = f32x4.add(acc0, f32x4.mul(v128.load(xp), v128.load(wp)));
                  acc1 = f32x4.add(acc1, f32x4.mul(v128.load(xp, 16), v128.load(wp, 16)));
                }
              }
              v128.store(o + cOff, f32x4.pmin(f32x4.pmax(acc0, lo), hi));
              v128.store(o + cOff, f32x4.pmin(f32x4.pmax(acc1, lo), hi), 16);
            }
            for (; c + 4 <= C; c += 4) {
              const cOff = <usize>c << 2;
              let acc0 = v128.load(bias + cOff);
              for (let ky = ky0; ky < ky1; ky++) {
                const iy = iy0 + ky * dh;
                const xr = rowBase + <usize>iy * rowStep + cOff;
                const wr = w + <usize>(ky * kw) * wStep + cOff;
                for (let kx = kx0; kx < kx1; kx++) {
                  acc0 = f32x4.add(acc0, f32x4.mul(v128.load(xr + (<usize>(ix0 + kx * dw) * <usize>C << 2)), v128.load(wr + <usize>kx * wStep)));
                }
              }
              v128.store(o + cOff, f32x4.pmin(f32x4.pmax(acc0, lo), hi));
            }
          }
          if (dm > 1 && (dm & 3) == 0) {
            // Depth multiplier a multiple of 4 (e.g. a 1-channel input expanded to 16): each input
            // value is splat against 4 consecutive output channels' weights.
            const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
            for (let ic = 0; ic < C; ic++) {
              for (let j = 0; j < dm; j += 4) {
                const cOff = <usize>(ic * dm + j) << 2;
                let acc0 = v128.load(bias + cOff);
                for (let ky = ky0; ky < ky1; ky++) {
                  const xr = rowBase + <usize>(iy0 + ky * dh) * rowStep + (<usize>ic << 2);
                  const wr = w + <usize>(ky * kw) * wStep + cOff;
                  for (let kx = kx0; kx < kx1; kx++) {
                    acc0 = f32x4.add(acc0, f32x4.mul(v128.load32_splat(xr + (<usize>(ix0 + kx * dw) * <usize>C << 2)), v128.load(wr + <usize>kx * wStep)));
                  }
                }
                v128.store(o + cOff, f32x4.pmin(f32x4.pmax(acc0, lo), hi));
              }
            }
            c = OC;
          }
        }
        dwPixelScalar(x, w, bias, o, c, OC, dm, C, OC, W, rowBase, iy0, ix0, ky0, ky1, kx0, kx1, kw, dh, dw, vmin, vmax);
        o += wStep;
      }
    }
  }
}
