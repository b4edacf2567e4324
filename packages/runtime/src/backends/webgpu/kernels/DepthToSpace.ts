// tfl.DEPTH_TO_SPACE on WebGPU (f32/i32, NHWC, DCR order).
import { spaceDepthKernel } from './space-depth';

export const depthToSpace = spaceDepthKernel('tfl.DEPTH_TO_SPACE', false);
