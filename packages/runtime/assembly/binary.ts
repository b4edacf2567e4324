// f32 element-wise binary ops with broadcasting and a fused clamp. The caller reduces shapes to
// 4-D (outer dims merged) with element strides per operand; the innermost stride of each operand
// is 1 (contiguous) or 0 (broadcast), which picks one of four inner loops.
export const OP_ADD = 0;
export const OP_SUB = 1;
export const OP_MUL = 2;
export const OP_DIV = 3;

// @ts-ignore: decorator
@inline
function applyS(op: i32, a: f32, b: f32): f32 {
  return op == OP_ADD ? a + b : op == OP_SUB ? a - b : op == OP_MUL ? a * b : a / b;
}
// @ts-ignore: decorator
@inline
function applyV(op: i32, a: v128, b: v128): v128 {
  return op == OP_ADD ? f32x4.add(a, b) : op == OP_SUB ? f32x4.sub(a, b) : op == OP_MUL ? f32x4.mul(a, b) : f32x4.div(a, b);
}

function innerRun(op: i32, a: usize, sa: i32, b: usize, sb: i32, o: usize, n: i32, vmin: f32, vmax: f32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const lo = f32x4.splat(vmin), hi = f32x4.splat(vmax);
    const va = f32x4.splat(load<f32>(a)), vb = f32x4.splat(load<f32>(b));
    for (; i + 4 <= n; i += 4) {
      const off = <usize>i << 2;
      const x = sa ? v128.load(a + off) : va;
      const y = sb ? v128.load(b + off) : vb;
      v128.store(o + off, f32x4.pmin(f32x4.pmax(applyV(op, x, y), lo), hi));
    }
  }
  for (; i < n; i++) {
    const x = load<f32>(a + (<usize>(i * sa) << 2));
    const y = load<f32>(b + (<usize>(i * sb) << 2));
    let r = applyS(op, x, y);
    r = r < vmin ? vmin : r;
    store<f32>(o + (<usize>i << 2), r > vmax ? vmax : r);
  }
}

