// The custom op 'TFLite_Detection_PostProcess' (SSD): decodes box encodings against anchors, then
// runs fast (per-anchor best class) or regular (per-class) NMS. Options come from the flexbuffer
// map in customOptions. Outputs: boxes [1, D, 4] (ymin, xmin, ymax, xmax), classes [1, D],
// scores [1, D], num_detections [1] (all float32).
import type { KernelConfig, KernelContext, Tensor } from '../../../kernel';
import { readFlexbufferMap } from '../../../flexbuffer';
import { RuntimeError } from '../../../errors';
import { argsortDesc, iou } from '../nms';

interface Options {
  maxDetections: number; maxClassesPerDetection: number; detectionsPerClass: number; useRegularNms: boolean;
  scoreThreshold: number; iouThreshold: number; numClasses: number;
  yScale: number; xScale: number; hScale: number; wScale: number;
}

function optionsOf(ctx: KernelContext): Options {
  const cached = ctx.cache['options'] as Options | undefined;
  if (cached) return cached;
  const m = readFlexbufferMap(ctx.attrs['customOptions'] as Uint8Array | undefined);
  const num = (k: string, d: number) => (m[k] === undefined || m[k] === null ? d : Number(m[k]));
  const o: Options = {
    maxDetections: num('max_detections', 10),
    maxClassesPerDetection: num('max_classes_per_detection', 1),
    detectionsPerClass: num('detections_per_class', 100),
    useRegularNms: Boolean(m['use_regular_nms']),
    scoreThreshold: num('nms_score_threshold', 0),
    iouThreshold: num('nms_iou_threshold', 0),
    numClasses: num('num_classes', 90),
    yScale: num('y_scale', 10), xScale: num('x_scale', 10), hScale: num('h_scale', 5), wScale: num('w_scale', 5),
  };
  if (!(o.iouThreshold >= 0 && o.iouThreshold <= 1)) throw new RuntimeError('BAD_MODEL', `'${ctx.node.name}': nms_iou_threshold ${o.iouThreshold} is outside [0, 1]`, [ctx.node.name]);
  ctx.cache['options'] = o;
  return o;
}

/** Float values of a (possibly quantized) tensor. */
function floats(t: Tensor): Float32Array {
  if (t.dtype === 'f32') return t.data as Float32Array;
  const q = t.quant;
  const s = q?.scale[0] ?? 1, z = q?.zeroPoint[0] ?? 0;
  const d = t.data as Uint8Array;
  const out = new Float32Array(d.length); // float32 math, like TFLite's Dequantize
  for (let i = 0; i < d.length; i++) out[i] = Math.fround(d[i]! - z) * Math.fround(s);
  return out;
}

/** TFLite's single-class NMS: candidates >= score threshold, suppress iou > threshold. */
function singleClassNms(boxes: Float32Array, scores: ArrayLike<number>, maxDetections: number, o: Options): number[] {
  const keep: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! >= o.scoreThreshold) keep.push(i);
  const order = argsortDesc(scores, keep);
  const outputSize = Math.min(order.length, maxDetections);
  const active = new Array<boolean>(order.length).fill(true);
  let numActive = order.length;
  const selected: number[] = [];
  for (let i = 0; i < order.length; i++) {
    if (numActive === 0 || selected.length >= outputSize) break;
    if (!active[i]) continue;
    selected.push(order[i]!);
    active[i] = false;
    numActive--;
    for (let j = i + 1; j < order.length; j++) {
      if (active[j] && iou(boxes, order[i]!, order[j]!) > o.iouThreshold) { active[j] = false; numActive--; }
    }
  }
  return selected;
}

