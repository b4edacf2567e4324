// tfl.RESIZE_BILINEAR on wasm, bit-exact with the reference backend. float32 (alignCorners /
// halfPixelCenters): the source rows/columns and fractions are computed here in float32, the
// channel loop runs in wasm (assembly/resize.ts). int8/uint8 (assembly/qresize.ts): in the
// 'tflite' requantization mode int8 uses TFLite's 10-bit integer arithmetic and uint8 its float
// path; in 'xnnpack' mode both use XNNPACK's 11-bit arithmetic. int16, and alignCorners together
// with halfPixelCenters, fall back to reference.
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { ints } from '../../reference/core-util';
import { getRequantization } from '../../reference/kernels/nn-quant-utils';
import { WASM_BACKEND, beginCall, checkF32, f32, fail, input } from '../kernel-utils';

const F = Math.fround;

/** Per output index: [lower, upper, fraction] words (i32, i32, f32), as TFLite computes them. */
function bounds(out: number, size: number, scale: number, halfPixel: boolean): Int32Array {
  const buf = new ArrayBuffer(out * 12);
  const i32 = new Int32Array(buf), fl = new Float32Array(buf);
  for (let v = 0; v < out; v++) {
    const scaled = halfPixel ? F(F(F(v + 0.5) * scale) - 0.5) : F(v * scale);
    const lower = Math.max(Math.floor(scaled), 0);
    i32[v * 3] = lower;
    i32[v * 3 + 1] = Math.min(Math.ceil(scaled), size - 1);
    fl[v * 3 + 2] = F(scaled - lower);
  }
  return i32;
}

/** TFLite's integer bounds: [lower, upper, fraction in 1/1024] per output index. */
function intBounds(out: number, size: number, align: boolean, halfPixel: boolean): Int32Array {
  let scale = Math.trunc((1024 * size + Math.trunc(out / 2)) / out);
  if (align && out > 1) scale = Math.trunc((1024 * (size - 1) + Math.trunc((out - 1) / 2)) / (out - 1));
  const res = new Int32Array(out * 3);
  for (let v = 0; v < out; v++) {
    const scaled = halfPixel ? v * scale + Math.trunc(scale / 2) - (1 << 9) : v * scale;
    const lower = Math.max(Math.trunc(scaled / 1024), 0);
    res[v * 3] = lower;
    res[v * 3 + 1] = Math.min(Math.trunc((scaled + 1023) / 1024), size - 1);
    res[v * 3 + 2] = scaled - 1024 * lower;
  }
  return res;
}

/** XNNPACK's bounds: [first, second, 11-bit weight of the second] per output index. */
function xnnpackBounds(out: number, size: number, align: boolean, halfPixel: boolean): Int32Array {
  const adj = align && out !== 1 ? 1 : 0;
  const scale = F((size - adj) / (out - adj));
  const max = size - 1;
  const legacy = align || !halfPixel;
  const offset = F(F(0.5 * scale) - 0.5);
  const res = new Int32Array(out * 3);
  for (let o = 0; o < out; o++) {
    let p = legacy ? F(o * scale) : F(F(o * scale) + offset);
    if (!legacy) p = Math.min(Math.max(p, 0), max);
    const lo = Math.trunc(p);
    const wv = F(p - lo) * 2048;
    let w = Math.round(wv);
    if (w - wv === 0.5 && (w & 1) !== 0) w -= 1; // half to even
    res[o * 3] = lo;
    res[o * 3 + 1] = Math.min(lo + 1, max);
    res[o * 3 + 2] = w;
  }
  return res;
}

type Mode = 'f32' | 'i8-tflite' | 'u8-tflite' | 'q8-xnnpack';

function modeOf(x: Tensor): Mode {
  if (x.dtype === 'f32') return 'f32';
  if (getRequantization() === 'xnnpack') return 'q8-xnnpack';
  return x.dtype === 'i8' ? 'i8-tflite' : 'u8-tflite';
}

function axisTables(mode: Mode, out: number, size: number, align: boolean, half: boolean): Int32Array {
  if (mode === 'i8-tflite') return intBounds(out, size, align, half);
  if (mode === 'q8-xnnpack') return xnnpackBounds(out, size, align, half);
  let scale = F(size / out);
  if (align && out > 1) scale = F((size - 1) / (out - 1));
  return bounds(out, size, scale, half);
}

export const resizeBilinear: KernelConfig = {
  op: 'tfl.RESIZE_BILINEAR',
  backend: WASM_BACKEND,
  supports(node) {
    // TFLite rejects this combination; the reference's arithmetic then indexes past the input.
    if (node.attrs['alignCorners'] && node.attrs['halfPixelCenters']) return 'alignCorners with halfPixelCenters runs on reference';
    const a = node.inputs[0]?.dtype;
    if ((a === 'i8' || a === 'u8') && node.outputs[0]?.dtype === a) return true;
    return checkF32(node, [0]);
  },
  run(ctx) {
    const x = input(ctx, 0, 'input');
    if (x.shape.length !== 4) fail(ctx.node, `input must be NHWC, got [${x.shape.join(', ')}]`);
    const [oh, ow] = ints(ctx.inputs[1], 'size') as [number, number];
    const [n, h, w, c] = x.shape as [number, number, number, number];
    const align = Boolean(ctx.attrs['alignCorners']);
    const half = Boolean(ctx.attrs['halfPixelCenters']);
    const out = ctx.output(0, [n, oh, ow, c]);
    if (out.data.length === 0) return;
    if (x.data.length === 0) fail(ctx.node, 'cannot resize an empty input to a non-empty output');
    const mode = modeOf(x);
    const { ys, xs } = tables(ctx, mode, [h, w, oh, ow], align, half);
    const hp = beginCall();
    const xp = hp.putBytes(x.data as ArrayBufferView);
    const yp = hp.putI32(ys), xsp = hp.putI32(xs);
    const op = hp.scratch((out.data as ArrayBufferView).byteLength);
    const ex = hp.inst.exports;
    if (mode === 'f32') ex.resize_bilinear_f32(xp, n, h, w, c, oh, ow, yp, xsp, op);
    else if (mode === 'i8-tflite') ex.resize_bilinear_i8_tflite(xp, n, h, w, c, oh, ow, yp, xsp, op);
    else if (mode === 'u8-tflite') ex.resize_bilinear_u8_tflite(xp, n, h, w, c, oh, ow, yp, xsp, op);
    else ex.resize_bilinear_q8_xnnpack(xp, n, h, w, c, oh, ow, yp, xsp, op, x.dtype === 'i8' ? 1 : 0);
    if (mode === 'f32') hp.getF32(op, f32(out));
    else hp.getBytes(op, out.data as ArrayBufferView);
  },
};

/** The row and column tables of this node, cached per geometry and arithmetic. */
function tables(ctx: KernelContext, mode: Mode, [h, w, oh, ow]: number[], align: boolean, half: boolean): { ys: Int32Array; xs: Int32Array } {
  const cache = ctx.cache as { key?: string; ys?: Int32Array; xs?: Int32Array };
  const key = `${mode},${h},${w},${oh},${ow},${align},${half}`;
  if (cache.key !== key) {
    cache.ys = axisTables(mode, oh!, h!, align, half);
    cache.xs = axisTables(mode, ow!, w!, align, half);
    cache.key = key;
  }
  return { ys: cache.ys!, xs: cache.xs! };
}
