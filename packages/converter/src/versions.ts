// Minimal TFLite operator versions: the lowest version whose kernel accepts the dtypes and options
// a node uses (TFLite's op versioning rules, for the features this float converter emits).
// Ops not listed, and float32 nodes without special options, are version 1.
import type { DType, Model, Node } from '@liteml/graph-ir';

type Rule = (n: Node, t: (i: number) => DType | undefined, rank: (i: number) => number) => number;

const int8 = (d: DType | undefined) => d === 'i8';
const bySmallTypes = (v8: number, v16 = v8): Rule => (_n, t) => (t(0) === 'i16' ? v16 : int8(t(0)) ? v8 : 1);

const RULES: Record<string, Rule> = {
  ADD: (_n, t) => (t(0) === 'i16' ? 5 : t(0) === 'i64' ? 4 : int8(t(0)) ? 2 : 1),
  SUB: (n, t, rank) => (t(0) === 'i64' ? 4 : Math.max(rank(0), rank(1)) > 4 ? 3 : int8(t(0)) ? 2 : 1),
  MUL: (_n, t) => (t(0) === 'i16' || t(0) === 'u32' ? 7 : t(0) === 'complex64' ? 6 : t(0) === 'i64' ? 5 : int8(t(0)) ? 2 : 1),
  DIV: (_n, _t, rank) => (Math.max(rank(0), rank(1)) > 4 ? 2 : 1),
  MAXIMUM: (_n, t, rank) => (Math.max(rank(0), rank(1)) > 4 ? 3 : int8(t(0)) ? 2 : 1),
  MINIMUM: (_n, t, rank) => (Math.max(rank(0), rank(1)) > 4 ? 3 : int8(t(0)) ? 2 : 1),
  FLOOR_DIV: (_n, t) => (t(0) === 'i16' || t(0) === 'i8' ? 3 : t(0) === 'f32' ? 2 : 1),
  DEPTHWISE_CONV_2D: (n) => ((n.attrs.dilationHFactor ?? 1) !== 1 || (n.attrs.dilationWFactor ?? 1) !== 1 ? 2 : 1),
  FULLY_CONNECTED: (n) => (n.inputs.length === 2 ? 6 : n.attrs.keepNumDims ? 5 : 1),
  TRANSPOSE_CONV: (n) => (n.attrs.fusedActivationFunction && n.attrs.fusedActivationFunction !== 'NONE' ? 4 : n.inputs[3] ? 3 : 1),
  GATHER: (n, t) => (t(1) === 'i16' ? 6 : (n.attrs.batchDims ?? 0) !== 0 ? 5 : t(0) === 'i16' ? 4 : t(0) === 'bool' ? 3 : int8(t(0)) ? 2 : 1),
  GATHER_ND: (_n, t) => (t(0) === 'bool' ? 5 : t(0) === 'string' ? 2 : 1),
  TRANSPOSE: (_n, t, rank) => (rank(0) > 5 ? 6 : rank(0) > 4 ? 4 : t(0) === 'bool' ? 3 : int8(t(0)) ? 2 : 1),
  SPLIT: (_n, t) => (t(1) === 'i32' ? 3 : int8(t(1)) ? 2 : 1),
  SLICE: (_n, t, rank) => (rank(0) > 4 ? 5 : t(0) === 'string' ? 3 : int8(t(0)) ? 2 : 1),
  STRIDED_SLICE: (n, t, rank) => (n.attrs.offset ? 8 : n.attrs.ellipsisMask || n.attrs.newAxisMask ? 6 : t(0) === 'string' ? 5 : rank(0) > 4 ? 4 : t(0) === 'bool' ? 3 : int8(t(0)) ? 2 : 1),
  UNPACK: (_n, t) => (t(0) === 'bool' ? 3 : int8(t(0)) || t(0) === 'u8' ? 2 : 1),
  PACK: (_n, t) => (t(0) === 'u32' ? 4 : int8(t(0)) ? 2 : 1),
  SIGN: (_n, t) => (t(0) === 'i32' ? 2 : 1),
  ABS: (_n, t) => (t(0) === 'i32' ? 5 : 1),
  REVERSE_V2: (_n, t) => (int8(t(0)) ? 3 : t(0) === 'bool' ? 2 : 1),
  RESIZE_BILINEAR: (n) => (n.attrs.halfPixelCenters ? 3 : 1),
  RESIZE_NEAREST_NEIGHBOR: (n) => (n.attrs.halfPixelCenters || n.attrs.alignCorners ? 3 : 1),
  TILE: (_n, t) => (t(0) === 'string' ? 2 : 1),
  SQUEEZE: (_n, t) => (t(0) === 'string' ? 2 : 1),
  SPACE_TO_BATCH_ND: (_n, _t, rank) => (rank(0) !== 4 ? 3 : 1),
  BATCH_TO_SPACE_ND: (_n, _t, rank) => (rank(0) !== 4 ? 3 : 1),
  EQUAL: (_n, t) => (t(0) === 'string' ? 3 : 1),
  NOT_EQUAL: (_n, t) => (t(0) === 'string' ? 3 : 1),
  FILL: (n, t) => (t(1) === 'f16' ? 4 : t(1) === 'bool' || t(1) === 'string' ? 2 : 1),
  RANGE: (_n, t) => (t(0) === 'i64' ? 2 : 1),
  PAD: (_n, _t, rank) => (rank(0) > 4 ? 4 : 1),
  PADV2: (_n, _t, rank) => (rank(0) > 4 ? 4 : 1),
  SELECT: (_n, _t, rank) => (rank(0) === 5 || rank(1) === 5 || rank(2) === 5 ? 3 : 1),
  ARG_MAX: (_n, t) => (t(0) === 'bool' ? 3 : 1),
  ARG_MIN: (_n, t) => (t(0) === 'bool' ? 3 : 1),
  BROADCAST_TO: () => 2,
  CAST: (n, t) => {
    const o = n.outputs[0]?.dtype;
    const has = (d: DType) => t(0) === d || o === d;
    return has('bf16') ? 7 : has('f64') || has('f16') ? 5 : has('u16') ? 4 : has('i8') ? 3 : has('u32') ? 2 : 1;
  },
  WHERE: (_n, t) => (t(0) === 'bool' ? 1 : 2),
  FAKE_QUANT: (n) => (n.attrs.narrowRange ? 2 : 1),
  CONCATENATION: (_n, t) => (t(0) === 'u32' ? 4 : int8(t(0)) ? 2 : 1),
  SOFTMAX: bySmallTypes(2, 3), MEAN: bySmallTypes(2, 3), RELU6: bySmallTypes(2, 3), RSQRT: bySmallTypes(2, 3),
  REDUCE_MAX: bySmallTypes(2, 3), REDUCE_MIN: bySmallTypes(2, 3),
};

/** The minimal version of one tfl node. */
export function opVersion(node: Node): number {
  const rule = RULES[node.op.slice(4)];
  if (!rule) return 1;
  const t = (i: number) => node.inputs[i]?.dtype;
  const rank = (i: number) => node.inputs[i]?.shape?.length ?? 0;
  return rule(node, t, rank);
}

/** Sets `version` on every tfl node of the model. */
export function assignOpVersions(model: Model): void {
  for (const g of model.graphs) for (const n of g.nodes) if (n.op.startsWith('tfl.')) n.version = opVersion(n);
}
