// Shape manipulation: Reshape, Squeeze, ExpandDims, Concat*, Split*, Slice, StridedSlice, Gather*,
// ScatterNd, Pad*, Tile, BroadcastTo, Transpose, Pack/Unpack, space/depth/batch moves, resize.
import { bool, enumOf, int, ints } from '../attrs';
import type { InferArgs } from '../define';
import { invalidAttr, shapeMismatch, typeMismatch } from '../errors';
import { permute, reshapeShape } from '../infer/reshape';
import { stridedSliceShape } from '../infer/stridedSlice';
import { attrInt, attrInts, attrStr, constInts, constScalar, input, normAxis, unknownDims, vectorLength, vt } from '../infer/util';
import { concatShape, packShape, splitEven, splitSizes, unpackTypes } from '../infer/join';
import { padShape } from '../infer/pad';
import { gatherNdShape, gatherShape, sliceShape } from '../infer/slice';
import { batchToSpaceShape, depthToSpaceShape, resizeShape, spaceToBatchShape, spaceToDepthShape } from '../infer/space';
import { TILE, BROADCAST_TO } from '../tfl/broadcast';
import { dataFormat, T, tfOp } from './op';

export const Reshape = tfOp('Reshape', {
  category: 'shape', inputs: ['tensor', 'shape'], attrs: { T, Tshape: T },
  doc: 'New shape from the constant `shape` operand; one -1 is inferred (symbolically when possible).',
  infer(a) {
    const x = input(a, 0, 'tensor');
    const target = constInts(a, 1);
    return [vt(x.dtype, target ? reshapeShape(x.shape, target) : unknownDims(vectorLength(a.inputs[1])))];
  },
});

export const Squeeze = tfOp('Squeeze', {
  category: 'shape', inputs: ['input'], attrs: { T, squeeze_dims: ints([]) },
  doc: 'Removes the size-1 dims in squeeze_dims (all size-1 dims when empty).',
  infer(a) {
    const x = input(a, 0, 'input');
    const dims = attrInts(a, 'squeeze_dims') ?? [];
    if (!x.shape) return [vt(x.dtype, undefined)];
    if (dims.length === 0) return [vt(x.dtype, x.shape.some((d) => typeof d !== 'number' || d < 0) ? undefined : x.shape.filter((d) => d !== 1))];
    const drop = new Set(dims.map((d) => normAxis(d, x.shape!.length, 'squeeze_dims entry')));
    for (const i of drop) {
      const d = x.shape[i]!;
      if (typeof d === 'number' && d >= 0 && d !== 1) shapeMismatch(`cannot squeeze dim ${i} of size ${d}`);
    }
    return [vt(x.dtype, x.shape.filter((_, i) => !drop.has(i)))];
  },
});

export const ExpandDims = tfOp('ExpandDims', {
  category: 'shape', inputs: ['input', 'dim'], attrs: { T, Tdim: T },
  doc: 'Inserts a size-1 dim at the constant `dim`.',
  infer(a) {
    const x = input(a, 0, 'input');
    if (!x.shape) return [vt(x.dtype, undefined)];
    const axis = constScalar(a, 1);
    if (axis === undefined) return [vt(x.dtype, unknownDims(x.shape.length + 1))];
    const at = normAxis(axis, x.shape.length, 'dim', 1);
    return [vt(x.dtype, [...x.shape.slice(0, at), 1, ...x.shape.slice(at)])];
  },
});

