// @liteml/quantize: post-training quantization (dynamic-range, float16, int8, int16x8) with a
// per-layer error report. See README.md.
export { quantize } from './quantize';
export { quantizationReport, type ReportOptions } from './report/report';
export { formatReport, type FormatReportOptions } from './report/format';
export { QuantizationError, type QuantizationErrorCode } from './errors';
export { randomSamples } from './calibration/random';
export type {
  QuantizationMode, ObserverKind, CalibrationSample, CalibrationData, QuantizeOptions, QuantizeResult, QuantizeProgress,
} from './types';
export type { QuantizationReport, LayerReport, OutputReport, Suggestion, TensorErrorMetrics } from './report/types';
