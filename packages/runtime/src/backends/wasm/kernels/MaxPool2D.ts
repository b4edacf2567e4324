// tfl.MAX_POOL_2D on wasm, float32.
import { poolKernel } from './pool-utils';

export const maxPool2d = poolKernel('tfl.MAX_POOL_2D', true);
