// tfl.NON_MAX_SUPPRESSION_V4: selected box indices (zero-padded to max_output_size) and their count.
import type { KernelConfig, KernelContext } from '../../../kernel';
import { numberAt } from '../../../dtypes';
import { nonMaxSuppression } from '../nms';

export function nmsInputs(ctx: KernelContext) {
  const [boxes, scores, maxOut, iouT, scoreT, sigma] = ctx.inputs;
  return {
    boxes: boxes!.data as Float32Array,
    scores: scores!.data as Float32Array,
    max: Math.max(0, numberAt(maxOut!.data, 0)),
    iou: numberAt(iouT!.data, 0),
    score: numberAt(scoreT!.data, 0),
    sigma: sigma ? numberAt(sigma.data, 0) : 0,
  };
}

export const nonMaxSuppressionV4: KernelConfig = {
  op: 'tfl.NON_MAX_SUPPRESSION_V4',
  backend: 'reference',
  supports: (node) => (node.inputs[0]?.dtype === 'f32' ? true : 'boxes must be f32'),
  run(ctx) {
    const a = nmsInputs(ctx);
    const r = nonMaxSuppression(a.boxes, a.scores, a.max, a.iou, a.score);
    const idx = ctx.output(0, [a.max]).data as Int32Array;
    idx.fill(0);
    idx.set(r.indices);
    (ctx.output(1, []).data as Int32Array)[0] = r.indices.length;
  },
};
