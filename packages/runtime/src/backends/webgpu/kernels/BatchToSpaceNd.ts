// tfl.BATCH_TO_SPACE_ND on WebGPU (f32/i32/bool, NHWC, 2-D block).
import { spaceBatchKernel } from './space-batch';

export const batchToSpaceNd = spaceBatchKernel('tfl.BATCH_TO_SPACE_ND', false);
