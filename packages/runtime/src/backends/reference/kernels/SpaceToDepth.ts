// tfl.SPACE_TO_DEPTH (NHWC): moves blockSize×blockSize spatial blocks into channels.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, MOVABLE_DTYPES, supportsDtypes } from '../core-util';

export const spaceToDepth: KernelConfig = {
  op: 'tfl.SPACE_TO_DEPTH',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const bs = Number(ctx.attrs['blockSize']);
    const [n, h, w, c] = input.shape as [number, number, number, number];
    if (input.shape.length !== 4 || !(bs >= 1) || h % bs || w % bs) fail(ctx.node, `input [${input.shape.join(', ')}] does not split into ${bs}×${bs} blocks`);
    const oh = h / bs, ow = w / bs, oc = c * bs * bs;
    const out = ctx.output(0, [n, oh, ow, oc]);
    const od = dataOf(out), src = dataOf(input);
    for (let b = 0; b < n; b++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) {
      const oz = ((y % bs) * bs + (x % bs)) * c + ch;
      od[((b * oh + Math.floor(y / bs)) * ow + Math.floor(x / bs)) * oc + oz] = src[((b * h + y) * w + x) * c + ch];
    }
  },
};
