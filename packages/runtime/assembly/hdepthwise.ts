// Hybrid depthwise conv (float32 input quantized to int8 per batch by hybrid.ts, int8 weights):
// int32 accumulators of (x − batch zero point) · w over the taps inside the input, as the
// reference backend sums them, then hybrid.ts's float epilogue. Weights pre-widened to i16
// ([KH·KW][OC]). Depth multiplier 1 runs 8 / 16 channels at a time with SIMD; the rest is scalar.
import { hybridEpilogue } from './hybrid';
import { endTap, firstTap } from './taps';

export function dwconv2d_hybrid_rows(xq: usize, N: i32, H: i32, W: i32, C: i32, w: usize, dm: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  zps: usize, scaling: usize, zeros: usize, scales: usize, bias: usize, chanFirst: i32, lo: f32, hi: f32,
  out: usize, acc: usize, row0: i32, row1: i32): void {
  const OC = C * dm;
  const wStep = <usize>OC << 1;
  for (let row = row0; row < row1; row++) {
    const b = row / outH, oy = row % outH;
    const xOff = -load<i32>(zps + (<usize>b << 2));
    const iy0 = oy * sh - padT;
    const ky0 = firstTap(iy0, dh), ky1 = endTap(iy0, H, kh, dh);
    for (let ox = 0; ox < outW; ox++) {
      const ix0 = ox * sw - padL;
      const kx0 = firstTap(ix0, dw), kx1 = endTap(ix0, W, kw, dw);
      const ap = acc + ((<usize>ox * <usize>OC) << 2);
      let c = 0;
      if (ASC_FEATURE_SIMD) {
        if (dm == 1) {
          // x − zp and the weights fit in int16 (|v| ≤ 255): widening multiplies.
          const off = i16x8.splat(<i16>xOff);
          for (; c + 16 <= C; c += 16) {
            let a0 = i32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
            for (let ky = ky0; ky < ky1; ky++) {
              const xr = xq + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>c;
              const wr = w + <usize>(ky * kw) * wStep + (<usize>c << 1);
              for (let kx = kx0; kx < kx1; kx++) {
                const raw = v128.load(xr + <usize>(ix0 + kx * dw) * <usize>C);
                const v0 = i16x8.add(i16x8.extend_low_i8x16_s(raw), off), v1 = i16x8.add(i16x8.extend_high_i8x16_s(raw), off);
                const wq = wr + <usize>kx * wStep;
                const w0 = v128.load(wq), w1 = v128.load(wq, 16);
                a0 = i32x4.add(a0, i32x4.extmul_low_i16x8_s(v0, w0));
                a1 = i32x4.add(a1, i32x4.extmul_high_i16x8_s(v0, w0));
                a2 = i32x4.add(a2, i32x4.extmul_low_i16x8_s(v1, w1));
                a3 = i32x4.add(a3, i32x4.extmul_high_i16x8_s(v1, w1));
              }
            }
            const o = ap + (<usize>c << 2);
            v128.store(o, a0); v128.store(o, a1, 16); v128.store(o, a2, 32); v128.store(o, a3, 48);
          }
          for (; c + 8 <= C; c += 8) {
            let a0 = i32x4.splat(0), a1 = a0;
            for (let ky = ky0; ky < ky1; ky++) {
              const xr = xq + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>c;
              const wr = w + <usize>(ky * kw) * wStep + (<usize>c << 1);
              for (let kx = kx0; kx < kx1; kx++) {
                const v16 = i16x8.add(i16x8.extend_low_i8x16_s(v128.load64_zero(xr + <usize>(ix0 + kx * dw) * <usize>C)), off);
                const w16 = v128.load(wr + <usize>kx * wStep);
                a0 = i32x4.add(a0, i32x4.extmul_low_i16x8_s(v16, w16));
                a1 = i32x4.add(a1, i32x4.extmul_high_i16x8_s(v16, w16));
              }
            }
            const o = ap + (<usize>c << 2);
            v128.store(o, a0); v128.store(o, a1, 16);
          }
        }
      }
      for (let oc = c; oc < OC; oc++) {
        const ic = oc / dm;
        let a: i32 = 0;
        for (let ky = ky0; ky < ky1; ky++) {
          const xr = xq + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>ic;
          for (let kx = kx0; kx < kx1; kx++) {
            a += (<i32>load<i8>(xr + <usize>(ix0 + kx * dw) * <usize>C) + xOff) * <i32>load<i16>(w + <usize>(ky * kw + kx) * wStep + (<usize>oc << 1));
          }
        }
        store<i32>(ap + (<usize>oc << 2), a);
      }
    }
    hybridEpilogue(outW, OC, acc, row * outW, outH * outW, zps, scaling, zeros, scales, bias, chanFirst, lo, hi,
      out + ((<usize>row * <usize>outW * <usize>OC) << 2));
  }
}