function inferConcat(a: InferArgs, axisFirst: boolean) {
  const n = a.inputs.length - 1;
  const vals = Array.from({ length: n }, (_, i) => input(a, axisFirst ? i + 1 : i, `values[${i}]`));
  for (const v of vals) if (v.dtype !== vals[0]!.dtype) typeMismatch(`values mix ${vals.map((t) => t.dtype).join(', ')}`);
  const axis = constScalar(a, axisFirst ? 0 : n);
  if (axis === undefined) {
    const r = vals.find((v) => v.shape)?.shape;
    return [vt(vals[0]!.dtype, r ? r.map(() => -1) : undefined)];
  }
  return [vt(vals[0]!.dtype, concatShape(vals, axis))];
}
export const ConcatV2 = tfOp('ConcatV2', {
  category: 'shape', inputs: ['values*', 'axis'], attrs: { N: int(), T, Tidx: T },
  doc: 'Joins N values along the constant `axis` (last operand).', infer: (a) => inferConcat(a, false),
});
export const Concat = tfOp('Concat', {
  category: 'shape', inputs: ['concat_dim', 'values*'], attrs: { N: int(), T },
  doc: 'Joins N values along the constant concat_dim (first operand).', infer: (a) => inferConcat(a, true),
});

export const Split = tfOp('Split', {
  category: 'shape', inputs: ['split_dim', 'value'], outputs: ['output*'], attrs: { T, num_split: int() },
  doc: 'num_split equal parts along the constant split_dim.',
  infer: (a) => splitEven(input(a, 1, 'value'), constScalar(a, 0), attrInt(a, 'num_split') || a.numOutputs),
});
export const SplitV = tfOp('SplitV', {
  category: 'shape', inputs: ['value', 'size_splits', 'split_dim'], outputs: ['output*'], attrs: { T, Tlen: T, num_split: int() },
  doc: 'Parts of the constant size_splits (one -1 takes the rest) along split_dim.',
  infer: (a) => splitSizes(input(a, 0, 'value'), constInts(a, 1), constScalar(a, 2), attrInt(a, 'num_split') || a.numOutputs),
});

export const Slice = tfOp('Slice', {
  category: 'shape', inputs: ['input', 'begin', 'size'], attrs: { T, Index: T },
  doc: 'input[begin : begin + size]; size -1 takes the rest.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, sliceShape(x, constInts(a, 1), constInts(a, 2), vectorLength(a.inputs[2])))];
  },
});

export const StridedSlice = tfOp('StridedSlice', {
  category: 'shape', inputs: ['input', 'begin', 'end', 'strides'],
  attrs: { T, Index: T, begin_mask: int(), end_mask: int(), ellipsis_mask: int(), new_axis_mask: int(), shrink_axis_mask: int() },
  doc: 'NumPy-style slicing with begin/end/ellipsis/new-axis/shrink-axis masks.',
  infer(a) {
    const x = input(a, 0, 'input');
    const [begin, end, strides] = [constInts(a, 1), constInts(a, 2), constInts(a, 3)];
    const length = begin?.length ?? end?.length ?? strides?.length ?? vectorLength(a.inputs[1]);
    if (!x.shape || length === undefined) return [vt(x.dtype, undefined)];
    return [vt(x.dtype, stridedSliceShape(x.shape, {
      begin, end, strides, length,
      beginMask: attrInt(a, 'begin_mask'), endMask: attrInt(a, 'end_mask'), ellipsisMask: attrInt(a, 'ellipsis_mask'),
      newAxisMask: attrInt(a, 'new_axis_mask'), shrinkAxisMask: attrInt(a, 'shrink_axis_mask'),
    }))];
  },
});

