// Public option and result types.
import type { Model } from '@liteml/graph-ir';
import type { TensorLike } from '@liteml/runtime';
import type { QuantizationReport } from './report/types';

export type QuantizationMode = 'dynamic' | 'float16' | 'int8' | 'int16x8';
export type ObserverKind = 'minmax' | 'percentile' | 'mse';

/** One calibration sample: model inputs by name (or by position). */
export type CalibrationSample = Record<string, TensorLike> | readonly TensorLike[];
/** A calibration set, or 'random' (uniform [-1, 1] inputs: only good for smoke tests). */
export type CalibrationData = Iterable<CalibrationSample> | 'random';

export interface QuantizeProgress {
  stage: 'calibrate' | 'rewrite' | 'verify' | 'report';
  done: number;
  total?: number;
}

export interface QuantizeOptions {
  mode: QuantizationMode;
  /** Representative inputs (int8 / int16x8 need them; the report uses them in every mode). */
  calibration?: CalibrationData;
  /** Per-tensor instead of per-channel weight scales. */
  perTensor?: boolean;
  /** int8 mode: dtype of the model's inputs and outputs (default 'float32': QUANTIZE/DEQUANTIZE at the boundaries). */
  ioType?: 'int8' | 'uint8' | 'float32';
  /** Fail (instead of keeping them in float) when some nodes have no integer kernel. */
  strictInt8?: boolean;
  /** Op names ('tfl.SOFTMAX' or 'SOFTMAX') or node names kept in float. */
  denylist?: readonly string[];
  /** How activation ranges are chosen from the calibration data (default 'minmax'). */
  observer?: ObserverKind;
  /** Percentile kept by the 'percentile' observer (default 99.99). */
  percentile?: number;
  /**
   * int8 / int16x8: fold the mean output shift caused by weight quantization into the bias, using
   * the calibration inputs' channel means; int8 also corrects, layer by layer, the shift caused by
   * quantized inputs (default true).
   */
  biasCorrection?: boolean;
  /** Also compute the per-layer error report (needs calibration data or uses 'random'). */
  report?: boolean;
  onProgress?: (p: QuantizeProgress) => void;
}

export interface QuantizeResult {
  tflite: Uint8Array;
  model: Model;
  /** Nodes kept in float (denylisted or without an integer kernel), int8 / int16x8 modes. */
  floatNodes: string[];
  report?: QuantizationReport;
}
