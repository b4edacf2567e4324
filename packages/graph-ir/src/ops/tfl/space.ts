// Moving data between spatial, depth and batch dims (NHWC): SPACE_TO_DEPTH, DEPTH_TO_SPACE,
// SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND; and image resizing.
import { bool, int } from '../attrs';
import { attrInt, constInts, expectRank, input, vt } from '../infer/util';
import { batchToSpaceShape, depthToSpaceShape, resizeShape, spaceToBatchShape, spaceToDepthShape } from '../infer/space';
import { tflOp } from './op';

export const SPACE_TO_DEPTH = tflOp('SPACE_TO_DEPTH', {
  category: 'shape',
  inputs: ['input'],
  optionsTable: 'SpaceToDepthOptions',
  attrs: { blockSize: int() },
  doc: 'Moves blockSize x blockSize spatial blocks into channels.',
  infer(a) {
    const x = input(a, 0, 'input');
    expectRank(x, 4, 'input');
    return [vt(x.dtype, spaceToDepthShape(x, attrInt(a, 'blockSize')))];
  },
});

export const DEPTH_TO_SPACE = tflOp('DEPTH_TO_SPACE', {
  category: 'shape',
  inputs: ['input'],
  optionsTable: 'DepthToSpaceOptions',
  attrs: { blockSize: int() },
  doc: 'Moves channels into blockSize x blockSize spatial blocks.',
  infer(a) {
    const x = input(a, 0, 'input');
    expectRank(x, 4, 'input');
    return [vt(x.dtype, depthToSpaceShape(x, attrInt(a, 'blockSize')))];
  },
});

export const SPACE_TO_BATCH_ND = tflOp('SPACE_TO_BATCH_ND', {
  category: 'shape',
  inputs: ['input', 'blockShape', 'paddings'],
  optionsTable: 'SpaceToBatchNDOptions',
  doc: 'Pads the spatial dims, then moves blockShape blocks of them into the batch dim.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, spaceToBatchShape(x, constInts(a, 1), constInts(a, 2)))];
  },
});

export const BATCH_TO_SPACE_ND = tflOp('BATCH_TO_SPACE_ND', {
  category: 'shape',
  inputs: ['input', 'blockShape', 'crops'],
  optionsTable: 'BatchToSpaceNDOptions',
  doc: 'Moves blocks of the batch dim back into the spatial dims, then crops them.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, batchToSpaceShape(x, constInts(a, 1), constInts(a, 2)))];
  },
});

export const RESIZE_BILINEAR = tflOp('RESIZE_BILINEAR', {
  category: 'image',
  inputs: ['input', 'size'],
  optionsTable: 'ResizeBilinearOptions',
  attrs: { alignCorners: bool(), halfPixelCenters: bool() },
  doc: 'Bilinear resize of NHWC images to the constant [height, width] `size`.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, resizeShape(x, constInts(a, 1)))];
  },
});

export const RESIZE_NEAREST_NEIGHBOR = tflOp('RESIZE_NEAREST_NEIGHBOR', {
  category: 'image',
  inputs: ['input', 'size'],
  optionsTable: 'ResizeNearestNeighborOptions',
  attrs: { alignCorners: bool(), halfPixelCenters: bool() },
  doc: 'Nearest-neighbour resize of NHWC images to the constant [height, width] `size`.',
  infer(a) {
    const x = input(a, 0, 'input');
    return [vt(x.dtype, resizeShape(x, constInts(a, 1)))];
  },
});
