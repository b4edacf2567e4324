// Float32 element-wise unary ops, matching the reference backend (which computes in double and
// rounds once to float32): ABS, NEG, SQRT and RSQRT exactly (SIMD), EXP, LOG, LOGISTIC and TANH in
// double precision (AssemblyScript's Math) rounded to float32. Op codes: UNARY_OPS in
// src/backends/wasm/kernels/unary-utils.ts.

const ABS = 0, NEG = 1, SQRT = 2, RSQRT = 3, EXP = 4, LOG = 5, LOGISTIC = 6, TANH = 7;

// @ts-ignore: decorator
@inline
function scalar(op: i32, v: f32): f32 {
  const d = <f64>v;
  switch (op) {
    case ABS: return abs<f32>(v);
    case NEG: return -v;
    case SQRT: return sqrt<f32>(v);
    case RSQRT: return <f32>(1.0 / sqrt<f64>(d));
    case EXP: return <f32>Math.exp(d);
    case LOG: return <f32>Math.log(d);
    case LOGISTIC: return <f32>(1.0 / (1.0 + Math.exp(-d)));
    default: return <f32>Math.tanh(d);
  }
}

/** 1/√x of four lanes in double, rounded to float32 (as the reference). */
// @ts-ignore: decorator
@inline
function rsqrt4(v: v128): v128 {
  const one = f64x2.splat(1.0);
  const lo = f64x2.div(one, f64x2.sqrt(f64x2.promote_low_f32x4(v)));
  const hi = f64x2.div(one, f64x2.sqrt(f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7))));
  return i8x16.shuffle(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23);
}

/** out[i] = op(x[i]) for n float32 values (out may equal x). */
export function unary_f32(op: i32, x: usize, n: i32, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD && op <= RSQRT) {
    for (; i + 4 <= n; i += 4) {
      const p = <usize>i << 2;
      const v = v128.load(x + p);
      let r: v128;
      if (op == ABS) r = f32x4.abs(v);
      else if (op == NEG) r = f32x4.neg(v);
      else if (op == SQRT) r = f32x4.sqrt(v);
      else r = rsqrt4(v);
      v128.store(out + p, r);
    }
  }
  for (; i < n; i++) {
    const p = <usize>i << 2;
    store<f32>(out + p, scalar(op, load<f32>(x + p)));
  }
}

/** out[i] = table[x[i]] for n bytes (an 8-bit op through its 256-entry table, indexed by the raw byte). */
export function lut_q8(x: usize, n: i32, table: usize, out: usize): void {
  for (let i = 0; i < n; i++) store<u8>(out + <usize>i, load<u8>(table + <usize>load<u8>(x + <usize>i)));
}
