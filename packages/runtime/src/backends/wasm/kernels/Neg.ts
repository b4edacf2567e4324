// tfl.NEG on wasm (float32, exact).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const neg = unaryKernel('tfl.NEG', UNARY_OPS.neg);
