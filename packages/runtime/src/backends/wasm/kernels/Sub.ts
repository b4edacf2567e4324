// tfl.SUB on wasm, float32, with broadcasting and a fused activation (see binary-utils.ts).
import { BINARY_OPS, binaryKernel } from './binary-utils';

export const sub = binaryKernel('tfl.SUB', BINARY_OPS.sub);
