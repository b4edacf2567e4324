// tfl.RESIZE_BILINEAR on WebGPU (f32, NHWC).
import { resizeKernel } from './resize';

export const resizeBilinear = resizeKernel('tfl.RESIZE_BILINEAR', true);
