// tfl.SQRT on wasm (float32, exact).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const sqrt = unaryKernel('tfl.SQRT', UNARY_OPS.sqrt);
