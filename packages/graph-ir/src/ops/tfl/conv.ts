// Convolutions: CONV_2D, DEPTHWISE_CONV_2D, TRANSPOSE_CONV, CONV_3D, CONV_3D_TRANSPOSE.
// Layouts: input NHWC / NDHWC; filters OHWI (conv), 1HWO (depthwise), OHWI (transpose conv),
// DHWIO (conv3d), DHWOI (conv3d transpose).
import { activation, int, padding, tensorType } from '../attrs';
import type { InferArgs } from '../define';
import { shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrInt, attrStr, constInts, expectRank, fmt, input, isKnownDim, mergeDim, unknownDims, vt } from '../infer/util';
import { spatial2d, windowOut } from '../infer/window';
import { tflOp } from './op';

const conv2dAttrs = {
  padding: padding(), strideW: int(), strideH: int(), fusedActivationFunction: activation(),
  dilationWFactor: int(1), dilationHFactor: int(1), quantizedBiasType: tensorType(),
};

function checkBias(a: InferArgs, i: number, channels: Dim): void {
  const b = a.inputs[i];
  if (!b?.shape) return;
  const n = b.shape.reduce<number>((p, d) => (isKnownDim(d) ? p * d : -1), 1);
  if (n >= 0 && isKnownDim(channels) && n !== channels) {
    shapeMismatch(`bias ${fmt(b.shape)} must have ${channels} elements (one per output channel)`);
  }
}

export const CONV_2D = tflOp('CONV_2D', {
  category: 'conv',
  inputs: ['input', 'filter', 'bias?'],
  optionsTable: 'Conv2DOptions',
  attrs: conv2dAttrs,
  doc: 'NHWC 2-D convolution; filter [out_channels, kh, kw, in_channels / groups]. Grouped when the input has a multiple of the filter\'s input channels.',
  infer(a) {
    const x = input(a, 0, 'input');
    const w = input(a, 1, 'filter');
    expectRank(x, 4, 'input');
    expectRank(w, 4, 'filter');
    const cout = w.shape?.[0] ?? -1;
    checkBias(a, 2, cout);
    if (!x.shape) return [vt(x.dtype, [-1, -1, -1, cout])];
    const cin = x.shape[3]!;
    const fin = w.shape?.[3] ?? -1;
    if (isKnownDim(cin) && isKnownDim(fin) && (fin === 0 || cin % fin !== 0)) {
      shapeMismatch(`input channels ${cin} (input ${fmt(x.shape)}) are not a multiple of the filter's ${fin} (filter ${fmt(w.shape)})`);
    }
    const [oh, ow] = spatial2d(a, x.shape, w.shape?.[1] ?? -1, w.shape?.[2] ?? -1);
    return [vt(x.dtype, [x.shape[0]!, oh, ow, cout])];
  },
});

export const DEPTHWISE_CONV_2D = tflOp('DEPTHWISE_CONV_2D', {
  category: 'conv',
  inputs: ['input', 'filter', 'bias?'],
  optionsTable: 'DepthwiseConv2DOptions',
  attrs: {
    padding: padding(), strideW: int(), strideH: int(), depthMultiplier: int(), fusedActivationFunction: activation(),
    dilationWFactor: int(1), dilationHFactor: int(1),
  },
  doc: 'NHWC depthwise convolution; filter [1, kh, kw, in_channels * depthMultiplier].',
  infer(a) {
    const x = input(a, 0, 'input');
    const w = input(a, 1, 'filter');
    expectRank(x, 4, 'input');
    expectRank(w, 4, 'filter');
    const cout = w.shape?.[3] ?? -1;
    checkBias(a, 2, cout);
    if (!x.shape) return [vt(x.dtype, [-1, -1, -1, cout])];
    const cin = x.shape[3]!;
    if (isKnownDim(cin) && isKnownDim(cout) && (cin === 0 || cout % cin !== 0)) {
      shapeMismatch(`filter channels ${cout} are not a multiple of the input channels ${cin}`);
    }
    const [oh, ow] = spatial2d(a, x.shape, w.shape?.[1] ?? -1, w.shape?.[2] ?? -1);
    return [vt(x.dtype, [x.shape[0]!, oh, ow, cout])];
  },
});

