// tfl.SPACE_TO_BATCH_ND on WebGPU (f32/i32/bool, NHWC, 2-D block).
import { spaceBatchKernel } from './space-batch';

export const spaceToBatchNd = spaceBatchKernel('tfl.SPACE_TO_BATCH_ND', true);
