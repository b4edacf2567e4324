// tfl.NON_MAX_SUPPRESSION_V5: like V4 plus soft-NMS (sigma) and the selected scores.
import type { KernelConfig } from '../../../kernel';
import { nonMaxSuppression } from '../nms';
import { nmsInputs } from './NonMaxSuppressionV4';

export const nonMaxSuppressionV5: KernelConfig = {
  op: 'tfl.NON_MAX_SUPPRESSION_V5',
  backend: 'reference',
  supports: (node) => (node.inputs[0]?.dtype === 'f32' ? true : 'boxes must be f32'),
  run(ctx) {
    const a = nmsInputs(ctx);
    const r = nonMaxSuppression(a.boxes, a.scores, a.max, a.iou, a.score, a.sigma);
    const idx = ctx.output(0, [a.max]).data as Int32Array;
    idx.fill(0);
    idx.set(r.indices);
    const sc = ctx.output(1, [a.max]).data as Float32Array;
    sc.fill(0);
    sc.set(r.scores);
    (ctx.output(2, []).data as Int32Array)[0] = r.indices.length;
  },
};
