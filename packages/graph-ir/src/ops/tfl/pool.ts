// 2-D pooling over NHWC: AVERAGE_POOL_2D, MAX_POOL_2D, L2_POOL_2D (all Pool2DOptions).
import { activation, int, padding } from '../attrs';
import type { InferArgs } from '../define';
import { attrInt, expectRank, input, vt } from '../infer/util';
import { spatial2d } from '../infer/window';
import { tflOp } from './op';

const poolAttrs = {
  padding: padding(), strideW: int(), strideH: int(), filterWidth: int(), filterHeight: int(),
  fusedActivationFunction: activation(),
};

function inferPool(a: InferArgs) {
  const x = input(a, 0, 'input');
  expectRank(x, 4, 'input');
  if (!x.shape) return [vt(x.dtype, [-1, -1, -1, -1])];
  const [oh, ow] = spatial2d(a, x.shape, attrInt(a, 'filterHeight', 1), attrInt(a, 'filterWidth', 1), false);
  return [vt(x.dtype, [x.shape[0]!, oh, ow, x.shape[3]!])];
}

const pool = (what: string) => ({
  category: 'pool',
  inputs: ['input'],
  optionsTable: 'Pool2DOptions',
  attrs: poolAttrs,
  doc: `${what} over filterHeight x filterWidth windows of an NHWC tensor (SAME padding excludes padded cells).`,
  infer: inferPool,
});

export const AVERAGE_POOL_2D = tflOp('AVERAGE_POOL_2D', pool('Mean'));
export const MAX_POOL_2D = tflOp('MAX_POOL_2D', pool('Maximum'));
export const L2_POOL_2D = tflOp('L2_POOL_2D', pool('sqrt(mean of squares)'));
