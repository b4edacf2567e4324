// tfl.DEPTH_TO_SPACE (NHWC): the inverse of SPACE_TO_DEPTH.
import type { KernelConfig } from '../../../kernel';
import { dataOf, fail, MOVABLE_DTYPES, supportsDtypes } from '../core-util';

export const depthToSpace: KernelConfig = {
  op: 'tfl.DEPTH_TO_SPACE',
  backend: 'reference',
  supports: supportsDtypes(MOVABLE_DTYPES),
  run(ctx) {
    const input = ctx.inputs[0]!;
    const bs = Number(ctx.attrs['blockSize']);
    const [n, h, w, c] = input.shape as [number, number, number, number];
    if (input.shape.length !== 4 || !(bs >= 1) || c % (bs * bs)) fail(ctx.node, `channels ${c} are not a multiple of ${bs * bs}`);
    const oh = h * bs, ow = w * bs, oc = c / (bs * bs);
    const out = ctx.output(0, [n, oh, ow, oc]);
    const od = dataOf(out), src = dataOf(input);
    for (let b = 0; b < n; b++) for (let y = 0; y < oh; y++) for (let x = 0; x < ow; x++) for (let ch = 0; ch < oc; ch++) {
      const iz = ((y % bs) * bs + (x % bs)) * oc + ch;
      od[((b * oh + y) * ow + x) * oc + ch] = src[((b * h + Math.floor(y / bs)) * w + Math.floor(x / bs)) * c + iz];
    }
  },
};
