// tfl.PADV2 on WebGPU (f32/i32, constant paddings and pad value).
import { padKernel } from './Pad';

export const padV2 = padKernel('tfl.PADV2');
