// tfl.RESIZE_NEAREST_NEIGHBOR (NHWC), with TFLite's index rule (float32 scale, align_corners
// rounds, half_pixel_centers offsets by 0.5). Pure data movement: every dtype.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, ints, MOVABLE_DTYPES, roundHalfAway, supportsDtypes } from '../core-util';

const f = Math.fround;

function nearest(v: number, size: number, scale: number, align: boolean, half: boolean): number {
  const offset = half ? 0.5 : 0;
  const s = f(f(v + offset) * scale);
  let r = Math.min(align ? roundHalfAway(s) : Math.floor(s), size - 1);
  if (half) r = Math.max(0, r);
  return r;
}

export const resizeNearestNeighbor: KernelConfig = {
  op: 'tfl.RESIZE_NEAREST_NEIGHBOR',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const [oh, ow] = ints(ctx.inputs[1], 'size') as [number, number];
    if (input.shape.length !== 4) fail(ctx.node, `input must be NHWC, got [${input.shape.join(', ')}]`);
    const [n, h, w, c] = input.shape as [number, number, number, number];
    const align = Boolean(ctx.attrs['alignCorners']);
    const half = Boolean(ctx.attrs['halfPixelCenters']);
    const hs = align && oh > 1 ? f((h - 1) / (oh - 1)) : f(h / oh);
    const ws = align && ow > 1 ? f((w - 1) / (ow - 1)) : f(w / ow);
    const out = ctx.output(0, [n, oh, ow, c]);
    const od = dataOf(out), src = dataOf(input);
    for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) {
      const iy = nearest(y, h, hs, align, half);
      for (let x = 0; x < ow; x++) {
        const ix = nearest(x, w, ws, align, half);
        for (let ch = 0; ch < c; ch++) od[((b * oh + y) * ow + x) * c + ch] = src[((b * h + iy) * w + ix) * c + ch];
      }
    }
  },
};
