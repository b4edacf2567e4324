// tfl.ABS on wasm (float32, exact).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const abs = unaryKernel('tfl.ABS', UNARY_OPS.abs);
