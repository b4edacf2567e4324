// Requantization mode 'xnnpack': int8 ADD/SUB round ties half up (XNNPACK's shared-shift integer
// multipliers) and int8 RESIZE_BILINEAR uses 11-bit weights with the same rounding, where TFLite's
// reference kernels round ties away from zero. The cases are exact ties, as in movenet's input
// normalisation (x/127.5 − 1), whose first SUB is where the two arithmetics part.
import { afterEach, describe, expect, it } from 'vitest';
import { runKernel, tensor } from './helpers/run-kernel';
import { add } from '../src/backends/reference/kernels/Add';
import { sub } from '../src/backends/reference/kernels/Sub';
import { resizeBilinear } from '../src/backends/reference/kernels/ResizeBilinear';
import { setRequantization, type Requantization } from '../src/backends/reference/kernels/nn-quant-utils';

afterEach(() => setRequantization('tflite'));

function inMode<T>(mode: Requantization, fn: () => T): T {
  setRequantization(mode);
  return fn();
}

describe("requantization 'xnnpack': XNNPACK's 8-bit arithmetic", () => {
  // movenet_single_pose_lightning_ptq node 4: (x − 255·s_b) with s_b = s_x / 2 → k − 127.5 steps.
  const sx = 0.007843137718737125, sb = 0.003921568859368563;
  const x = () => tensor('i8', [4], [-108, -107, 0, 127], { scale: [sx], zeroPoint: [-128] });
  const b = () => tensor('i8', [], [127], { scale: [sb], zeroPoint: [-128] });
  const out = [{ dtype: 'i8' as const, quant: { scale: [sx], zeroPoint: [-1] } }];

  it('SUB rounds ties towards +∞ (TFLite: away from zero)', () => {
    const run = () => Array.from(runKernel(sub, [x(), b()], { outputs: out })[0]!.data as Int8Array);
    // k = 20, 21, 128, 255 → k − 127.5 = −107.5, −106.5, 0.5, 127.5; then + zero point −1
    expect(inMode('xnnpack', run)).toEqual([-108, -107, 0, 127]);
    expect(inMode('tflite', run)).toEqual([-109, -108, 0, 127]);
  });

  it('ADD rounds ties towards +∞ as well', () => {
    const xs = tensor('i8', [3], [-128, -127, -118], { scale: [sx], zeroPoint: [-128] }); // k = 0, 1, 10 steps
    const minusHalf = tensor('i8', [], [-1], { scale: [sb], zeroPoint: [0] }); // −1 · s_b = −0.5 steps
    const run = () => Array.from(runKernel(add, [xs, minusHalf], { outputs: out })[0]!.data as Int8Array);
    // k − 0.5 = −0.5, 0.5, 9.5; then + zero point −1
    expect(inMode('xnnpack', run)).toEqual([-1, 0, 9]);
    expect(inMode('tflite', run)).toEqual([-2, 0, 9]);
  });

  it('RESIZE_BILINEAR int8 (half-pixel centres) rounds ties towards +∞', () => {
    const input = tensor('i8', [1, 1, 2, 1], [-2, 0], { scale: [0.1], zeroPoint: [0] });
    const size = tensor('i32', [2], [1, 4]);
    const run = () => Array.from(runKernel(resizeBilinear, [input, size], { attrs: { alignCorners: false, halfPixelCenters: true } })[0]!.data as Int8Array);
    // source x = −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1): −2, −1.5, −0.5, 0
    expect(inMode('xnnpack', run)).toEqual([-2, -1, 0, 0]);
    expect(inMode('tflite', run)).toEqual([-2, -2, -1, 0]);
  });
});
