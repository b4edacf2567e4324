// Every WebGPU kernel, looked up by op.
import type { GpuKernel } from '../kernel';
import { abs } from './Abs';
import { add } from './Add';
import { atan2 } from './Atan2';
import { averagePool2d } from './AveragePool2D';
import { batchMatmul } from './BatchMatmul';
import { batchToSpaceNd } from './BatchToSpaceNd';
import { broadcastTo } from './BroadcastTo';
import { cast } from './Cast';
import { ceil } from './Ceil';
import { concatenation } from './Concatenation';
import { conv2d } from './Conv2D';
import { cos } from './Cos';
import { depthToSpace } from './DepthToSpace';
import { depthwiseConv2d } from './DepthwiseConv2D';
import { div } from './Div';
import { dynamicUpdateSlice } from './DynamicUpdateSlice';
import { elu } from './Elu';
import { embeddingLookup } from './EmbeddingLookup';
import { equal } from './Equal';
import { exp } from './Exp';
import { expandDims } from './ExpandDims';
import { floor } from './Floor';
import { fullyConnected } from './FullyConnected';
import { gather } from './Gather';
import { gatherNd } from './GatherNd';
import { gelu } from './Gelu';
import { greater } from './Greater';
import { greaterEqual } from './GreaterEqual';
import { hardSwish } from './HardSwish';
import { l2Normalization } from './L2Normalization';
import { l2Pool2d } from './L2Pool2D';
import { leakyRelu } from './LeakyRelu';
import { less } from './Less';
import { lessEqual } from './LessEqual';
import { log } from './Log';
import { logSoftmax } from './LogSoftmax';
import { logicalAnd } from './LogicalAnd';
import { logicalNot } from './LogicalNot';
import { logicalOr } from './LogicalOr';
import { logistic } from './Logistic';
import { maxPool2d } from './MaxPool2D';
import { maximum } from './Maximum';
import { mean } from './Mean';
import { minimum } from './Minimum';
import { mirrorPad } from './MirrorPad';
import { mul } from './Mul';
import { neg } from './Neg';
import { notEqual } from './NotEqual';
import { pack } from './Pack';
import { pad } from './Pad';
import { padV2 } from './PadV2';
import { pow } from './Pow';
import { prelu } from './Prelu';
import { reduceMax } from './ReduceMax';
import { reduceMin } from './ReduceMin';
import { reduceProd } from './ReduceProd';
import { relu } from './Relu';
import { relu0To1 } from './Relu0To1';
import { relu6 } from './Relu6';
import { reluN1To1 } from './ReluN1To1';
import { reshape } from './Reshape';
import { resizeBilinear } from './ResizeBilinear';
import { resizeNearestNeighbor } from './ResizeNearestNeighbor';
import { round } from './Round';
import { rsqrt } from './Rsqrt';
import { scatterNd } from './ScatterNd';
import { select } from './Select';
import { selectV2 } from './SelectV2';
import { sign } from './Sign';
import { sin } from './Sin';
import { slice } from './Slice';
import { softmax } from './Softmax';
import { spaceToBatchNd } from './SpaceToBatchNd';
import { spaceToDepth } from './SpaceToDepth';
import { split } from './Split';
import { splitV } from './SplitV';
import { sqrt } from './Sqrt';
import { square } from './Square';
import { squaredDifference } from './SquaredDifference';
import { squeeze } from './Squeeze';
import { stridedSlice } from './StridedSlice';
import { sub } from './Sub';
import { sum } from './Sum';
import { tanh } from './Tanh';
import { tile } from './Tile';
import { transpose } from './Transpose';
import { transposeConv } from './TransposeConv';
import { unpack } from './Unpack';

export const webgpuKernels: readonly GpuKernel[] = [
  abs, add, atan2, averagePool2d, batchMatmul, batchToSpaceNd, broadcastTo, cast, ceil, concatenation, conv2d, cos,
  depthToSpace, depthwiseConv2d, div, dynamicUpdateSlice, elu, embeddingLookup, equal, exp, expandDims, floor,
  fullyConnected, gather, gatherNd, gelu, greater, greaterEqual, hardSwish, l2Normalization, l2Pool2d, leakyRelu,
  less, lessEqual, log, logSoftmax, logicalAnd, logicalNot, logicalOr, logistic, maxPool2d, maximum, mean, minimum,
  mirrorPad, mul, neg, notEqual, pack, pad, padV2, pow, prelu, reduceMax, reduceMin, reduceProd, relu, relu0To1,
  relu6, reluN1To1, reshape, resizeBilinear, resizeNearestNeighbor, round, rsqrt, scatterNd, select, selectV2, sign,
  sin, slice, softmax, spaceToBatchNd, spaceToDepth, split, splitV, sqrt, square, squaredDifference, squeeze,
  stridedSlice, sub, sum, tanh, tile, transpose, transposeConv, unpack,
];

const byOp = new Map(webgpuKernels.map((k) => [k.op, k]));

export function gpuKernelFor(op: string): GpuKernel | undefined {
  return byOp.get(op);
}
