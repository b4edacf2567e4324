// Shape manipulation, data movement, creation ops, selection and detection.
import type { Value } from '@liteml/graph-ir';
import { rule, rules, tensorTypeName, type LegalizeBuilder, type LegalizeRule, type TfNode } from './rule';

/** A scalar/1-element constant axis as a number. */
function axisOf(b: LegalizeBuilder, v: Value, what = 'axis'): number {
  const vals = b.constValues(v, what);
  if (vals.length !== 1) b.fail(`${what} must be a single value, got [${vals.join(', ')}]`);
  return vals[0]!;
}

const concat = (valuesFrom: number, axisAt: 'first' | 'last') => (n: TfNode, b: LegalizeBuilder): Value => {
  const all = n.inputs;
  const axisV = axisAt === 'first' ? all[0]! : all[all.length - 1]!;
  const values = axisAt === 'first' ? all.slice(1) : all.slice(valuesFrom, all.length - 1);
  if (values.length === 1) return values[0]!;
  return b.op('tfl.CONCATENATION', values, { axis: axisOf(b, axisV), fusedActivationFunction: 'NONE' });
};

function nms(v5: boolean) {
  return (n: TfNode, b: LegalizeBuilder): Value[] => {
    const inputs = [0, 1, 2, 3, 4].map((i) => n.input(i));
    inputs[2] = b.toI32(inputs[2]!);
    if (v5) inputs.push(n.input(5));
    const outs = b.ops(v5 ? 'tfl.NON_MAX_SUPPRESSION_V5' : 'tfl.NON_MAX_SUPPRESSION_V4', inputs, {}, { numOutputs: v5 ? 3 : 2 });
    if (n.attr('pad_to_max_output_size', false)) return outs;
    // TF without padding returns only the valid entries: slice them off
    const valid = outs[outs.length - 1]!;
    const size = b.reshape(valid, [1]);
    const cut = (v: Value) => b.op('tfl.SLICE', [v, b.i32([0]), size]);
    return v5 ? [cut(outs[0]!), cut(outs[1]!), valid] : [cut(outs[0]!), valid];
  };
}

