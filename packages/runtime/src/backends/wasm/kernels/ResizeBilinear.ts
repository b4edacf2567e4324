// tfl.RESIZE_BILINEAR on wasm, float32 (alignCorners / halfPixelCenters), bit-exact with the
// reference backend: the source rows/columns and fractions are computed here in float32, the
// channel loop runs in wasm (assembly/resize.ts). 8/16-bit inputs fall back to reference.
import type { KernelConfig } from '../../../kernel';
import { ints } from '../../reference/core-util';
import { WASM_BACKEND, beginCall, checkF32, f32, fail, input } from '../kernel-utils';

const F = Math.fround;

/** Per output index: [lower, upper, fraction] words (i32, i32, f32), as TFLite computes them. */
function bounds(out: number, size: number, scale: number, halfPixel: boolean): { i32: Int32Array; f32: Float32Array } {
  const buf = new ArrayBuffer(out * 12);
  const i32 = new Int32Array(buf), fl = new Float32Array(buf);
  for (let v = 0; v < out; v++) {
    const scaled = halfPixel ? F(F(F(v + 0.5) * scale) - 0.5) : F(v * scale);
    const lower = Math.max(Math.floor(scaled), 0);
    i32[v * 3] = lower;
    i32[v * 3 + 1] = Math.min(Math.ceil(scaled), size - 1);
    fl[v * 3 + 2] = F(scaled - lower);
  }
  return { i32, f32: fl };
}

export const resizeBilinear: KernelConfig = {
  op: 'tfl.RESIZE_BILINEAR',
  backend: WASM_BACKEND,
  supports: (node) => checkF32(node, [0]),
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
    let hs = F(h / oh), ws = F(w / ow);
    if (align && oh > 1) hs = F((h - 1) / (oh - 1));
    if (align && ow > 1) ws = F((w - 1) / (ow - 1));
    const cache = ctx.cache as { key?: string; ys?: Int32Array; xs?: Int32Array };
    const key = `${h},${w},${oh},${ow},${align},${half}`;
    if (cache.key !== key) {
      cache.ys = bounds(oh, h, hs, half).i32;
      cache.xs = bounds(ow, w, ws, half).i32;
      cache.key = key;
    }
    const hp = beginCall();
    const xp = hp.putF32(f32(x));
    const yp = hp.putI32(cache.ys!), xsp = hp.putI32(cache.xs!);
    const op = hp.scratch(out.data.length * 4);
    hp.inst.exports.resize_bilinear_f32(xp, n, h, w, c, oh, ow, yp, xsp, op);
    hp.getF32(op, f32(out));
  },
};
