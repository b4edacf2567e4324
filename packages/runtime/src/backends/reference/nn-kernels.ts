// The neural-network kernels of the reference backend: conv family, fully connected, batch
// matmul, pooling, normalization, RNN/LSTM/SVDF. Each kernel lives in kernels/<Op>.ts and follows
// TFLite's reference kernels bit for bit on integer types.
//
//   CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV   f32; i8 (per-channel); u8; i16×i8; hybrid f32×i8
//   FULLY_CONNECTED                               same (+ keepNumDims, asymmetricQuantizeInputs)
//   BATCH_MATMUL                                  f32; i8; i16; hybrid f32×i8 (broadcast, adjX/adjY)
//   CONV_3D, L2_POOL_2D, LOCAL_RESPONSE_NORM.     f32
//   AVERAGE_POOL_2D, MAX_POOL_2D                  f32; i8; u8; i16
//   L2_NORMALIZATION                              f32; i8; u8
//   LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM            f32; hybrid; integer 8x8_16 (layer norm, peephole,
//                                                 projection, CIFG)
//   BIDIRECTIONAL_SEQUENCE_LSTM                   f32; hybrid (no auxiliary input)
//   SVDF                                          f32; hybrid; i8 (int16 or int8 state)
//   RNN, UNIDIRECTIONAL_SEQUENCE_RNN              f32; hybrid
// Shared pieces: kernels/conv-utils.ts (padding, per-dtype epilogue), nn-quant-utils.ts (on top of
// fixed-point.ts), pool-utils.ts, lstm-utils.ts / lstm-integer.ts / lstm-kernel.ts,
// fixed-point16.ts (gemmlowp int16 logistic/tanh), rnn-utils.ts.
import type { KernelConfig } from '../../kernel';
import { averagePool2d } from './kernels/AveragePool2D';
import { batchMatmul } from './kernels/BatchMatmul';
import { bidirectionalSequenceLstm } from './kernels/BidirectionalSequenceLstm';
import { conv2d } from './kernels/Conv2D';
import { conv3d } from './kernels/Conv3D';
import { depthwiseConv2d } from './kernels/DepthwiseConv2D';
import { fullyConnected } from './kernels/FullyConnected';
import { l2Normalization } from './kernels/L2Normalization';
import { l2Pool2d } from './kernels/L2Pool2D';
import { lstm } from './kernels/Lstm';
import { localResponseNormalization } from './kernels/LocalResponseNormalization';
import { maxPool2d } from './kernels/MaxPool2D';
import { rnn } from './kernels/Rnn';
import { svdf } from './kernels/Svdf';
import { transposeConv } from './kernels/TransposeConv';
import { unidirectionalSequenceLstm } from './kernels/UnidirectionalSequenceLstm';
import { unidirectionalSequenceRnn } from './kernels/UnidirectionalSequenceRnn';

export { setRequantization, getRequantization, type Requantization } from './kernels/nn-quant-utils';

export const nnKernels: KernelConfig[] = [
  conv2d, depthwiseConv2d, transposeConv, conv3d, fullyConnected, batchMatmul,
  averagePool2d, maxPool2d, l2Pool2d, l2Normalization, localResponseNormalization,
  lstm, unidirectionalSequenceLstm, bidirectionalSequenceLstm, svdf, rnn, unidirectionalSequenceRnn,
];
