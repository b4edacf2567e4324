// tfl.ARG_MAX on wasm: index of the first maximum along an axis.
import { argKernel } from './arg-utils';

export const argMax = argKernel('tfl.ARG_MAX', true);
