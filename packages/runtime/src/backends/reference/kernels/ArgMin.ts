// tfl.ARG_MIN: index of the first minimum along an axis (output i32/i64).
import { argKernel } from './arg-utils';

export const argMin = argKernel('tfl.ARG_MIN', false);
