// Custom ops: a user-registered op on a real model (examples/custom-op.ts), and the built-in
// TFLite_Detection_PostProcess on synthetic SSD outputs with the options of a real SSD model.
import { readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { expect, it } from 'vitest';
import { Interpreter, RuntimeError } from '../src/index';
import { coreKernels } from '../src/backends/reference/core-kernels';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { registerSinh, runSinh } from '../examples/custom-op';
import { writeFlexMap } from './helpers/flexbuffer-writer';
import { runKernel, tensor } from './helpers/run-kernel';

describeModels('custom ops', () => {
  it('custom_sinh.bin fails with UNSUPPORTED_OPS until Sinh is registered, then computes sinh', async () => {
    const bytes = readFileSync(modelPath('litert/tflite/testdata/custom_sinh.bin'));
    const err = await Interpreter.create(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuntimeError);
    expect((err as RuntimeError).code).toBe('UNSUPPORTED_OPS');
    expect((err as Error).message).toMatch(/'Identity' tfl.CUSTOM:Sinh: no kernel for custom op 'Sinh'/);
    registerSinh();
    const xs = [-1.5, 0, 0.25, 3];
    const ys = await runSinh(bytes, xs);
    ys.forEach((y, i) => expect(y).toBeCloseTo(Math.sinh(xs[i]!), 5));
  });

  it('TFLite_Detection_PostProcess decodes boxes and runs fast and regular NMS', () => {
    const ssd = importTflite(readFileSync(modelPath('support/coco_ssd_mobilenet_v1_1.0_quant_2018_06_29.tflite')));
    const options = ssd.graphs[0]!.nodes.find((n) => n.op === 'tfl.CUSTOM')!.attrs['customOptions'] as Uint8Array;
    const kernel = coreKernels.find((k) => k.customCode === 'TFLite_Detection_PostProcess')!;
    // Three anchors (yc, xc, h, w); zero encodings decode to the anchors themselves.
    const anchors = tensor('f32', [3, 4], [0.5, 0.5, 0.2, 0.2, 0.52, 0.5, 0.2, 0.2, 0.1, 0.1, 0.1, 0.1]);
    const enc = tensor('f32', [1, 3, 4], new Array(12).fill(0));
    const scores = new Array(3 * 91).fill(0);
    scores[0 * 91 + 1 + 5] = 0.9; // anchor 0, class 5
    scores[1 * 91 + 1 + 5] = 0.8; // anchor 1 overlaps anchor 0 (IoU 0.82 > 0.6): suppressed
    scores[2 * 91 + 1 + 7] = 0.7; // anchor 2, class 7
    scores[1 * 91 + 1 + 2] = 0.75; // anchor 1, class 2: kept by regular (per-class) NMS only
    const cls = tensor('f32', [1, 3, 91], scores);
    const outputs = [{ dtype: 'f32' as const }, { dtype: 'f32' as const }, { dtype: 'f32' as const }, { dtype: 'f32' as const }];
    const run = (opts: Uint8Array) => runKernel(kernel, [enc, cls, anchors], { attrs: { customOptions: opts }, outputs });
    const [boxes, classes, sc, num] = run(options);
    expect(boxes!.shape).toEqual([1, 10, 4]);
    expect(Array.from(num!.data as Float32Array)).toEqual([2]);
    expect(Array.from(classes!.data as Float32Array).slice(0, 2)).toEqual([5, 7]);
    expect(Array.from(sc!.data as Float32Array).slice(0, 3).map((v) => +v.toFixed(4))).toEqual([0.9, 0.7, 0]);
    expect(Array.from((boxes!.data as Float32Array).slice(0, 8)).map((v) => +v.toFixed(4))).toEqual([0.4, 0.4, 0.6, 0.6, 0.05, 0.05, 0.15, 0.15]);
    // Regular NMS (per class, then the best max_detections overall) keeps anchor 1's class 2.
    const regular = run(writeFlexMap({ max_detections: 10, max_classes_per_detection: 1, detections_per_class: 5, use_regular_nms: true,
      nms_iou_threshold: 0.6, nms_score_threshold: 1e-8, num_classes: 90, y_scale: 10, x_scale: 10, h_scale: 5, w_scale: 5 }));
    expect(Array.from(regular[3]!.data as Float32Array)).toEqual([3]);
    expect(Array.from(regular[1]!.data as Float32Array).slice(0, 3)).toEqual([5, 2, 7]);
  });
});
