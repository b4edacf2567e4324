// tfl.ARG_MIN on wasm: index of the first minimum along an axis.
import { argKernel } from './arg-utils';

export const argMin = argKernel('tfl.ARG_MIN', false);
