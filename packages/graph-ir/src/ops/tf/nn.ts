// Neural-network ops: convolutions, pooling, bias, batch norm, activations, softmax.
import { bool, float, int, ints, strs } from '../attrs';
import type { InferArgs } from '../define';
import { invalidAttr, shapeMismatch } from '../errors';
import type { Dim } from '../ir';
import { attrInts, attrStr, constInts, dimMul, expectRank, fmt, input, isKnownDim, like, mergeDim, unknownDims, vt } from '../infer/util';
import { dataFormat, T, tfOp, windowAttrs } from './op';
import { layout, tfWindow } from './window';

const dil = { dilations: ints([1, 1, 1, 1]) };

/** Conv with an HWIO (or DHWIO) filter; `depthwise` multiplies channels instead. */
function inferConv(a: InferArgs, depthwise: boolean) {
  const x = input(a, 0, 'input');
  const f = input(a, 1, 'filter');
  const rank = f.shape?.length ?? x.shape?.length ?? 4;
  expectRank(x, rank, 'input');
  const k = f.shape ? f.shape.slice(0, rank - 2) : [];
  const fin: Dim = f.shape?.[rank - 2] ?? -1;
  const fout: Dim = f.shape?.[rank - 1] ?? -1;
  if (!x.shape) return [vt(x.dtype, unknownDims(rank))];
  const { c } = layout(attrStr(a, 'data_format', rank === 5 ? 'NDHWC' : 'NHWC'), x.shape.length);
  const cin = x.shape[c]!;
  const out = tfWindow(a, x.shape, k, true);
  if (depthwise) {
    mergeDim(cin, fin, `input channels of ${fmt(x.shape)} vs filter ${fmt(f.shape)}`);
    out[c] = dimMul(cin, fout);
  } else {
    if (isKnownDim(cin) && isKnownDim(fin) && (fin === 0 || cin % fin !== 0)) {
      shapeMismatch(`input channels ${cin} are not a multiple of the filter's ${fin} (filter ${fmt(f.shape)})`);
    }
    out[c] = fout;
  }
  return [vt(x.dtype, out)];
}

const fused = { fused_ops: strs([]), num_args: int(), epsilon: float(0.0001), leakyrelu_alpha: float(0.2) };

export const Conv2D = tfOp('Conv2D', {
  category: 'conv', inputs: ['input', 'filter'],
  attrs: { ...windowAttrs(true), ...dil, use_cudnn_on_gpu: bool(true) },
  doc: '2-D convolution; filter [h, w, in / groups, out]; data_format NHWC or NCHW.',
  infer: (a) => inferConv(a, false),
});
export const Conv3D = tfOp('Conv3D', {
  category: 'conv', inputs: ['input', 'filter'],
  attrs: { ...windowAttrs(false), data_format: dataFormat('NDHWC', ['NDHWC', 'NCDHW']), dilations: ints([1, 1, 1, 1, 1]) },
  doc: '3-D convolution; filter [d, h, w, in, out].',
  infer: (a) => inferConv(a, false),
});
export const DepthwiseConv2dNative = tfOp('DepthwiseConv2dNative', {
  category: 'conv', inputs: ['input', 'filter'],
  attrs: { ...windowAttrs(true), ...dil },
  doc: 'Depthwise convolution; filter [h, w, in, multiplier]; output channels in * multiplier.',
  infer: (a) => inferConv(a, true),
});
export const _FusedConv2D = tfOp('_FusedConv2D', {
  category: 'conv', inputs: ['input', 'filter', 'args*'],
  attrs: { ...windowAttrs(true), ...dil, use_cudnn_on_gpu: bool(true), ...fused },
  doc: 'Grappler\'s Conv2D fused with fused_ops (BiasAdd, FusedBatchNorm, Relu, Relu6, Elu, LeakyRelu …) taking num_args extra operands.',
  infer: (a) => inferConv(a, false),
});
export const FusedDepthwiseConv2dNative = tfOp('FusedDepthwiseConv2dNative', {
  category: 'conv', inputs: ['input', 'filter', 'args*'],
  attrs: { ...windowAttrs(true), ...dil, ...fused },
  doc: 'DepthwiseConv2dNative fused with fused_ops (BiasAdd, Relu …).',
  infer: (a) => inferConv(a, true),
});

