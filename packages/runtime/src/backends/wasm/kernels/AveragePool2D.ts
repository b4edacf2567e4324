// tfl.AVERAGE_POOL_2D on wasm, float32 (the mean of the in-bounds window values).
import { poolKernel } from './pool-utils';

export const averagePool2d = poolKernel('tfl.AVERAGE_POOL_2D', false);
