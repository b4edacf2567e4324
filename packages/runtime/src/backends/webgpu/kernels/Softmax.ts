// tfl.SOFTMAX on WebGPU (f32, last axis, beta).
import { softmaxKernel } from './softmax-common';

export const softmax = softmaxKernel('tfl.SOFTMAX', false);
