// tfl.RESIZE_NEAREST_NEIGHBOR on WebGPU (f32/i32, NHWC).
import { resizeKernel } from './resize';

export const resizeNearestNeighbor = resizeKernel('tfl.RESIZE_NEAREST_NEIGHBOR', false);
