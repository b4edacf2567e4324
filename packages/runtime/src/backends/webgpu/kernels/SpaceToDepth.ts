// tfl.SPACE_TO_DEPTH on WebGPU (f32/i32, NHWC).
import { spaceDepthKernel } from './space-depth';

export const spaceToDepth = spaceDepthKernel('tfl.SPACE_TO_DEPTH', true);