export const Gather = tfOp('Gather', {
  category: 'shape', inputs: ['params', 'indices'], attrs: { Tparams: T, Tindices: T, validate_indices: bool(true) },
  doc: 'Rows of params at indices (axis 0).',
  infer: (a) => [vt(input(a, 0, 'params').dtype, gatherShape(input(a, 0), input(a, 1, 'indices'), 0, 0))],
});
export const GatherV2 = tfOp('GatherV2', {
  category: 'shape', inputs: ['params', 'indices', 'axis'], attrs: { Tparams: T, Tindices: T, Taxis: T, batch_dims: int() },
  doc: 'Slices of params along the constant `axis` at indices; batch_dims leading dims are shared.',
  infer(a) {
    const p = input(a, 0, 'params');
    const idx = input(a, 1, 'indices');
    const axis = constScalar(a, 2);
    if (axis === undefined) return [vt(p.dtype, undefined)];
    return [vt(p.dtype, gatherShape(p, idx, axis, attrInt(a, 'batch_dims')))];
  },
});
export const GatherNd = tfOp('GatherNd', {
  category: 'shape', inputs: ['params', 'indices'], attrs: { Tparams: T, Tindices: T },
  doc: 'Slices of params addressed by the last dim of indices.',
  infer: (a) => [vt(input(a, 0, 'params').dtype, gatherNdShape(input(a, 0), input(a, 1, 'indices')))],
});
export const ScatterNd = tfOp('ScatterNd', {
  category: 'shape', inputs: ['indices', 'updates', 'shape'], attrs: { T, Tindices: T },
  doc: 'Zeros of the constant `shape` with updates added at indices.',
  infer: (a) => [vt(input(a, 1, 'updates').dtype, constInts(a, 2) ?? unknownDims(vectorLength(a.inputs[2])))],
});

const padInfer = (a: InferArgs, mirror?: boolean) => {
  const x = input(a, 0, 'input');
  const reflect = attrStr(a, 'mode', 'REFLECT') !== 'SYMMETRIC';
  return [vt(x.dtype, padShape(x, constInts(a, 1), mirror ? (d) => (reflect ? d - 1 : d) : undefined))];
};
export const Pad = tfOp('Pad', {
  category: 'shape', inputs: ['input', 'paddings'], attrs: { T, Tpaddings: T },
  doc: 'Zero padding by the constant [rank, 2] paddings.', infer: (a) => padInfer(a),
});
export const PadV2 = tfOp('PadV2', {
  category: 'shape', inputs: ['input', 'paddings', 'constant_values'], attrs: { T, Tpaddings: T },
  doc: 'Padding with the scalar constant_values.', infer: (a) => padInfer(a),
});
export const MirrorPad = tfOp('MirrorPad', {
  category: 'shape', inputs: ['input', 'paddings'], attrs: { T, Tpaddings: T, mode: enumOf(['REFLECT', 'SYMMETRIC'], 'REFLECT') },
  doc: 'Mirrored padding (REFLECT excludes the border, SYMMETRIC repeats it).', infer: (a) => padInfer(a, true),
});

export const Tile = tfOp('Tile', {
  category: 'shape', inputs: ['input', 'multiples'], attrs: { T, Tmultiples: T },
  doc: 'Repeats the input multiples[i] times along dim i.', infer: (a) => TILE.infer!(a),
});
export const BroadcastTo = tfOp('BroadcastTo', {
  category: 'shape', inputs: ['input', 'shape'], attrs: { T, Tidx: T },
  doc: 'Broadcasts the input to the constant `shape`.', infer: (a) => BROADCAST_TO.infer!(a),
});
export const Transpose = tfOp('Transpose', {
  category: 'shape', inputs: ['x', 'perm'], attrs: { T, Tperm: T },
  doc: 'Output dim i is input dim perm[i] (constant perm).',
  infer(a) {
    const x = input(a, 0, 'x');
    const perm = constInts(a, 1);
    if (!x.shape) return [vt(x.dtype, perm ? unknownDims(perm.length) : undefined)];
    return [vt(x.dtype, perm ? permute(x.shape, perm) : unknownDims(x.shape.length))];
  },
});

export const Pack = tfOp('Pack', {
  category: 'shape', inputs: ['values*'], attrs: { N: int(), T, axis: int() },
  doc: 'Stacks N same-shape values along a new dim at axis.',
  infer(a) {
    const vals = a.inputs.map((_, i) => input(a, i, `values[${i}]`));
    return [vt(vals[0]!.dtype, packShape(vals, attrInt(a, 'axis')))];
  },
});
export const Unpack = tfOp('Unpack', {
  category: 'shape', inputs: ['value'], outputs: ['output*'], attrs: { num: int(), T, axis: int() },
  doc: 'Splits along axis into num tensors without that dim.',
  infer: (a) => unpackTypes(input(a, 0, 'value'), attrInt(a, 'axis'), attrInt(a, 'num') || a.numOutputs),
});

