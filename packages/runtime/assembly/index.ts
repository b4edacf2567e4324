// The liteml wasm kernels (AssemblyScript). The module has no managed objects: every export
// takes byte addresses into linear memory, which the JS side (src/backends/wasm/heap.ts) manages
// from heap_base() up. Compiled twice: with --enable simd and without (scalar fallback).
export { pack_f32_gemm, packed_f32_gemm_bytes, gemm_f32 } from './gemm';
export { conv2d_f32, im2col_f32 } from './conv';
export { dwconv2d_f32 } from './depthwise';
export { pool2d_f32 } from './pool';
export { binary_f32, addsub_q8, q8_binary_lut, binary_q8_lut } from './binary';
export { run_task } from './tasks';
export { pack_q8_gemm, packed_q8_gemm_bytes, conv2d_q8_scratch_bytes } from './qgemm';
export { rq_bytes, rq_fill } from './requant';
export { resize_bilinear_f32 } from './resize';

/** First free byte after the static data. */
export function heap_base(): usize {
  return __heap_base;
}

/** 1 when compiled with SIMD. */
export function has_simd(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}
export { quantize_f32_q8 } from './quantize';
export { resize_bilinear_i8_tflite, resize_bilinear_q8_xnnpack, resize_bilinear_u8_tflite } from './qresize';
export { unary_f32, lut_q8 } from './unary';
export { dequantize_q } from './dequantize';
export { cast } from './cast';
export { arg_extreme } from './arg';
export { quantize_hybrid_rows } from './hybrid';
export { softmax_f32 } from './softmax';
