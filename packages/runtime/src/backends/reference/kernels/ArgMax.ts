// tfl.ARG_MAX: index of the first maximum along an axis (output i32/i64).
import { argKernel } from './arg-utils';

export const argMax = argKernel('tfl.ARG_MAX', true);
