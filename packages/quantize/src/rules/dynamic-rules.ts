// Dynamic-range (hybrid) quantization: which constant inputs of which ops become int8, as TFLite's
// dynamic-range quantizer does. The node keeps its op and runs as a hybrid kernel (float
// activations, int8 weights dequantized on the fly or input-quantized per batch).

export interface HybridRule {
  /** Weight inputs and, where per-channel is allowed, their quantized dimension. */
  weights: { index: number; axis?: number }[];
  /** Set `asymmetricQuantizeInputs: true` (TFLite's converter default for these ops). */
  asymmetricInputs: boolean;
}

const LSTM_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16].map((index) => ({ index }));

const rules: Record<string, HybridRule> = {
  'tfl.CONV_2D': { weights: [{ index: 1, axis: 0 }], asymmetricInputs: false },
  'tfl.DEPTHWISE_CONV_2D': { weights: [{ index: 1, axis: 3 }], asymmetricInputs: false },
  'tfl.FULLY_CONNECTED': { weights: [{ index: 1 }], asymmetricInputs: true },
  'tfl.BATCH_MATMUL': { weights: [{ index: 1 }], asymmetricInputs: true },
  'tfl.UNIDIRECTIONAL_SEQUENCE_LSTM': { weights: LSTM_WEIGHTS, asymmetricInputs: true },
  'tfl.LSTM': { weights: LSTM_WEIGHTS, asymmetricInputs: true },
  'tfl.RNN': { weights: [{ index: 1 }, { index: 2 }], asymmetricInputs: true },
  'tfl.UNIDIRECTIONAL_SEQUENCE_RNN': { weights: [{ index: 1 }, { index: 2 }], asymmetricInputs: true },
  'tfl.SVDF': { weights: [{ index: 1 }, { index: 2 }], asymmetricInputs: true },
};

export function hybridRule(op: string): HybridRule | undefined {
  return rules[op];
}

/** TFLite keeps tensors with fewer elements than this in float. */
export const MIN_WEIGHT_ELEMENTS = 1024;
