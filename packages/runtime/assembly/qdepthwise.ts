// 8-bit (int8 / uint8) depthwise conv over NHWC input with int32 accumulators, requantized per
// channel (requant.ts). Weights are pre-widened to i16 with their offset added ([KH·KW][OC]);
// taps outside the input are skipped (they add nothing in TFLite's reference kernels either).
// Depth multiplier 1 keeps 8 channels of accumulators in registers; other multipliers are scalar.
import { requantize_span, rq4 } from './requant';
import { endTap, firstTap } from './taps';

// @ts-ignore: decorator
@inline
function loadX(p: usize, signed: i32): i32 {
  return signed ? <i32>load<i8>(p) : <i32>load<u8>(p);
}

export function dwconv2d_q8_rows(x: usize, xSigned: i32, N: i32, H: i32, W: i32, C: i32, w: usize, bias: usize, dm: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32,
  xOff: i32, rq: usize, fp32: i32, unused: i32, outZp: i32, qmin: i32, qmax: i32, out: usize, outSigned: i32,
  acc: usize, row0: i32, row1: i32): void {
  const OC = C * dm;
  const c4 = <usize>((OC + 3) & ~3);
  const wStep = <usize>OC << 1;
  for (let row = row0; row < row1; row++) {
    const b = row / outH, oy = row % outH;
    const iy0 = oy * sh - padT;
    const ky0 = firstTap(iy0, dh), ky1 = endTap(iy0, H, kh, dh);
    for (let ox = 0; ox < outW; ox++) {
      const ix0 = ox * sw - padL;
      const kx0 = firstTap(ix0, dw), kx1 = endTap(ix0, W, kw, dw);
      const o = out + <usize>((row * outW) + ox) * <usize>OC;
      let c = 0;
      if (ASC_FEATURE_SIMD) {
        if (dm == 1) {
          // x + xOff and the weights fit in int16 (|v| ≤ 255): widening multiplies, no pmulld.
          // Requantized in registers (no int32 round trip through memory).
          const off = i16x8.splat(<i16>xOff);
          const zp = i32x4.splat(outZp), lo = i32x4.splat(qmin), hi = i32x4.splat(qmax);
          for (; c + 16 <= C; c += 16) {
            const ca = <usize>c << 2;
            let a0 = v128.load(bias + ca), a1 = v128.load(bias + ca, 16), a2 = v128.load(bias + ca, 32), a3 = v128.load(bias + ca, 48);
            for (let ky = ky0; ky < ky1; ky++) {
              const xr = x + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>c;
              const wr = w + <usize>(ky * kw) * wStep + (<usize>c << 1);
              for (let kx = kx0; kx < kx1; kx++) {
                const raw = v128.load(xr + <usize>(ix0 + kx * dw) * <usize>C);
                const v0 = i16x8.add(xSigned ? i16x8.extend_low_i8x16_s(raw) : i16x8.extend_low_i8x16_u(raw), off);
                const v1 = i16x8.add(xSigned ? i16x8.extend_high_i8x16_s(raw) : i16x8.extend_high_i8x16_u(raw), off);
                const wq = wr + <usize>kx * wStep;
                const w0 = v128.load(wq), w1 = v128.load(wq, 16);
                a0 = i32x4.add(a0, i32x4.extmul_low_i16x8_s(v0, w0));
                a1 = i32x4.add(a1, i32x4.extmul_high_i16x8_s(v0, w0));
                a2 = i32x4.add(a2, i32x4.extmul_low_i16x8_s(v1, w1));
                a3 = i32x4.add(a3, i32x4.extmul_high_i16x8_s(v1, w1));
              }
            }
            const r0 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a0, rq, c4, <usize>c, fp32), zp), lo), hi);
            const r1 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a1, rq, c4, <usize>c + 4, fp32), zp), lo), hi);
            const r2 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a2, rq, c4, <usize>c + 8, fp32), zp), lo), hi);
            const r3 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a3, rq, c4, <usize>c + 12, fp32), zp), lo), hi);
            const n0 = i16x8.narrow_i32x4_s(r0, r1), n1 = i16x8.narrow_i32x4_s(r2, r3);
            v128.store(o + <usize>c, outSigned ? i8x16.narrow_i16x8_s(n0, n1) : i8x16.narrow_i16x8_u(n0, n1));
          }
          for (; c + 8 <= C; c += 8) {
            const ca = <usize>c << 2;
            let a0 = v128.load(bias + ca), a1 = v128.load(bias + ca, 16);
            for (let ky = ky0; ky < ky1; ky++) {
              const xr = x + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>c;
              const wr = w + <usize>(ky * kw) * wStep + (<usize>c << 1);
              for (let kx = kx0; kx < kx1; kx++) {
                const raw = v128.load64_zero(xr + <usize>(ix0 + kx * dw) * <usize>C);
                const v16 = i16x8.add(xSigned ? i16x8.extend_low_i8x16_s(raw) : i16x8.extend_low_i8x16_u(raw), off);
                const w16 = v128.load(wr + <usize>kx * wStep);
                a0 = i32x4.add(a0, i32x4.extmul_low_i16x8_s(v16, w16));
                a1 = i32x4.add(a1, i32x4.extmul_high_i16x8_s(v16, w16));
              }
            }
            const r0 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a0, rq, c4, <usize>c, fp32), zp), lo), hi);
            const r1 = i32x4.min_s(i32x4.max_s(i32x4.add(rq4(a1, rq, c4, <usize>c + 4, fp32), zp), lo), hi);
            const n0 = i16x8.narrow_i32x4_s(r0, r1);
            v128.store64_lane(o + <usize>c, outSigned ? i8x16.narrow_i16x8_s(n0, n0) : i8x16.narrow_i16x8_u(n0, n0), 0);
          }
        }
      }
      for (let oc = c; oc < OC; oc++) {
        const ic = oc / dm;
        let a = load<i32>(bias + (<usize>oc << 2));
        for (let ky = ky0; ky < ky1; ky++) {
          const xr = x + (<usize>(b * H + iy0 + ky * dh) * <usize>W) * <usize>C + <usize>ic;
          for (let kx = kx0; kx < kx1; kx++) {
            a += (loadX(xr + <usize>(ix0 + kx * dw) * <usize>C, xSigned) + xOff) * <i32>load<i16>(w + <usize>(ky * kw + kx) * wStep + (<usize>oc << 1));
          }
        }
        store<i32>(acc + (<usize>oc << 2), a);
      }
      if (c < OC) requantize_span(acc, rq, c4, c, OC, fp32, outZp, qmin, qmax, o, outSigned);
    }
  }
}