export const Conv2DBackpropInput = tfOp('Conv2DBackpropInput', {
  category: 'conv', inputs: ['input_sizes', 'filter', 'out_backprop'],
  attrs: { ...windowAttrs(true), ...dil, use_cudnn_on_gpu: bool(true) },
  doc: 'Transposed convolution (gradient of Conv2D w.r.t. its input); the output shape is the constant input_sizes; otherwise batch and channels are known (from out_backprop and filter) and the spatial dims depend on the data.',
  infer(a) {
    const f = input(a, 1, 'filter');
    const y = input(a, 2, 'out_backprop');
    const sizes = constInts(a, 0);
    if (sizes) return [vt(y.dtype, sizes)];
    if (!y.shape) return [vt(y.dtype, unknownDims(4))];
    const { c, spatial } = layout(attrStr(a, 'data_format', 'NHWC'), y.shape.length);
    const out = y.shape.slice();
    for (const s of spatial) out[s] = -1;
    out[c] = f.shape?.[2] ?? -1;
    return [vt(y.dtype, out)];
  },
});

function inferPool(a: InferArgs) {
  const x = input(a, 0, 'input');
  if (!x.shape) return [vt(x.dtype, undefined)];
  const ksize = attrInts(a, 'ksize') ?? [];
  if (ksize.length !== x.shape.length) invalidAttr(`ksize [${ksize.join(',')}] must have ${x.shape.length} entries`);
  const { spatial } = layout(attrStr(a, 'data_format', x.shape.length === 5 ? 'NDHWC' : 'NHWC'), x.shape.length);
  return [vt(x.dtype, tfWindow(a, x.shape, spatial.map((d) => ksize[d]!), false))];
}

export const MaxPool = tfOp('MaxPool', {
  category: 'pool', inputs: ['input'],
  attrs: { ...windowAttrs(true), ksize: ints(), data_format: dataFormat('NHWC', ['NHWC', 'NCHW', 'NCHW_VECT_C']) },
  doc: 'Max over ksize windows.', infer: inferPool,
});
export const AvgPool = tfOp('AvgPool', {
  category: 'pool', inputs: ['value'],
  attrs: { ...windowAttrs(false), ksize: ints() },
  doc: 'Mean over ksize windows (SAME padding excludes padded cells).', infer: inferPool,
});
export const MaxPool3D = tfOp('MaxPool3D', {
  category: 'pool', inputs: ['input'],
  attrs: { ...windowAttrs(false), ksize: ints(), data_format: dataFormat('NDHWC', ['NDHWC', 'NCDHW']) },
  doc: '3-D max pooling.', infer: inferPool,
});
export const AvgPool3D = tfOp('AvgPool3D', {
  category: 'pool', inputs: ['input'],
  attrs: { ...windowAttrs(false), ksize: ints(), data_format: dataFormat('NDHWC', ['NDHWC', 'NCDHW']) },
  doc: '3-D average pooling.', infer: inferPool,
});

export const BiasAdd = tfOp('BiasAdd', {
  category: 'elementwise', inputs: ['value', 'bias'],
  attrs: { T, data_format: dataFormat() },
  doc: 'Adds the 1-D bias along the channel dim (last for NHWC, 1 for NCHW).',
  infer(a) {
    const x = input(a, 0, 'value');
    const b = input(a, 1, 'bias');
    expectRank(b, 1, 'bias');
    if (x.shape && b.shape) {
      if (x.shape.length < 2) shapeMismatch(`value must have rank >= 2, got ${fmt(x.shape)}`);
      const c = attrStr(a, 'data_format', 'NHWC').startsWith('NC') ? 1 : x.shape.length - 1;
      const merged = mergeDim(x.shape[c]!, b.shape[0]!, `bias ${fmt(b.shape)} vs channels of ${fmt(x.shape)}`);
      return [vt(x.dtype, x.shape.map((d, i) => (i === c ? merged : d)))];
    }
    return [like(a)];
  },
});

