// Box helpers shared by the NMS kernels and TFLite_Detection_PostProcess.

/** IoU of boxes i and j in a flat [N, 4] corner array (either corner order per axis). */
export function iou(boxes: ArrayLike<number>, i: number, j: number): number {
  const ay1 = Math.min(boxes[4 * i]!, boxes[4 * i + 2]!), ay2 = Math.max(boxes[4 * i]!, boxes[4 * i + 2]!);
  const ax1 = Math.min(boxes[4 * i + 1]!, boxes[4 * i + 3]!), ax2 = Math.max(boxes[4 * i + 1]!, boxes[4 * i + 3]!);
  const by1 = Math.min(boxes[4 * j]!, boxes[4 * j + 2]!), by2 = Math.max(boxes[4 * j]!, boxes[4 * j + 2]!);
  const bx1 = Math.min(boxes[4 * j + 1]!, boxes[4 * j + 3]!), bx2 = Math.max(boxes[4 * j + 1]!, boxes[4 * j + 3]!);
  const areaA = (ay2 - ay1) * (ax2 - ax1);
  const areaB = (by2 - by1) * (bx2 - bx1);
  if (areaA <= 0 || areaB <= 0) return 0;
  const ih = Math.max(Math.min(ay2, by2) - Math.max(ay1, by1), 0);
  const iw = Math.max(Math.min(ax2, bx2) - Math.max(ax1, bx1), 0);
  const inter = ih * iw;
  return inter / (areaA + areaB - inter);
}

/** Indices sorted by decreasing value (ties keep index order). */
export function argsortDesc(values: ArrayLike<number>, indices: number[]): number[] {
  return indices.slice().sort((a, b) => (values[b]! - values[a]!) || a - b);
}

/**
 * TFLite's NonMaxSuppression (v4/v5): candidates above scoreThreshold in decreasing score order,
 * hard suppression at iou >= iouThreshold, optional soft-NMS (Gaussian, sigma).
 */
export function nonMaxSuppression(boxes: ArrayLike<number>, scores: ArrayLike<number>, maxOutput: number,
  iouThreshold: number, scoreThreshold: number, softSigma = 0): { indices: number[]; scores: number[] } {
  const scale = softSigma > 0 ? -0.5 / softSigma : 0;
  type Cand = { index: number; score: number; suppressBegin: number };
  const queue: Cand[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > scoreThreshold) queue.push({ index: i, score: scores[i]!, suppressBegin: 0 });
  const pop = (): Cand => {
    let best = 0;
    for (let k = 1; k < queue.length; k++) {
      const a = queue[k]!, b = queue[best]!;
      if (a.score > b.score || (a.score === b.score && a.index < b.index)) best = k;
    }
    return queue.splice(best, 1)[0]!;
  };
  const selected: number[] = [], selScores: number[] = [];
  while (selected.length < maxOutput && queue.length) {
    const next = pop();
    const original = next.score;
    for (let j = next.suppressBegin; j < selected.length; j++) {
      const o = iou(boxes, next.index, selected[j]!);
      if (o >= iouThreshold) { next.score = 0; break; }
      if (scale !== 0) next.score *= Math.exp(scale * o * o);
      if (next.score <= scoreThreshold) break;
    }
    next.suppressBegin = selected.length;
    if (next.score === original) { selected.push(next.index); selScores.push(next.score); }
    else if (next.score > scoreThreshold) queue.push(next);
  }
  return { indices: selected, scores: selScores };
}
