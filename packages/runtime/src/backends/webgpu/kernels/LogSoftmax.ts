// tfl.LOG_SOFTMAX on WebGPU (f32, last axis).
import { softmaxKernel } from './softmax-common';

export const logSoftmax = softmaxKernel('tfl.LOG_SOFTMAX', true);