export const SpaceToBatchND = tfOp('SpaceToBatchND', {
  category: 'shape', inputs: ['input', 'block_shape', 'paddings'], attrs: { T, Tblock_shape: T, Tpaddings: T },
  doc: 'Pads spatial dims and moves block_shape blocks into the batch.',
  infer: (a) => [vt(input(a, 0, 'input').dtype, spaceToBatchShape(input(a, 0), constInts(a, 1), constInts(a, 2)))],
});
export const BatchToSpaceND = tfOp('BatchToSpaceND', {
  category: 'shape', inputs: ['input', 'block_shape', 'crops'], attrs: { T, Tblock_shape: T, Tcrops: T },
  doc: 'Moves batch blocks back into spatial dims and crops.',
  infer: (a) => [vt(input(a, 0, 'input').dtype, batchToSpaceShape(input(a, 0), constInts(a, 1), constInts(a, 2)))],
});

/** NCHW ↔ NHWC view for the depth/space ops. */
function nhwc(a: InferArgs, f: (x: ReturnType<typeof input>, b: number) => ReturnType<typeof spaceToDepthShape>) {
  const x = input(a, 0, 'input');
  const b = attrInt(a, 'block_size');
  if (b < 2) invalidAttr(`block_size must be >= 2, got ${b}`);
  if (attrStr(a, 'data_format', 'NHWC') !== 'NCHW') return [vt(x.dtype, f(x, b))];
  const s = x.shape;
  const out = f(vt(x.dtype, s ? [s[0]!, s[2]!, s[3]!, s[1]!] : undefined), b);
  return [vt(x.dtype, [out[0]!, out[3]!, out[1]!, out[2]!])];
}
export const SpaceToDepth = tfOp('SpaceToDepth', {
  category: 'shape', inputs: ['input'], attrs: { T, block_size: int(), data_format: dataFormat('NHWC', ['NHWC', 'NCHW', 'NCHW_VECT_C']) },
  doc: 'Moves block_size² spatial blocks into channels.', infer: (a) => nhwc(a, spaceToDepthShape),
});
export const DepthToSpace = tfOp('DepthToSpace', {
  category: 'shape', inputs: ['input'], attrs: { T, block_size: int(), data_format: dataFormat('NHWC', ['NHWC', 'NCHW', 'NCHW_VECT_C']) },
  doc: 'Moves channels into block_size² spatial blocks.', infer: (a) => nhwc(a, depthToSpaceShape),
});

const resize = (name: string, doc: string) =>
  tfOp(name, {
    category: 'image', inputs: ['images', 'size'], attrs: { T, align_corners: bool(), half_pixel_centers: bool() },
    doc: `${doc} of NHWC images to the constant [height, width] size.`,
    infer: (a) => [vt(name === 'ResizeBilinear' ? 'f32' : input(a, 0, 'images').dtype, resizeShape(input(a, 0, 'images'), constInts(a, 1)))],
  });
export const ResizeBilinear = resize('ResizeBilinear', 'Bilinear resize (float32 output)');
export const ResizeNearestNeighbor = resize('ResizeNearestNeighbor', 'Nearest-neighbour resize');

export const Cumsum = tfOp('Cumsum', {
  category: 'elementwise', inputs: ['x', 'axis'], attrs: { T, Tidx: T, exclusive: bool(), reverse: bool() },
  doc: 'Cumulative sum along the constant axis.', infer: (a) => [vt(input(a, 0, 'x').dtype, input(a, 0).shape)],
});
export const ReverseV2 = tfOp('ReverseV2', {
  category: 'shape', inputs: ['tensor', 'axis'], attrs: { T, Tidx: T },
  doc: 'Reverses the given axes.', infer: (a) => [vt(input(a, 0, 'tensor').dtype, input(a, 0).shape)],
});
