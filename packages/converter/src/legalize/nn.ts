// Convolutions, pooling, bias, batch norm and normalization layers.
// Filters are rearranged with TRANSPOSE/RESHAPE nodes; constant folding turns them into constants.
import type { Value } from '@liteml/graph-ir';
import { applyFusedOps, batchNorm } from './math';
import { hw, inNHWC, layout, rule, rules, windowPadding, type LegalizeBuilder, type LegalizeRule, type TfNode } from './rule';

function conv2d(n: TfNode, b: LegalizeBuilder): Value {
  const s = hw(n, 'strides');
  const d = hw(n, 'dilations');
  // HWIO → OHWI
  const filter = b.transpose(n.input(1), [3, 0, 1, 2]);
  return inNHWC(n, b, n.input(0), (x0) => {
    const { x, padding } = windowPadding(n, b, x0);
    return b.op('tfl.CONV_2D', [x, filter, undefined], {
      padding, strideH: s.h, strideW: s.w, dilationHFactor: d.h, dilationWFactor: d.w, fusedActivationFunction: 'NONE',
    });
  });
}

function depthwise(n: TfNode, b: LegalizeBuilder): Value {
  const s = hw(n, 'strides');
  const d = hw(n, 'dilations');
  const f = n.input(1);
  const fs = f.shape;
  if (!fs || fs.length !== 4 || fs.some((x) => typeof x !== 'number' || x < 0)) b.fail('the depthwise filter needs a static shape [H, W, C, M]');
  const [h, w, c, m] = fs as number[];
  // [H, W, C, M] → [1, H, W, C * M] (same memory order)
  const filter = b.reshape(f, [1, h!, w!, c! * m!]);
  return inNHWC(n, b, n.input(0), (x0) => {
    const { x, padding } = windowPadding(n, b, x0);
    return b.op('tfl.DEPTHWISE_CONV_2D', [x, filter, undefined], {
      padding, strideH: s.h, strideW: s.w, depthMultiplier: m!, dilationHFactor: d.h, dilationWFactor: d.w,
      fusedActivationFunction: 'NONE',
    });
  });
}

function pool(op: string) {
  return (n: TfNode, b: LegalizeBuilder): Value => {
    const k = hw(n, 'ksize');
    const s = hw(n, 'strides');
    const padding = n.attr<string>('padding', 'VALID');
    if (padding !== 'SAME' && padding !== 'VALID') b.fail(`padding '${padding}' is not supported by TFLite pooling`);
    return inNHWC(n, b, n.input(0), (x) => b.op(op, [x], {
      padding, strideH: s.h, strideW: s.w, filterHeight: k.h, filterWidth: k.w, fusedActivationFunction: 'NONE',
    }));
  };
}

function biasAdd(n: TfNode, b: LegalizeBuilder): Value {
  const x = n.input(0);
  const bias = n.input(1);
  if (n.attr<string>('data_format', 'NHWC') !== 'NCHW') return b.op('tfl.ADD', [x, bias]);
  const rank = x.shape?.length;
  if (rank === undefined) b.fail('BiasAdd NCHW needs the input rank');
  const c = bias.shape?.[0];
  if (typeof c !== 'number' || c < 0) b.fail('BiasAdd NCHW needs a bias of static size');
  return b.op('tfl.ADD', [x, b.reshape(bias, [c, ...Array<number>(rank - 2).fill(1)])]);
}

function fusedBatchNorm(n: TfNode, b: LegalizeBuilder): Value[] {
  if (n.attr('is_training', false)) b.fail('FusedBatchNorm with is_training=true computes batch statistics; export the model for inference');
  const [x, scale, offset, mean, variance] = [0, 1, 2, 3, 4].map((i) => n.input(i)) as [Value, Value, Value, Value, Value];
  const y = inNHWC(n, b, x, (xh) => batchNorm(b, xh, scale, offset, mean, variance, n.attr('epsilon', 0.0001)));
  // the other outputs (batch statistics) are only meaningful in training: the running ones stand in
  const rest = [mean, variance, mean, variance, mean];
  return [y, ...rest.slice(0, n.node.outputs.length - 1)];
}

function conv3d(n: TfNode, b: LegalizeBuilder): Value {
  if (n.attr<string>('data_format', 'NDHWC') !== 'NDHWC') b.fail('Conv3D supports data_format NDHWC only');
  const five = (attr: string) => {
    const v = n.attr<readonly number[]>(attr, [1, 1, 1, 1, 1]);
    if (v.length !== 5 || v[0] !== 1 || v[4] !== 1) b.fail(`${attr} [${v.join(', ')}] over batch or channels is not supported by TFLite`);
    return v;
  };
  const s = five('strides');
  const d = five('dilations');
  const padding = n.attr<string>('padding', 'VALID');
  if (padding !== 'SAME' && padding !== 'VALID') b.fail(`padding '${padding}' is not supported by CONV_3D`);
  // TF and TFLite share the DHWIO filter layout
  return b.op('tfl.CONV_3D', [n.input(0), n.input(1), undefined], {
    padding, strideD: s[1]!, strideH: s[2]!, strideW: s[3]!, dilationDFactor: d[1]!, dilationHFactor: d[2]!, dilationWFactor: d[3]!,
    fusedActivationFunction: 'NONE',
  });
}

export const nnRules: LegalizeRule[] = [
  rule('Conv3D', conv3d),
  rule('Conv2D', conv2d),
  rule('_FusedConv2D', (n, b) => applyFusedOps(n, b, conv2d(n, b), 2)),
  rule('DepthwiseConv2dNative', depthwise),
  rule('FusedDepthwiseConv2dNative', (n, b) => applyFusedOps(n, b, depthwise(n, b), 2)),
  rule('Conv2DBackpropInput', (n, b) => {
    const s = hw(n, 'strides');
    const d = hw(n, 'dilations');
    if (d.h !== 1 || d.w !== 1) b.fail('TRANSPOSE_CONV has no dilation');
    if (layout(n) !== 'NHWC') b.fail('Conv2DBackpropInput NCHW is not supported; export with channels_last');
    const padding = n.attr<string>('padding', 'VALID');
    if (padding !== 'SAME' && padding !== 'VALID') b.fail(`padding '${padding}' is not supported by TRANSPOSE_CONV`);
    // filter [H, W, out, in] → [out, H, W, in]
    const weights = b.transpose(n.input(1), [2, 0, 1, 3]);
    return b.op('tfl.TRANSPOSE_CONV', [b.toI32(n.input(0)), weights, n.input(2), undefined], {
      padding, strideH: s.h, strideW: s.w, fusedActivationFunction: 'NONE',
    });
  }),
  rule('MaxPool', pool('tfl.MAX_POOL_2D')),
  rule('AvgPool', pool('tfl.AVERAGE_POOL_2D')),
  rule('BiasAdd', biasAdd),
  ...rules(['FusedBatchNorm', 'FusedBatchNormV2', 'FusedBatchNormV3'], fusedBatchNorm),
  rule('LRN', (n, b) => b.op('tfl.LOCAL_RESPONSE_NORMALIZATION', [n.input(0)], {
    radius: n.attr('depth_radius', 5), bias: n.attr('bias', 1), alpha: n.attr('alpha', 1), beta: n.attr('beta', 0.5),
  })),
];
