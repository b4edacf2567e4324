// tfl.RESIZE_BILINEAR (NHWC) as TFLite's reference kernels compute it: float32 math for f32 and
// u8 (u8 rounds by +0.5), the 10-bit fixed-point ResizeBilinearInteger for i8 and i16; i8/u8 in
// requantization mode 'xnnpack' as XNNPACK computes them (see xnnpack-resize.ts).
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, supportsDtypes } from '../core-util';
import { getRequantization } from './nn-quant-utils';
import { xnnpackResizeBilinear8 } from './xnnpack-resize';

const f = Math.fround;

function floatBounds(v: number, scale: number, halfPixel: boolean, size: number): [number, number, number] {
  const scaled = halfPixel ? f(f(f(v + 0.5) * scale) - 0.5) : f(v * scale);
  const lower = Math.max(Math.floor(scaled), 0);
  const upper = Math.min(Math.ceil(scaled), size - 1);
  return [scaled, lower, upper];
}

function intBounds(v: number, scale10: number, halfPixel: boolean, size: number): [number, number, number] {
  const scaled = halfPixel ? v * scale10 + Math.trunc(scale10 / 2) - (1 << 9) : v * scale10;
  const lower = Math.max(Math.trunc(scaled / 1024), 0);
  const upper = Math.min(Math.trunc((scaled + 1023) / 1024), size - 1);
  return [scaled, lower, upper];
}

export const resizeBilinear: KernelConfig = {
  op: 'tfl.RESIZE_BILINEAR',
  backend: 'reference',
  supports: supportsDtypes(['f32', 'u8', 'i8', 'i16']),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const [oh, ow] = ints(ctx.inputs[1], 'size') as [number, number];
    if (input.shape.length !== 4) fail(ctx.node, `input must be NHWC, got [${input.shape.join(', ')}]`);
    const [n, h, w, c] = input.shape as [number, number, number, number];
    const align = Boolean(ctx.attrs['alignCorners']);
    const half = Boolean(ctx.attrs['halfPixelCenters']);
    const out = ctx.output(0, [n, oh, ow, c]);
    const od = dataOf(out) as unknown as number[], src = dataOf(input) as unknown as number[];
    const at = (b: number, y: number, x: number, ch: number) => src[((b * h + y) * w + x) * c + ch]!;
    if ((input.dtype === 'i8' || input.dtype === 'u8') && getRequantization() === 'xnnpack' && !(align && half)) {
      xnnpackResizeBilinear8(src, od, input.shape, oh, ow, align, half);
      return;
    }
    if (input.dtype === 'i8' || input.dtype === 'i16') {
      let hs = Math.trunc((1024 * h + Math.trunc(oh / 2)) / oh);
      let ws = Math.trunc((1024 * w + Math.trunc(ow / 2)) / ow);
      if (align && oh > 1) hs = Math.trunc((1024 * (h - 1) + Math.trunc((oh - 1) / 2)) / (oh - 1));
      if (align && ow > 1) ws = Math.trunc((1024 * (w - 1) + Math.trunc((ow - 1) / 2)) / (ow - 1));
      for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
        const [iy, y0, y1] = intBounds(y, hs, half, h);
        const dy = iy - 1024 * y0;
        for (let x = 0; x < ow; x++) {
          const [ix, x0, x1] = intBounds(x, ws, half, w);
          const dx = ix - 1024 * x0;
          for (let ch = 0; ch < c; ch++) {
            const v = at(b, y0, x0, ch) * (1024 - dy) * (1024 - dx) + at(b, y1, x0, ch) * dy * (1024 - dx)
              + at(b, y0, x1, ch) * (1024 - dy) * dx + at(b, y1, x1, ch) * dy * dx;
            const round = v > 0 ? 1 << 19 : -(1 << 19);
            od[((b * oh + y) * ow + x) * c + ch] = Math.trunc((v + round) / (1 << 20));
          }
        }
      }
      return;
    }
    let hs = f(h / oh), ws = f(w / ow);
    if (align && oh > 1) hs = f((h - 1) / (oh - 1));
    if (align && ow > 1) ws = f((w - 1) / (ow - 1));
    const isInt = input.dtype === 'u8';
    for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
      const [iy, y0, y1] = floatBounds(y, hs, half, h);
      const dy = f(iy - y0);
      for (let x = 0; x < ow; x++) {
        const [ix, x0, x1] = floatBounds(x, ws, half, w);
        const dx = f(ix - x0);
        for (let ch = 0; ch < c; ch++) {
          const v = f(f(f(at(b, y0, x0, ch) * f(1 - dy)) * f(1 - dx)) + f(f(at(b, y1, x0, ch) * dy) * f(1 - dx))
            + f(f(at(b, y0, x1, ch) * f(1 - dy)) * dx) + f(f(at(b, y1, x1, ch) * dy) * dx));
          od[((b * oh + y) * ow + x) * c + ch] = isInt ? Math.trunc(v + 0.5) : v;
        }
      }
    }
  },
};
