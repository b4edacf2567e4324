// Operator-code versions for the dtypes a quantized node uses, following TFLite's op_version rules.
import type { Node, Value } from '@liteml/graph-ir';

const dt = (v: Value | undefined): string => v?.dtype ?? 'none';
const rank = (v: Value | undefined): number => v?.shape?.length ?? 0;
const perChannel = (v: Value | undefined): boolean => (v?.quant?.scale.length ?? 0) > 1;

type VersionFn = (n: Node, i0: string, o0: string) => number;

const i8i16 = (i8: number, i16: number): VersionFn => (_n, i0) => (i0 === 'i16' ? i16 : i0 === 'i8' ? i8 : 1);
const i8Only = (v: number): VersionFn => (_n, i0) => (i0 === 'i8' ? v : 1);
const hybridRnn: VersionFn = (n, i0) => (i0 === 'f32' && dt(n.inputs[1]) === 'i8' ? (n.attrs.asymmetricQuantizeInputs ? 3 : 2) : 1);

const table: Record<string, VersionFn> = {
  CONV_2D: (n, i0) => {
    const w = dt(n.inputs[1]);
    if (i0 === 'i16' && w === 'i8') return 4;
    if (i0 === 'i8' && w === 'i8') return 3;
    if (i0 === 'f32' && w === 'i8') return perChannel(n.inputs[1]) ? 5 : 2;
    return 1;
  },
  DEPTHWISE_CONV_2D: (n, i0) => {
    const w = dt(n.inputs[1]);
    if (i0 === 'i16') return 5;
    if (i0 === 'f32' && w === 'i8') return perChannel(n.inputs[1]) ? 6 : 4;
    if (i0 === 'i8' && w === 'i8') return 3;
    const d = (k: string) => (n.attrs[k] as number | undefined) ?? 1;
    return d('dilationWFactor') !== 1 || d('dilationHFactor') !== 1 ? 2 : 1;
  },
  FULLY_CONNECTED: (n, i0, o0) => {
    const w = dt(n.inputs[1]);
    if (i0 === 'f32' && w === 'i8' && o0 === 'f32' && perChannel(n.inputs[1])) return 12;
    if (n.inputs.length < 3 || n.inputs[2] === undefined) return 6;
    if (n.attrs.keepNumDims) return 5;
    if (i0 === 'i8' && w === 'i8') return 4;
    if (i0 === 'f32' && w === 'i8') return n.attrs.asymmetricQuantizeInputs ? 9 : 3;
    return 1;
  },
  TRANSPOSE_CONV: (n) => {
    const act = n.attrs.fusedActivationFunction;
    if (act !== undefined && act !== 'NONE') return 4;
    if (n.inputs[3] !== undefined) return 3;
    return dt(n.inputs[1]) === 'i8' ? 2 : 1;
  },
  BATCH_MATMUL: (n, i0) => {
    if (i0 === 'i16') return 3;
    if (i0 === 'i8') return 2;
    if (i0 === 'f32' && dt(n.inputs[1]) === 'i8' && n.attrs.asymmetricQuantizeInputs) return 4;
    return 1;
  },
  ADD: (n, i0) => (i0 === 'i16' ? (n.attrs.potScaleInt16 === false ? 3 : 1) : i0 === 'i8' ? 2 : 1),
  SUB: (n, i0) => (i0 === 'i16' ? (n.attrs.potScaleInt16 === false ? 5 : 1) : i0 === 'i8' ? 2 : 1),
  MUL: (n, i0) => {
    if (i0 === 'i16') return 4;
    if (i0 !== 'i8') return 1;
    const s = (v: Value | undefined) => v?.quant?.scale[0] ?? 0;
    const a = s(n.inputs[0]), b = s(n.inputs[1]), o = s(n.outputs[0]);
    return a && b && o && (a * b) / o >= 1 ? 3 : 2;
  },
  AVERAGE_POOL_2D: i8i16(2, 3),
  MAX_POOL_2D: i8i16(2, 3),
  TRANSPOSE: (n, i0) => (rank(n.inputs[0]) > 5 ? 6 : i0 === 'i16' ? 5 : rank(n.inputs[0]) > 4 ? 4 : i0 === 'i8' ? 2 : 1),
  SOFTMAX: i8i16(2, 3), MEAN: i8i16(2, 3), MIRROR_PAD: i8i16(2, 3), REDUCE_MAX: i8i16(2, 3), REDUCE_MIN: i8i16(2, 3),
  RELU6: i8i16(2, 3), RSQRT: i8i16(2, 3), RELU: i8i16(2, 3), TANH: i8i16(2, 3), LOGISTIC: i8i16(2, 3),
  CONCATENATION: i8i16(2, 3), ABS: i8i16(2, 3), LESS: i8i16(2, 3), GREATER_EQUAL: i8i16(2, 3),
  PAD: (n, i0) => (rank(n.inputs[0]) > 4 ? 4 : i0 === 'i16' ? 3 : i0 === 'i8' ? 2 : 1),
  PADV2: (n, i0) => (rank(n.inputs[0]) > 4 ? 4 : i0 === 'i16' ? 3 : i0 === 'i8' ? 2 : 1),
  STRIDED_SLICE: (n, i0) => {
    const a = n.attrs;
    if (a.offset === true) return 8;
    if ((a.ellipsisMask ?? 0) !== 0 || (a.newAxisMask ?? 0) !== 0) return 6;
    if (rank(n.inputs[0]) > 4) return 4;
    return i0 === 'i8' ? 2 : 1;
  },
  SLICE: (n, i0) => (rank(n.inputs[0]) > 4 ? 5 : i0 === 'i16' ? 4 : i0 === 'i8' ? 2 : 1),
  SPLIT: (n) => (dt(n.inputs[1]) === 'i16' ? 4 : dt(n.inputs[1]) === 'i8' ? 2 : 1),
  GATHER: (n, i0) => ((n.attrs.batchDims ?? 0) !== 0 ? 5 : i0 === 'i16' ? 4 : i0 === 'i8' ? 2 : 1),
  PACK: (_n, i0) => (i0 === 'i8' ? 2 : i0 === 'i16' ? 3 : 1),
  UNPACK: (_n, i0) => (i0 === 'i8' ? 2 : i0 === 'i16' ? 4 : 1),
  MAXIMUM: i8i16(2, 4), MINIMUM: i8i16(2, 4), EQUAL: i8i16(2, 4),
  LEAKY_RELU: (_n, i0) => (i0 === 'i16' ? 2 : 1),
  L2_NORMALIZATION: (_n, _i0, o0) => (o0 === 'i8' ? 2 : 1),
  RESIZE_BILINEAR: (n, i0) => (i0 === 'i16' ? 4 : n.attrs.halfPixelCenters ? 3 : i0 === 'i8' ? 2 : 1),
  RESIZE_NEAREST_NEIGHBOR: (n, i0) => (i0 === 'i16' ? 4 : n.attrs.halfPixelCenters || n.attrs.alignCorners ? 3 : i0 === 'i8' ? 2 : 1),
  SPACE_TO_BATCH_ND: (n, i0) => (i0 === 'i16' ? 4 : rank(n.inputs[0]) !== 4 ? 3 : i0 === 'i8' ? 2 : 1),
  BATCH_TO_SPACE_ND: (n, i0) => (i0 === 'i16' ? 4 : rank(n.inputs[0]) !== 4 ? 3 : i0 === 'i8' ? 2 : 1),
  SPACE_TO_DEPTH: i8Only(2), DEPTH_TO_SPACE: i8Only(2), SPLIT_V: i8Only(2), SUM: i8Only(2), LOG_SOFTMAX: i8Only(2),
  GREATER: i8Only(2), LESS_EQUAL: i8Only(2), SQUARED_DIFFERENCE: i8Only(2), NOT_EQUAL: i8Only(2),
  ARG_MAX: i8Only(2), ARG_MIN: i8Only(2), SELECT: i8Only(2), GELU: i8Only(2), TILE: i8Only(3), REVERSE_V2: i8Only(3),
  BROADCAST_TO: (_n, i0) => (i0 === 'i8' || i0 === 'i16' ? 3 : 2),
  QUANTIZE: (n, _i0, o0) => (perChannel(n.outputs[0]) ? 3 : o0 === 'i16' ? 2 : 1),
  DEQUANTIZE: (n, i0) => (i0 === 'i16' || i0 === 'f16' ? 3 : i0 === 'i8' ? (perChannel(n.inputs[0]) ? 5 : 2) : 1),
  UNIDIRECTIONAL_SEQUENCE_LSTM: (n, i0) => (i0 === 'f32' && dt(n.inputs[2]) === 'i8' ? (n.attrs.asymmetricQuantizeInputs ? 3 : 2) : 1),
  LSTM: (n, i0) => (i0 === 'f32' && dt(n.inputs[2]) === 'i8' ? (n.attrs.asymmetricQuantizeInputs ? 4 : 3) : (n.attrs.kernelType === 'BASIC' ? 2 : 1)),
  RNN: hybridRnn,
  UNIDIRECTIONAL_SEQUENCE_RNN: hybridRnn,
  SVDF: (n, i0) => (i0 === 'i8' ? 3 : i0 === 'f32' && dt(n.inputs[1]) === 'i8' ? (n.attrs.asymmetricQuantizeInputs ? 4 : 2) : 1),
};

/** The version TFLite requires for a node with its current dtypes (undefined: keep the node's). */
export function opVersion(node: Node): number | undefined {
  if (!node.op.startsWith('tfl.')) return undefined;
  const fn = table[node.op.slice(4)];
  if (!fn) return undefined;
  const data = node.op === 'tfl.TRANSPOSE_CONV' ? node.inputs[2] : node.op === 'tfl.SPLIT' ? node.inputs[1] : node.inputs[0];
  return fn(node, dt(data), dt(node.outputs[0]));
}

/** Sets the version of every given node (quantized or hybrid ones) from its dtypes. */
export function updateVersions(nodes: Iterable<Node>): void {
  for (const n of nodes) {
    const v = opVersion(n);
    if (v !== undefined) n.version = v;
  }
}
