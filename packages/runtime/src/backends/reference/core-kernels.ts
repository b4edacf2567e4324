// Data movement, control flow, variables, resize and the default custom ops.
import type { KernelConfig } from '../../kernel';
import { assignVariable } from './kernels/AssignVariable';
import { batchToSpaceNd } from './kernels/BatchToSpaceNd';
import { broadcastTo } from './kernels/BroadcastTo';
import { callOnce } from './kernels/CallOnce';
import { cast } from './kernels/Cast';
import { concatenation } from './kernels/Concatenation';
import { depthToSpace } from './kernels/DepthToSpace';
import { detectionPostProcess } from './kernels/DetectionPostProcess';
import { dynamicUpdateSlice } from './kernels/DynamicUpdateSlice';
import { embeddingLookup } from './kernels/EmbeddingLookup';
import { expandDims } from './kernels/ExpandDims';
import { fill } from './kernels/Fill';
import { gather } from './kernels/Gather';
import { gatherNd } from './kernels/GatherNd';
import { ifKernel } from './kernels/If';
import { mirrorPad } from './kernels/MirrorPad';
import { nonMaxSuppressionV4 } from './kernels/NonMaxSuppressionV4';
import { nonMaxSuppressionV5 } from './kernels/NonMaxSuppressionV5';
import { oneHot } from './kernels/OneHot';
import { onesLike } from './kernels/OnesLike';
import { pack } from './kernels/Pack';
import { pad, padV2 } from './kernels/Pad';
import { range } from './kernels/Range';
import { rank } from './kernels/Rank';
import { readVariableKernel } from './kernels/ReadVariable';
import { reshape } from './kernels/Reshape';
import { resizeBilinear } from './kernels/ResizeBilinear';
import { resizeNearestNeighbor } from './kernels/ResizeNearestNeighbor';
import { reverseV2 } from './kernels/ReverseV2';
import { scatterNd } from './kernels/ScatterNd';
import { segmentSum } from './kernels/SegmentSum';
import { shape } from './kernels/Shape';
import { slice } from './kernels/Slice';
import { spaceToBatchNd } from './kernels/SpaceToBatchNd';
import { spaceToDepth } from './kernels/SpaceToDepth';
import { split } from './kernels/Split';
import { splitV } from './kernels/SplitV';
import { squeeze } from './kernels/Squeeze';
import { stablehloComposite } from './kernels/StablehloComposite';
import { stridedSlice } from './kernels/StridedSlice';
import { tile } from './kernels/Tile';
import { transpose } from './kernels/Transpose';
import { unpack } from './kernels/Unpack';
import { varHandle } from './kernels/VarHandle';
import { whileKernel } from './kernels/While';
import { randomStandardNormal } from './kernels/RandomStandardNormal';
import { randomUniform } from './kernels/RandomUniform';
import { where } from './kernels/Where';
import { zerosLike } from './kernels/ZerosLike';
import { broadcastArgs } from './kernels/BroadcastArgs';
import { matrixDiag } from './kernels/MatrixDiag';
import { matrixSetDiag } from './kernels/MatrixSetDiag';
import { reverseSequence } from './kernels/ReverseSequence';
import { sparseToDense } from './kernels/SparseToDense';
import { unique } from './kernels/Unique';
import { unsortedSegmentMax, unsortedSegmentMin, unsortedSegmentProd, unsortedSegmentSum } from './kernels/UnsortedSegment';

export const coreKernels: KernelConfig[] = [
  // shape and data movement
  reshape, squeeze, expandDims, concatenation, split, splitV, slice, stridedSlice, gather, gatherNd, scatterNd,
  transpose, pad, padV2, mirrorPad, tile, broadcastTo, pack, unpack, shape, rank, fill, range, where, cast,
  reverseV2, spaceToDepth, depthToSpace, spaceToBatchNd, batchToSpaceNd, zerosLike, onesLike, embeddingLookup,
  dynamicUpdateSlice, oneHot, segmentSum, unsortedSegmentSum, unsortedSegmentProd, unsortedSegmentMax,
  unsortedSegmentMin, reverseSequence, matrixDiag, matrixSetDiag, sparseToDense, broadcastArgs, unique,
  // resize
  resizeBilinear, resizeNearestNeighbor,
  // variables and control flow
  varHandle, readVariableKernel, assignVariable, whileKernel, ifKernel, callOnce, stablehloComposite,
  // detection
  nonMaxSuppressionV4, nonMaxSuppressionV5, detectionPostProcess,
  // random numbers (Philox 4x32-10, TFLite's seeding)
  randomUniform, randomStandardNormal,
];
