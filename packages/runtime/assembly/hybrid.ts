// Hybrid ("dynamic range") conv / FC: float32 input, int8 weights. The input is quantized to int8
// per batch (TFLite's SymmetricQuantizeFloats / AsymmetricQuantizeFloats, as the reference backend
// does them), multiplied by the packed weights in the int8 GEMM with int32 output (qgemm.ts), and
// the float epilogue turns acc − zp·Σw into (acc·channel scale)·batch scale (or acc·(batch scale ·
// channel scale)) + bias, clamped: float32 steps in the reference's order, so bit-exact with it.
import { gemm_q8_i32, im2col_q8 } from './qgemm';

/** Round half away from zero of a non-NaN value. */
// @ts-ignore: decorator
@inline
function roundAway(v: f64): f64 {
  const a = abs<f64>(v);
  let r = floor<f64>(a);
  if (a - r >= 0.5) r += 1;
  return v < 0 ? -r : r;
}

/** 4 lanes: clamp(roundHalfAway(v), lo, hi) as i32 (0 for NaN). */
// @ts-ignore: decorator
@inline
function round4(v: v128, lo: v128, hi: v128): v128 {
  const t = f32x4.trunc(v);
  const up = f32x4.ge(f32x4.abs(f32x4.sub(v, t)), f32x4.splat(0.5));
  const r = f32x4.add(t, v128.and(up, v128.or(f32x4.splat(1.0), v128.and(v, i32x4.splat(0x80000000)))));
  return v128.and(i32x4.trunc_sat_f32x4_s(f32x4.min(f32x4.max(r, lo), hi)), f32x4.eq(v, v));
}

/**
 * n floats at x → int8 at out: clamp(roundHalfAway(zp + x·inv), lo, hi), x·inv and the zp
 * addition in float32 (zp 0 for symmetric quantization).
 */
function quantizeRow(x: usize, n: i32, inv: f32, zp: i32, lo: i32, hi: i32, out: usize): void {
  let i = 0;
  const fz = <f32>zp;
  if (ASC_FEATURE_SIMD) {
    const s = f32x4.splat(inv), z = f32x4.splat(fz), vlo = f32x4.splat(<f32>lo), vhi = f32x4.splat(<f32>hi);
    for (; i + 16 <= n; i += 16) {
      const p = x + (<usize>i << 2);
      const q0 = round4(f32x4.add(z, f32x4.mul(v128.load(p), s)), vlo, vhi);
      const q1 = round4(f32x4.add(z, f32x4.mul(v128.load(p, 16), s)), vlo, vhi);
      const q2 = round4(f32x4.add(z, f32x4.mul(v128.load(p, 32), s)), vlo, vhi);
      const q3 = round4(f32x4.add(z, f32x4.mul(v128.load(p, 48), s)), vlo, vhi);
      v128.store(out + <usize>i, i8x16.narrow_i16x8_s(i16x8.narrow_i32x4_s(q0, q1), i16x8.narrow_i32x4_s(q2, q3)));
    }
  }
  for (; i < n; i++) {
    const v = fz + load<f32>(x + (<usize>i << 2)) * inv;
    let q: i32 = 0;
    if (v == v) q = <i32>min<f64>(max<f64>(roundAway(<f64>v), <f64>lo), <f64>hi);
    store<i8>(out + <usize>i, <i8>q);
  }
}

/**
 * Quantizes `rows` rows of n floats at x to int8 at out, each with its own scale (f32 at
 * scaling + 4·row) and zero point (i32 at zps + 4·row): asymmetric (zero point in [-128, 127])
 * or symmetric (zero point 0, values in [-127, 127]). Min and max ignore NaN.
 */
export function quantize_hybrid_rows(x: usize, rows: i32, n: i32, asymmetric: i32, out: usize, scaling: usize, zps: usize): void {
  for (let b = 0; b < rows; b++) {
    const xb = x + ((<usize>b * <usize>n) << 2), ob = out + <usize>b * <usize>n;
    let vmin: f32 = Infinity, vmax: f32 = -Infinity;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      let mn = f32x4.splat(Infinity), mx = f32x4.splat(-Infinity);
      for (; i + 4 <= n; i += 4) {
        const v = v128.load(xb + (<usize>i << 2));
        mn = f32x4.pmin(mn, v);
        mx = f32x4.pmax(mx, v);
      }
      vmin = min<f32>(min<f32>(f32x4.extract_lane(mn, 0), f32x4.extract_lane(mn, 1)), min<f32>(f32x4.extract_lane(mn, 2), f32x4.extract_lane(mn, 3)));
      vmax = max<f32>(max<f32>(f32x4.extract_lane(mx, 0), f32x4.extract_lane(mx, 1)), max<f32>(f32x4.extract_lane(mx, 2), f32x4.extract_lane(mx, 3)));
    }
    for (; i < n; i++) {
      const v = load<f32>(xb + (<usize>i << 2));
      if (v < vmin) vmin = v;
      if (v > vmax) vmax = v;
    }
    let sf: f32 = 1, zp: i32 = 0;
    if (asymmetric) {
      const rmin = min<f64>(0, n == 0 ? 0 : <f64>vmin), rmax = max<f64>(0, n == 0 ? 0 : <f64>vmax);
      let zeros = rmin == rmax;
      if (!zeros) {
        const scale = (rmax - rmin) / 255;
        const zpFromMin = -128 - rmin / scale, zpFromMax = 127 - rmax / scale;
        const errMin = 128 + abs<f64>(rmin / scale), errMax = 127 + abs<f64>(rmax / scale);
        const zpd = errMin < errMax ? zpFromMin : zpFromMax;
        sf = <f32>scale;
        // A NaN zero point (infinite input) quantizes every value to NaN, stored as 0.
        if (zpd != zpd) zeros = true;
        else {
          zp = zpd <= -128 ? -128 : zpd >= 127 ? 127 : <i32>roundAway(zpd);
          quantizeRow(xb, n, <f32>(1.0 / <f64>sf), zp, -128, 127, ob);
        }
      }
      if (zeros) memory.fill(ob, 0, <usize>n);
    } else {
      const range = n == 0 ? 0 : max<f64>(abs<f64>(<f64>vmin), abs<f64>(<f64>vmax));
      if (range == 0) memory.fill(ob, 0, <usize>n);
      else {
        quantizeRow(xb, n, <f32>(127.0 / range), 0, -127, 127, ob);
        sf = <f32>(range / 127.0);
      }
    }
    store<f32>(scaling + (<usize>b << 2), sf);
    store<i32>(zps + (<usize>b << 2), zp);
  }
}

