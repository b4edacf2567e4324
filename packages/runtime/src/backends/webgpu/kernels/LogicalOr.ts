// tfl.LOGICAL_OR on WebGPU (bool, broadcasting).
import { logicalKernel } from './binary';

export const logicalOr = logicalKernel('tfl.LOGICAL_OR', 'a || b');
