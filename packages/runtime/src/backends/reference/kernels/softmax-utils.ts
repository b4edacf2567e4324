// Preparation shared by the quantized SOFTMAX and LOG_SOFTMAX kernels (TFLite's
// PreprocessSoftmaxScaling): input differences from the row max are scaled by β·s_in into
// gemmlowp Q5.26 through a multiplier ≥ 1, and differences below `diffMin` contribute nothing.
import { calculateInputRadius, quantizeMultiplierGreaterThanOne } from '../fixed-point';

export const SCALED_DIFF_INTEGER_BITS = 5;

export interface SoftmaxQuantParams { multiplier: number; leftShift: number; diffMin: number }

export function prepareSoftmaxScaling(beta: number, inputScale: number): SoftmaxQuantParams {
  const real = Math.min(beta * inputScale * 2 ** (31 - SCALED_DIFF_INTEGER_BITS), 2 ** 31 - 1);
  const { multiplier, shift } = quantizeMultiplierGreaterThanOne(real);
  return { multiplier, leftShift: shift, diffMin: -calculateInputRadius(SCALED_DIFF_INTEGER_BITS, shift, 31) };
}
