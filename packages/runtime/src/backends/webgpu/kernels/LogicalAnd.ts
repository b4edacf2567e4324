// tfl.LOGICAL_AND on WebGPU (bool, broadcasting).
import { logicalKernel } from './binary';

export const logicalAnd = logicalKernel('tfl.LOGICAL_AND', 'a && b');