function inferBatchNorm(a: InferArgs, outputs: number) {
  const x = input(a, 0, 'x');
  const scale = input(a, 1, 'scale');
  const c: Dim = scale.shape?.[0] ?? -1;
  if (x.shape) {
    expectRank(x, [4, 5], 'x');
    const ci = attrStr(a, 'data_format', 'NHWC').startsWith('NC') ? 1 : x.shape.length - 1;
    mergeDim(x.shape[ci]!, c, `scale ${fmt(scale.shape)} vs channels of x ${fmt(x.shape)}`);
  }
  const stat = vt(scale.dtype, [c]);
  return [like(a), stat, stat, stat, stat, vt(scale.dtype, undefined)].slice(0, outputs);
}

const bnAttrs = { T, epsilon: float(0.0001), exponential_avg_factor: float(1), data_format: dataFormat('NHWC', ['NHWC', 'NCHW', 'NDHWC', 'NCDHW']), is_training: bool(true) };
const bnOut = ['y', 'batch_mean', 'batch_variance', 'reserve_space_1', 'reserve_space_2'];
const bnDoc = '(x - mean) / sqrt(variance + epsilon) * scale + offset per channel; statistics outputs are [channels].';
export const FusedBatchNorm = tfOp('FusedBatchNorm', {
  category: 'normalization', inputs: ['x', 'scale', 'offset', 'mean', 'variance'], outputs: bnOut,
  attrs: bnAttrs, doc: bnDoc, infer: (a) => inferBatchNorm(a, 5),
});
export const FusedBatchNormV2 = tfOp('FusedBatchNormV2', {
  category: 'normalization', inputs: ['x', 'scale', 'offset', 'mean', 'variance'], outputs: bnOut,
  attrs: { ...bnAttrs, U: T }, doc: `${bnDoc} Statistics in dtype U.`, infer: (a) => inferBatchNorm(a, 5),
});
export const FusedBatchNormV3 = tfOp('FusedBatchNormV3', {
  category: 'normalization', inputs: ['x', 'scale', 'offset', 'mean', 'variance'], outputs: [...bnOut, 'reserve_space_3'],
  attrs: { ...bnAttrs, U: T }, doc: `${bnDoc} Statistics in dtype U; reserve_space_3 is backend scratch (unknown shape).`,
  infer: (a) => inferBatchNorm(a, 6),
});

const act = (name: string, doc: string, attrs = {}, category = 'activation') =>
  tfOp(name, { category, inputs: ['features'], attrs: { T, ...attrs }, doc, infer: (a) => [like(a)] });

export const Relu = act('Relu', 'max(x, 0).');
export const Relu6 = act('Relu6', 'min(max(x, 0), 6).');
export const Elu = act('Elu', 'x if x > 0 else e^x - 1.');
export const Selu = act('Selu', 'scale * (x if x > 0 else alpha * (e^x - 1)).');
export const LeakyRelu = act('LeakyRelu', 'x if x >= 0 else alpha * x.', { alpha: float(0.2) });
export const Softplus = act('Softplus', 'log(1 + e^x).');
export const Softsign = act('Softsign', 'x / (1 + |x|).');

export const Softmax = tfOp('Softmax', {
  category: 'softmax', inputs: ['logits'], attrs: { T }, doc: 'Softmax over the last dim.',
  infer: (a) => [like(a)],
});
export const LogSoftmax = tfOp('LogSoftmax', {
  category: 'softmax', inputs: ['logits'], attrs: { T }, doc: 'log(softmax(x)) over the last dim.',
  infer: (a) => [like(a)],
});
export const LRN = tfOp('LRN', {
  category: 'normalization', inputs: ['input'],
  attrs: { T, depth_radius: int(5), bias: float(1), alpha: float(1), beta: float(0.5) },
  doc: 'Local response normalization over channels of an NHWC tensor.',
  infer: (a) => [like(a)],
});