export const TRANSPOSE_CONV = tflOp('TRANSPOSE_CONV', {
  category: 'conv',
  inputs: ['outputShape', 'weights', 'input', 'bias?'],
  optionsTable: 'TransposeConvOptions',
  attrs: { padding: padding(), strideW: int(), strideH: int(), fusedActivationFunction: activation(), quantizedBiasType: tensorType() },
  doc: 'Transposed (fractionally strided) NHWC convolution; weights [out_channels, kh, kw, in_channels]. The output shape is the `outputShape` operand (all dims unknown when it is not constant: TFLite takes it from the data).',
  infer(a) {
    const w = input(a, 1, 'weights');
    const x = input(a, 2, 'input');
    expectRank(w, 4, 'weights');
    expectRank(x, 4, 'input');
    const cout = w.shape?.[0] ?? -1;
    const given = constInts(a, 0);
    if (given) {
      if (given.length !== 4) shapeMismatch(`outputShape must have 4 values, got [${given.join(',')}]`);
      if (isKnownDim(cout) && given[3] !== cout) shapeMismatch(`outputShape channels ${given[3]} differ from the weights' ${cout}`);
      return [vt(x.dtype, given)];
    }
    return [vt(x.dtype, [-1, -1, -1, -1])];
  },
});

const conv3dAttrs = {
  padding: padding(), strideD: int(), strideW: int(), strideH: int(), fusedActivationFunction: activation(),
  dilationDFactor: int(1), dilationWFactor: int(1), dilationHFactor: int(1),
};

/** [od, oh, ow] of CONV_3D over NDHWC `x` with kernel [kd, kh, kw, …]. */
function spatial3d(a: InferArgs, x: readonly Dim[], k: readonly Dim[]): Dim[] {
  const pad = attrStr(a, 'padding', 'SAME');
  return [
    windowOut(x[1]!, k[0] ?? -1, attrInt(a, 'strideD', 1), attrInt(a, 'dilationDFactor', 1), pad),
    windowOut(x[2]!, k[1] ?? -1, attrInt(a, 'strideH', 1), attrInt(a, 'dilationHFactor', 1), pad),
    windowOut(x[3]!, k[2] ?? -1, attrInt(a, 'strideW', 1), attrInt(a, 'dilationWFactor', 1), pad),
  ];
}

export const CONV_3D = tflOp('CONV_3D', {
  category: 'conv',
  inputs: ['input', 'filter', 'bias?'],
  optionsTable: 'Conv3DOptions',
  attrs: conv3dAttrs,
  doc: 'NDHWC 3-D convolution; filter [kd, kh, kw, in_channels, out_channels].',
  infer(a) {
    const x = input(a, 0, 'input');
    const w = input(a, 1, 'filter');
    expectRank(x, 5, 'input');
    expectRank(w, 5, 'filter');
    const cout = w.shape?.[4] ?? -1;
    checkBias(a, 2, cout);
    if (!x.shape) return [vt(x.dtype, [-1, -1, -1, -1, cout])];
    mergeDim(x.shape[4]!, w.shape?.[3] ?? -1, `input channels of ${fmt(x.shape)} vs filter ${fmt(w.shape)}`);
    return [vt(x.dtype, [x.shape[0]!, ...spatial3d(a, x.shape, w.shape ?? []), cout])];
  },
});

export const CONV_3D_TRANSPOSE = tflOp('CONV_3D_TRANSPOSE', {
  category: 'conv',
  inputs: ['outputShape', 'filter', 'input', 'bias?'],
  optionsTable: 'Conv3DOptions',
  attrs: conv3dAttrs,
  doc: 'Transposed NDHWC 3-D convolution; filter [kd, kh, kw, out_channels, in_channels]; the output shape is the `outputShape` operand (unknown dims when not constant).',
  infer(a) {
    const w = input(a, 1, 'filter');
    const x = input(a, 2, 'input');
    expectRank(x, 5, 'input');
    const given = constInts(a, 0);
    if (given && given.length !== 5) shapeMismatch(`outputShape must have 5 values, got [${given.join(',')}]`);
    if (given && isKnownDim(w.shape?.[3] ?? -1) && given[4] !== w.shape![3]) shapeMismatch(`outputShape channels ${given[4]} differ from the filter's ${w.shape![3]}`);
    return [vt(x.dtype, given ?? unknownDims(5))];
  },
});
