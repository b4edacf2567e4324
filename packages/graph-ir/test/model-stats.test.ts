import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeModels, modelPath } from '../../../testing/shared-models';
import { formatStats, modelStats } from '../examples/model-stats';
import { importTflite } from '../src/index';

describeModels('examples/model-stats', () => {
  it('counts MACs and parameters of mobilenet_v1 0.25 (uint8)', () => {
    const model = importTflite(new Uint8Array(readFileSync(modelPath('support/mobilenet_v1_0.25_224_quant.tflite'))));
    const stats = modelStats(model);
    const conv = stats.ops.find((s) => s.op === 'tfl.CONV_2D')!;
    const dw = stats.ops.find((s) => s.op === 'tfl.DEPTHWISE_CONV_2D')!;
    expect(conv.count).toBe(15); // first conv + 13 pointwise + the 1x1 classifier
    expect(dw.count).toBe(13);
    // MobileNet v1 0.25 @224: ~41M multiply-adds and ~0.47M parameters (Howard et al. 2017, Table 7)
    expect(stats.totalMacs).toBeGreaterThan(40e6);
    expect(stats.totalMacs).toBeLessThan(42e6);
    expect(stats.totalParams).toBeGreaterThan(0.46e6);
    expect(stats.totalParams).toBeLessThan(0.48e6);
    expect(stats.ops[0]!.op).toBe('tfl.CONV_2D');
    const text = formatStats(stats);
    expect(text.split('\n')[0]).toMatch(/^op\s+count\s+MACs\s+params$/);
    expect(text).toMatch(/tfl\.DEPTHWISE_CONV_2D\s+13\s/);
    expect(text.split('\n').at(-1)).toMatch(/^total\s+31\s+41\.\d\dM\s+4\d\d\.\dk$/);
  });
});
