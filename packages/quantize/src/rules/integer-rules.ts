// What full-integer quantization needs per op: which constant inputs are weights/bias, and how the
// output's quantization is chosen (TFLite's operator properties for int8 and int16x8).

/** How the output's quantization parameters are chosen. */
export type OutputRule =
  /** From the calibrated range of the output. */
  | { kind: 'calibrated' }
  /** Fixed by the kernel (e.g. LOGISTIC: 1/256, zero point -128 in int8). */
  | { kind: 'fixed'; i8: [scale: number, zeroPoint: number]; i16: [scale: number, zeroPoint: number] }
  /** Same as the data input's (pure data movement, pools). */
  | { kind: 'same' }
  /** All data inputs and the output share one scale (CONCATENATION, PACK, MAXIMUM …). */
  | { kind: 'shared' }
  /** Inputs share one scale, the outputs are not float (comparisons, ARG_MAX). */
  | { kind: 'inputsShared' };

export interface IntegerRule {
  output: OutputRule;
  /** Also runs with int16 activations (int16x8 mode). */
  int16: boolean;
  /** Constant weights: input index and the per-channel (quantized) dimension. */
  weights?: { index: number; axis: number };
  /** Bias input, quantized with input_scale × weight_scale. */
  bias?: { index: number; input: number };
  /** The input whose parameters `same` copies (default 0). */
  dataInput?: number;
}

const CALIBRATED: OutputRule = { kind: 'calibrated' };
const SAME: OutputRule = { kind: 'same' };
const SHARED: OutputRule = { kind: 'shared' };

const rules = new Map<string, IntegerRule>();
function def(ops: string[], rule: IntegerRule): void {
  for (const op of ops) rules.set(`tfl.${op}`, rule);
}

def(['CONV_2D'], { output: CALIBRATED, int16: true, weights: { index: 1, axis: 0 }, bias: { index: 2, input: 0 } });
def(['DEPTHWISE_CONV_2D'], { output: CALIBRATED, int16: true, weights: { index: 1, axis: 3 }, bias: { index: 2, input: 0 } });
def(['FULLY_CONNECTED'], { output: CALIBRATED, int16: true, weights: { index: 1, axis: 0 }, bias: { index: 2, input: 0 } });
def(['TRANSPOSE_CONV'], { output: CALIBRATED, int16: true, weights: { index: 1, axis: 0 }, bias: { index: 3, input: 2 }, dataInput: 2 });
def(['BATCH_MATMUL'], { output: CALIBRATED, int16: true });
def(['ADD', 'SUB', 'MUL', 'MEAN', 'LEAKY_RELU', 'RELU', 'RELU6'], { output: CALIBRATED, int16: true });
def(['SUM', 'SQUARED_DIFFERENCE', 'HARD_SWISH', 'PRELU', 'RELU_N1_TO_1', 'GELU', 'RSQRT', 'ABS'], { output: CALIBRATED, int16: false });
def(['LOGISTIC', 'SOFTMAX'], { output: { kind: 'fixed', i8: [1 / 256, -128], i16: [1 / 32768, 0] }, int16: true });
def(['TANH'], { output: { kind: 'fixed', i8: [1 / 128, 0], i16: [1 / 32768, 0] }, int16: true });
def(['LOG_SOFTMAX'], { output: { kind: 'fixed', i8: [16 / 256, 127], i16: [16 / 32768, 0] }, int16: false });
def(['L2_NORMALIZATION'], { output: { kind: 'fixed', i8: [1 / 128, 0], i16: [1 / 32768, 0] }, int16: false });
def([
  'RESHAPE', 'SQUEEZE', 'EXPAND_DIMS', 'TRANSPOSE', 'MAX_POOL_2D', 'AVERAGE_POOL_2D', 'SLICE', 'STRIDED_SLICE',
  'PAD', 'PADV2', 'GATHER', 'BATCH_TO_SPACE_ND', 'SPACE_TO_BATCH_ND', 'RESIZE_NEAREST_NEIGHBOR', 'RESIZE_BILINEAR',
  'REDUCE_MAX', 'REDUCE_MIN', 'SPLIT_V', 'UNPACK', 'DEPTH_TO_SPACE', 'BROADCAST_TO',
], { output: SAME, int16: true });
def(['SPLIT'], { output: SAME, int16: true, dataInput: 1 });
def(['SPACE_TO_DEPTH', 'MIRROR_PAD', 'GATHER_ND', 'TILE', 'REVERSE_V2'], { output: SAME, int16: false });
def(['CONCATENATION', 'PACK', 'MAXIMUM', 'MINIMUM'], { output: SHARED, int16: true });
def(['SELECT', 'SELECT_V2'], { output: SHARED, int16: false });
def(['EQUAL', 'NOT_EQUAL', 'LESS', 'LESS_EQUAL', 'GREATER', 'GREATER_EQUAL', 'ARG_MAX', 'ARG_MIN'], { output: { kind: 'inputsShared' }, int16: false });

/** The rule for an op in int8 (`bits` 8) or int16x8 (`bits` 16) mode, if it has an integer kernel. */
export function integerRule(op: string, bits: 8 | 16): IntegerRule | undefined {
  const r = rules.get(op);
  if (!r || (bits === 16 && !r.int16)) return undefined;
  return r;
}