export const shapeRules: LegalizeRule[] = [
  rule('Reshape', (n, b) => b.reshape(n.input(0), n.input(1))),
  rule('Squeeze', (n, b) => b.op('tfl.SQUEEZE', [n.input(0)], { squeezeDims: n.attr('squeeze_dims', []) })),
  rule('ExpandDims', (n, b) => b.op('tfl.EXPAND_DIMS', [n.input(0), b.toI32(n.input(1))])),
  rule('Slice', (n, b) => b.op('tfl.SLICE', [n.input(0), b.toI32(n.input(1)), b.toI32(n.input(2))])),
  rule('StridedSlice', (n, b) => b.op('tfl.STRIDED_SLICE', [n.input(0), b.toI32(n.input(1)), b.toI32(n.input(2)), b.toI32(n.input(3))], {
    beginMask: n.attr('begin_mask', 0), endMask: n.attr('end_mask', 0), ellipsisMask: n.attr('ellipsis_mask', 0),
    newAxisMask: n.attr('new_axis_mask', 0), shrinkAxisMask: n.attr('shrink_axis_mask', 0),
  })),
  rule('ConcatV2', concat(0, 'last')),
  rule('Concat', concat(1, 'first')),
  rule('Pad', (n, b) => b.op('tfl.PAD', [n.input(0), b.toI32(n.input(1))])),
  rule('PadV2', (n, b) => b.op('tfl.PADV2', [n.input(0), b.toI32(n.input(1)), n.input(2)])),
  rule('MirrorPad', (n, b) => b.op('tfl.MIRROR_PAD', [n.input(0), b.toI32(n.input(1))], { mode: n.attr('mode', 'REFLECT') })),
  rule('GatherV2', (n, b) => b.op('tfl.GATHER', [n.input(0), n.input(1)], { axis: axisOf(b, n.input(2)), batchDims: n.attr('batch_dims', 0) })),
  rule('Gather', (n, b) => b.op('tfl.GATHER', [n.input(0), n.input(1)], { axis: 0, batchDims: 0 })),
  rule('GatherNd', (n, b) => b.op('tfl.GATHER_ND', [n.input(0), n.input(1)])),
  rule('ScatterNd', (n, b) => b.op('tfl.SCATTER_ND', [n.input(0), n.input(1), b.toI32(n.input(2))])),
  rule('Transpose', (n, b) => b.op('tfl.TRANSPOSE', [n.input(0), b.toI32(n.input(1))])),
  rule('Tile', (n, b) => b.op('tfl.TILE', [n.input(0), b.toI32(n.input(1))])),
  rule('BroadcastTo', (n, b) => b.op('tfl.BROADCAST_TO', [n.input(0), b.toI32(n.input(1))])),
  rule('Split', (n, b) => {
    const num = n.attr('num_split', 1);
    if (num === 1) return [n.input(1)];
    return b.ops('tfl.SPLIT', [b.toI32(n.input(0)), n.input(1)], { numSplits: num }, { numOutputs: num });
  }),
  rule('SplitV', (n, b) => {
    const num = n.attr('num_split', 1);
    if (num === 1) return [n.input(0)];
    return b.ops('tfl.SPLIT_V', [n.input(0), b.toI32(n.input(1)), b.toI32(n.input(2))], { numSplits: num }, { numOutputs: num });
  }),
  rule('Pack', (n, b) => b.op('tfl.PACK', n.inputs, { valuesCount: n.inputs.length, axis: n.attr('axis', 0) })),
  rule('Unpack', (n, b) => {
    const num = n.attr('num', n.node.outputs.length);
    return b.ops('tfl.UNPACK', [n.input(0)], { num, axis: n.attr('axis', 0) }, { numOutputs: num });
  }),
  rule('Shape', (n, b) => b.op('tfl.SHAPE', [n.input(0)], { outType: tensorTypeName(n.attr('out_type', 'i32')) })),
  rule('Size', (n, b) => {
    const out = n.attr('out_type', 'i32');
    const shape = b.op('tfl.SHAPE', [n.input(0)], { outType: tensorTypeName(out) });
    return b.op('tfl.REDUCE_PROD', [shape, b.i32([0])], { keepDims: false });
  }),
  rule('Rank', (n, b) => b.op('tfl.RANK', [n.input(0)])),
  rule('Fill', (n, b) => b.op('tfl.FILL', [b.toI32(n.input(0)), n.input(1)])),
  rule('Range', (n, b) => b.op('tfl.RANGE', [n.input(0), n.input(1), n.input(2)])),
  rule('Where', (n, b) => b.op('tfl.WHERE', [n.input(0)])),
  rule('Select', (n, b) => b.op('tfl.SELECT', [n.input(0), n.input(1), n.input(2)])),
  rule('SelectV2', (n, b) => b.op('tfl.SELECT_V2', [n.input(0), n.input(1), n.input(2)])),
  rule('OneHot', (n, b) => b.op('tfl.ONE_HOT', [n.input(0), b.toI32(n.input(1)), n.input(2), n.input(3)], { axis: n.attr('axis', -1) })),
  rule('ReverseV2', (n, b) => b.op('tfl.REVERSE_V2', [n.input(0), b.toI32(n.input(1))])),
  rule('SpaceToDepth', (n, b) => b.op('tfl.SPACE_TO_DEPTH', [n.input(0)], { blockSize: n.attr('block_size', 2) })),
  rule('DepthToSpace', (n, b) => b.op('tfl.DEPTH_TO_SPACE', [n.input(0)], { blockSize: n.attr('block_size', 2) })),
  rule('SpaceToBatchND', (n, b) => b.op('tfl.SPACE_TO_BATCH_ND', [n.input(0), b.toI32(n.input(1)), b.toI32(n.input(2))])),
  rule('BatchToSpaceND', (n, b) => b.op('tfl.BATCH_TO_SPACE_ND', [n.input(0), b.toI32(n.input(1)), b.toI32(n.input(2))])),
  ...(['ResizeBilinear', 'ResizeNearestNeighbor'] as const).map((tf) => rule(tf, (n, b) =>
    b.op(tf === 'ResizeBilinear' ? 'tfl.RESIZE_BILINEAR' : 'tfl.RESIZE_NEAREST_NEIGHBOR', [n.input(0), b.toI32(n.input(1))], {
      alignCorners: n.attr('align_corners', false), halfPixelCenters: n.attr('half_pixel_centers', false),
    }))),
  rule('TopKV2', (n, b) => b.ops('tfl.TOPK_V2', [n.input(0), b.toI32(n.input(1))], {}, { numOutputs: 2 })),
  rule('NonMaxSuppressionV4', nms(false)),
  rule('NonMaxSuppressionV5', nms(true)),
  // TFLite seeds Philox 4x32-10 with (seed, seed2) exactly as TF does: same numbers as TF's kernels
  ...rules(['RandomUniform', 'RandomStandardNormal'], (n, b) => b.op(n.op.endsWith('RandomUniform') ? 'tfl.RANDOM_UNIFORM' : 'tfl.RANDOM_STANDARD_NORMAL',
    [b.toI32(n.input(0))], { seed: n.attr('seed', 0), seed2: n.attr('seed2', 0) })),
];

/** Ops that only forward their input(s) in inference graphs. */
export const identityRules: LegalizeRule[] = [
  ...rules(['Identity', 'StopGradient', 'Snapshot', 'PreventGradient', 'EnsureShape', 'CheckNumerics', 'PlaceholderWithDefault'], (n) => [n.input(0)]),
  rule('IdentityN', (n) => n.inputs),
];