/** dims: i32[4]; sa, sb: i32[4] element strides (the last one 0 or 1). */
export function binary_f32(op: i32, a: usize, b: usize, out: usize, dims: usize, sa: usize, sb: usize, vmin: f32, vmax: f32): void {
  const d0 = load<i32>(dims), d1 = load<i32>(dims, 4), d2 = load<i32>(dims, 8), d3 = load<i32>(dims, 12);
  const a0 = load<i32>(sa), a1 = load<i32>(sa, 4), a2 = load<i32>(sa, 8), a3 = load<i32>(sa, 12);
  const b0 = load<i32>(sb), b1 = load<i32>(sb, 4), b2 = load<i32>(sb, 8), b3 = load<i32>(sb, 12);
  let o = out;
  const rowBytes = <usize>d3 << 2;
  for (let i0 = 0; i0 < d0; i0++) {
    for (let i1 = 0; i1 < d1; i1++) {
      for (let i2 = 0; i2 < d2; i2++) {
        const ao = a + (<usize>(i0 * a0 + i1 * a1 + i2 * a2) << 2);
        const bo = b + (<usize>(i0 * b0 + i1 * b1 + i2 * b2) << 2);
        innerRun(op, ao, a3, bo, b3, o, d3, vmin, vmax);
        o += rowBytes;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 8-bit ADD / SUB / MUL (TFLite's quantized arithmetic, bit-exact with the reference backend):
// each raw input value is mapped through a 256-entry int32 table (prepared once per node: the
// rescaled value for ADD/SUB, value − zero point for MUL), the two are summed, subtracted or
// multiplied and requantized to the output.

import { mulByQuantizedMultiplier } from './qgemm';

// @ts-ignore: decorator
@inline
function loadQ(p: usize, signed: i32): i32 {
  return signed ? <i32>load<i8>(p) : <i32>load<u8>(p);
}

/**
 * `tables`: i32[512] (input 0's table, then input 1's, indexed by raw value − dtype minimum);
 * params: i32[8] = [mo, so, outOffset, lo, hi, mode (0 add, 1 sub, 2 mul), signed (0/1), 0].
 */
export function addsub_q8(a: usize, b: usize, out: usize, dims: usize, sa: usize, sb: usize, tables: usize, params: usize): void {
  const d0 = load<i32>(dims), d1 = load<i32>(dims, 4), d2 = load<i32>(dims, 8), d3 = load<i32>(dims, 12);
  const a0 = load<i32>(sa), a1 = load<i32>(sa, 4), a2 = load<i32>(sa, 8), a3 = load<i32>(sa, 12);
  const b0 = load<i32>(sb), b1 = load<i32>(sb, 4), b2 = load<i32>(sb, 8), b3 = load<i32>(sb, 12);
  const mo = load<i32>(params), so = load<i32>(params, 4), outOff = load<i32>(params, 8);
  const lo = load<i32>(params, 12), hi = load<i32>(params, 16), sub = load<i32>(params, 20), signed = load<i32>(params, 24);
  const base = signed ? 128 : 0;
  const ta = tables + (<usize>base << 2), tb = tables + 1024 + (<usize>base << 2);
  let o = out;
  for (let i0 = 0; i0 < d0; i0++) {
    for (let i1 = 0; i1 < d1; i1++) {
      for (let i2 = 0; i2 < d2; i2++) {
        const ao = a + <usize>(i0 * a0 + i1 * a1 + i2 * a2);
        const bo = b + <usize>(i0 * b0 + i1 * b1 + i2 * b2);
        for (let i = 0; i < d3; i++) {
          const x = load<i32>(ta + (<usize>loadQ(ao + <usize>(i * a3), signed) << 2));
          const y = load<i32>(tb + (<usize>loadQ(bo + <usize>(i * b3), signed) << 2));
          let r = mulByQuantizedMultiplier(sub == 2 ? x * y : sub ? x - y : x + y, mo, so) + outOff;
          r = r < lo ? lo : r > hi ? hi : r;
          if (signed) store<i8>(o, <i8>r);
          else store<u8>(o, <u8>r);
          o += 1;
        }
      }
    }
  }
}

/**
 * The whole 8-bit ADD / SUB / MUL as a 64 KiB table: lut[(a << 8) | b] = the output byte for raw
 * input bytes a and b, computed once per node with the same arithmetic as addsub_q8 (so exact).
 */
export function q8_binary_lut(tables: usize, params: usize, lut: usize): void {
  const mo = load<i32>(params), so = load<i32>(params, 4), outOff = load<i32>(params, 8);
  const lo = load<i32>(params, 12), hi = load<i32>(params, 16), sub = load<i32>(params, 20), signed = load<i32>(params, 24);
  for (let ua = 0; ua < 256; ua++) {
    // raw byte → table index (value − dtype minimum)
    const x = load<i32>(tables + (<usize>(signed ? ua ^ 0x80 : ua) << 2));
    for (let ub = 0; ub < 256; ub++) {
      const y = load<i32>(tables + 1024 + (<usize>(signed ? ub ^ 0x80 : ub) << 2));
      let r = mulByQuantizedMultiplier(sub == 2 ? x * y : sub ? x - y : x + y, mo, so) + outOff;
      r = r < lo ? lo : r > hi ? hi : r;
      store<u8>(lut + <usize>((ua << 8) | ub), <u8>r);
    }
  }
}

/** addsub_q8 through the table of q8_binary_lut (same dims / strides arguments). */
export function binary_q8_lut(a: usize, b: usize, out: usize, dims: usize, sa: usize, sb: usize, lut: usize): void {
  const d0 = load<i32>(dims), d1 = load<i32>(dims, 4), d2 = load<i32>(dims, 8), d3 = load<i32>(dims, 12);
  const a0 = load<i32>(sa), a1 = load<i32>(sa, 4), a2 = load<i32>(sa, 8), a3 = load<i32>(sa, 12);
  const b0 = load<i32>(sb), b1 = load<i32>(sb, 4), b2 = load<i32>(sb, 8), b3 = load<i32>(sb, 12);
  let o = out;
  for (let i0 = 0; i0 < d0; i0++) {
    for (let i1 = 0; i1 < d1; i1++) {
      for (let i2 = 0; i2 < d2; i2++) {
        const ao = a + <usize>(i0 * a0 + i1 * a1 + i2 * a2);
        const bo = b + <usize>(i0 * b0 + i1 * b1 + i2 * b2);
        if (a3 && b3) {
          for (let i = 0; i < d3; i++) store<u8>(o + <usize>i, load<u8>(lut + ((<usize>load<u8>(ao + <usize>i) << 8) | <usize>load<u8>(bo + <usize>i))));
        } else if (a3) {
          const row = lut + <usize>load<u8>(bo);
          for (let i = 0; i < d3; i++) store<u8>(o + <usize>i, load<u8>(row + (<usize>load<u8>(ao + <usize>i) << 8)));
        } else if (b3) {
          const row = lut + (<usize>load<u8>(ao) << 8);
          for (let i = 0; i < d3; i++) store<u8>(o + <usize>i, load<u8>(row + <usize>load<u8>(bo + <usize>i)));
        } else {
          const v = load<u8>(lut + ((<usize>load<u8>(ao) << 8) | <usize>load<u8>(bo)));
          memory.fill(o, v, <usize>d3);
        }
        o += <usize>d3;
      }
    }
  }
}
