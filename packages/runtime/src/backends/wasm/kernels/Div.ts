// tfl.DIV on wasm, float32, with broadcasting and a fused activation (see binary-utils.ts).
import { BINARY_OPS, binaryKernel } from './binary-utils';

export const div = binaryKernel('tfl.DIV', BINARY_OPS.div);
