// The FlexBuffers reader on real custom-op options and on hand-written buffers.
import { readFileSync } from 'node:fs';
import { importTflite } from '@liteml/graph-ir';
import { describe, expect, it } from 'vitest';
import { readFlexbuffer, readFlexbufferMap, RuntimeError } from '../src/index';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { writeFlexMap } from './helpers/flexbuffer-writer';

describe('readFlexbuffer', () => {
  it('round-trips a map of ints, floats and bools', () => {
    const m = { alpha: 0.25, count: -3, big: 2 ** 40, on: true, off: false };
    expect(readFlexbufferMap(writeFlexMap(m))).toEqual(m);
  });
  it('reads an empty buffer as an empty map', () => {
    expect(readFlexbufferMap(new Uint8Array())).toEqual({});
  });
  it('throws RuntimeError on truncated or corrupt buffers, never reads out of bounds', () => {
    const good = writeFlexMap({ a: 1, b: 2.5 });
    for (let cut = 1; cut < good.length; cut++) {
      try {
        readFlexbuffer(good.subarray(cut));
      } catch (e) {
        expect(e).toBeInstanceOf(RuntimeError);
      }
    }
    expect(() => readFlexbuffer(new Uint8Array([1, 2, 3]))).toThrow(RuntimeError);
    const flipped = good.slice();
    flipped[flipped.length - 3] = 0xff; // root offset points far outside
    expect(() => readFlexbuffer(flipped)).toThrow(RuntimeError);
  });
});

describeModels('readFlexbuffer on real custom options', () => {
  it('decodes the SSD post-processing options of coco_ssd', () => {
    const ssd = importTflite(readFileSync(modelPath('support/coco_ssd_mobilenet_v1_1.0_quant_2018_06_29.tflite')));
    const node = ssd.graphs[0]!.nodes.find((n) => n.attrs['customCode'] === 'TFLite_Detection_PostProcess')!;
    const o = readFlexbufferMap(node.attrs['customOptions'] as Uint8Array);
    expect(o).toMatchObject({ max_detections: 10, max_classes_per_detection: 1, num_classes: 90, y_scale: 10, x_scale: 10, h_scale: 5, w_scale: 5, _output_quantized: true });
    expect(o['nms_iou_threshold']).toBeCloseTo(0.6, 6);
  });
});