/**
 * (Also used by hdepthwise.ts, with zero column sums.) rows × OC int32 accumulators (acc, row stride OC) → float32 out: per row, batch b =
 * (row0 + r) / plane with zero point zps[b] and scale scaling[b]; per column c, the weights sum
 * colsum[c], channel scale scales[c] and bias[c].
 */
export function hybridEpilogue(rows: i32, OC: i32, acc: usize, row0: i32, plane: i32, zps: usize, scaling: usize, colsum: usize,
  scales: usize, bias: usize, chanFirst: i32, lo: f32, hi: f32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const b = <usize>((row0 + r) / plane);
    const zp = load<i32>(zps + (b << 2)), sf = load<f32>(scaling + (b << 2));
    const ar = acc + ((<usize>r * <usize>OC) << 2), or = out + ((<usize>r * <usize>OC) << 2);
    let c = 0;
    if (ASC_FEATURE_SIMD) {
      const z = i32x4.splat(zp), s = f32x4.splat(sf), vlo = f32x4.splat(lo), vhi = f32x4.splat(hi);
      for (; c + 4 <= OC; c += 4) {
        const o = <usize>c << 2;
        const f = f32x4.convert_i32x4_s(i32x4.sub(v128.load(ar + o), i32x4.mul(z, v128.load(colsum + o))));
        const cs = v128.load(scales + o);
        const scaled = chanFirst ? f32x4.mul(f32x4.mul(f, cs), s) : f32x4.mul(f, f32x4.mul(s, cs));
        // pmax / pmin: v < lo ? lo : v, then hi < v ? hi : v, as the reference clamps.
        v128.store(or + o, f32x4.pmin(f32x4.pmax(f32x4.add(scaled, v128.load(bias + o)), vlo), vhi));
      }
    }
    for (; c < OC; c++) {
      const o = <usize>c << 2;
      const f = <f32>(load<i32>(ar + o) - zp * load<i32>(colsum + o));
      const cs = load<f32>(scales + o);
      const scaled = chanFirst ? (f * cs) * sf : f * (sf * cs);
      const v = scaled + load<f32>(bias + o);
      store<f32>(or + o, v < lo ? lo : v > hi ? hi : v);
    }
  }
}

/**
 * Hybrid conv (FC: a 1×1 conv over rows, plane 1) for output rows [row0, row1) over the int8
 * input xq (quantized per batch of `plane` output rows): int8 GEMM with int32 output a chunk at a
 * time (straight over xq for 1×1 stride-1 shapes with SIMD, over an int16 im2col otherwise, whose
 * padded taps hold the batch's zero point so they add nothing), then the float epilogue.
 */
export function conv2d_hybrid_rows(xq: usize, N: i32, H: i32, W: i32, C: i32, packed: usize, OC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padT: i32, padL: i32, outH: i32, outW: i32, plane: i32,
  zps: usize, scaling: usize, colsum: usize, scales: usize, bias: usize, chanFirst: i32, lo: f32, hi: f32,
  out: usize, scratch: usize, chunkRows: i32, row0: i32, row1: i32): void {
  const K = kh * kw * C;
  const kp = (K + 1) & ~1;
  const accBuf = scratch + ((<usize>chunkRows * (<usize>kp << 1) + 63) & ~63);
  const direct = ASC_FEATURE_SIMD && kh == 1 && kw == 1 && sh == 1 && sw == 1 && padT == 0 && padL == 0 && outH == H && outW == W;
  let r0 = row0;
  while (r0 < row1) {
    const b = r0 / plane;
    // im2col chunks stay inside one batch (one padding value).
    const rows = min(chunkRows, (direct ? row1 : min(row1, (b + 1) * plane)) - r0);
    if (direct) {
      // An odd K reads one byte past each row, multiplied by the zero weight that pads K to kp.
      gemm_q8_i32(rows, OC, kp, xq + <usize>r0 * <usize>C, <usize>C, packed, accBuf, <usize>OC << 2, 1);
    } else {
      im2col_q8(xq, 1, H, W, C, kh, kw, sh, sw, dh, dw, padT, padL, outH, outW, r0, rows, load<i32>(zps + (<usize>b << 2)), scratch, kp);
      gemm_q8_i32(rows, OC, kp, scratch, <usize>kp << 1, packed, accBuf, <usize>OC << 2, 0);
    }
    hybridEpilogue(rows, OC, accBuf, r0, plane, zps, scaling, colsum, scales, bias, chanFirst, lo, hi, out + ((<usize>r0 * <usize>OC) << 2));
    r0 += rows;
  }
}