export const detectionPostProcess: KernelConfig = {
  op: 'tfl.CUSTOM',
  customCode: 'TFLite_Detection_PostProcess',
  backend: 'reference',
  supports(node) {
    if (node.inputs.length < 3 || node.outputs.length < 4) return 'needs 3 inputs (box encodings, class predictions, anchors) and 4 outputs';
    const dt = node.inputs[0]!.dtype;
    return dt === 'f32' || dt === 'u8' || dt === 'i8' ? true : `box encodings of dtype ${dt} are not supported`;
  },
  run(ctx) {
    const o = optionsOf(ctx);
    const [encT, clsT, anchorsT] = ctx.inputs as Tensor[];
    const numAnchors = encT!.shape[1]!;
    const encSize = encT!.shape[2]!;
    const numWithBg = clsT!.shape[2]!;
    const labelOffset = numWithBg - o.numClasses;
    if (anchorsT!.shape[0] !== numAnchors || encSize < 4) throw new RuntimeError('SHAPE_MISMATCH', `'${ctx.node.name}': ${numAnchors} box encodings but ${anchorsT!.shape[0]} anchors`, [ctx.node.name]);
    const enc = floats(encT!), anchors = floats(anchorsT!), cls = floats(clsT!);
    // Decode center-size encodings into corner boxes (float32 arithmetic, as TFLite).
    const f = Math.fround;
    const boxes = new Float32Array(numAnchors * 4);
    for (let i = 0; i < numAnchors; i++) {
      const e = i * encSize, a = i * 4;
      const yc = f(f(f(enc[e]! / f(o.yScale)) * anchors[a + 2]!) + anchors[a]!);
      const xc = f(f(f(enc[e + 1]! / f(o.xScale)) * anchors[a + 3]!) + anchors[a + 1]!);
      const hh = f(f(0.5 * f(Math.exp(f(enc[e + 2]! / f(o.hScale))))) * anchors[a + 2]!);
      const hw = f(f(0.5 * f(Math.exp(f(enc[e + 3]! / f(o.wScale))))) * anchors[a + 3]!);
      boxes.set([yc - hh, xc - hw, yc + hh, xc + hw], i * 4);
    }
    const D = o.maxDetections;
    // Fast NMS writes up to max_classes_per_detection classes per selected anchor.
    const stride = o.useRegularNms ? 1 : o.maxClassesPerDetection;
    const perDet = o.useRegularNms ? 1 : Math.min(o.maxClassesPerDetection, o.numClasses);
    const slots = D * stride;
    const outBoxes = ctx.output(0, [1, slots, 4], 'f32').data as Float32Array;
    const outClasses = ctx.output(1, [1, slots], 'f32').data as Float32Array;
    const outScores = ctx.output(2, [1, slots], 'f32').data as Float32Array;
    const outNum = ctx.output(3, [1], 'f32').data as Float32Array;
    outBoxes.fill(0); outClasses.fill(0); outScores.fill(0);
    const score = (anchor: number, c: number) => cls[anchor * numWithBg + labelOffset + c]!;
    let n = 0;
    if (o.useRegularNms) {
      // Per class NMS (up to min(detections_per_class, max_detections) each), merged into one list
      // sorted by score and cut to max_detections after every class. Like TFLite's in-place merge,
      // a new detection goes before an earlier one of equal score.
      type Pick = { anchor: number; cls: number; score: number };
      let best: Pick[] = [];
      const perClass = Math.min(o.detectionsPerClass, D);
      const col = new Float32Array(numAnchors);
      for (let c = 0; c < o.numClasses; c++) {
        for (let i = 0; i < numAnchors; i++) col[i] = score(i, c);
        const fresh = singleClassNms(boxes, col, perClass, o).map((a) => ({ anchor: a, cls: c, score: col[a]! }));
        const merged: Pick[] = [];
        let i = 0, j = 0;
        while (i < best.length || j < fresh.length) {
          if (j < fresh.length && (i >= best.length || fresh[j]!.score >= best[i]!.score)) merged.push(fresh[j++]!);
          else merged.push(best[i++]!);
        }
        best = merged.slice(0, D);
      }
      for (const p of best) {
        outBoxes.set(boxes.subarray(p.anchor * 4, p.anchor * 4 + 4), n * 4);
        outClasses[n] = p.cls;
        outScores[n] = p.score;
        n++;
      }
    } else {
      const maxScores = new Float32Array(numAnchors);
      const topClasses: number[][] = [];
      const classIdx = Array.from({ length: o.numClasses }, (_, c) => c);
      for (let i = 0; i < numAnchors; i++) {
        const row = cls.subarray(i * numWithBg + labelOffset, i * numWithBg + labelOffset + o.numClasses);
        const top = argsortDesc(row, classIdx).slice(0, perDet);
        topClasses.push(top);
        maxScores[i] = row[top[0]!]!;
      }
      for (const a of singleClassNms(boxes, maxScores, D, o)) {
        for (let c = 0; c < perDet; c++) {
          const k = topClasses[a]![c]!;
          const slot = n * stride + c;
          outBoxes.set(boxes.subarray(a * 4, a * 4 + 4), slot * 4);
          outClasses[slot] = k;
          outScores[slot] = score(a, k);
        }
        n++;
      }
    }
    outNum[0] = n;
  },
};
