// tfl.ADD on wasm, float32, with broadcasting and a fused activation (see binary-utils.ts).
import { BINARY_OPS, binaryKernel } from './binary-utils';

export const add = binaryKernel('tfl.ADD', BINARY_OPS.add);
