// tfl.LEAKY_RELU on WebGPU (f32): x, or alpha·x below zero.
import { unaryKernel } from './unary';
import { floatAttr } from './util';

export const leakyRelu = unaryKernel('tfl.LEAKY_RELU', 'select(u.alpha * x, x, x >= 0.0)', {
  uniforms: ['alpha'],
  params: (ctx) => ({ alpha: floatAttr(ctx.attrs, 'alpha', 0.2) }),
});
