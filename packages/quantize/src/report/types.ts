// The report's JSON shape (visualize's overlay reads `layers[].{name, mse, maxAbsError, cosine}`).

export interface TensorErrorMetrics {
  mse: number;
  maxAbsError: number;
  /** 10·log10(signal power / error power); Infinity when the error is 0. */
  snrDb: number;
  cosine: number;
}

export interface LayerReport extends TensorErrorMetrics {
  /** Tensor name (the layer's output), shared by the float and the quantized model. */
  name: string;
  /** Op producing it in the quantized model ('input' for graph inputs). */
  op: string;
  /** dtype of the tensor in the quantized model. */
  dtype: string;
  /** Per-tensor scale and zero point (the first channel's where per-axis); null when float. */
  scale: number | null;
  zeroPoint: number | null;
  /** 'fakeQuant': scale and zero point come from a FAKE_QUANT node's range (quantization-aware training), not calibration. */
  rangeFrom?: 'fakeQuant';
}

export interface OutputReport extends TensorErrorMetrics {
  name: string;
  index: number;
  /** Fraction of samples whose argmax (over the last axis) equals the float model's. */
  top1Agreement: number;
}

export interface Suggestion {
  /** Node (= output tensor) name to add to `denylist`. */
  name: string;
  op: string;
  snrDb: number;
  /** SNR lost at this layer compared with its inputs. */
  dropDb: number;
  message: string;
}

export interface QuantizationReport {
  samples: number;
  layers: LayerReport[];
  outputs: OutputReport[];
  suggestions: Suggestion[];
}
