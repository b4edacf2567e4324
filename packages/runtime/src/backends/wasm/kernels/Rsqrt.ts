// tfl.RSQRT on wasm (float32: 1/√x in double rounded once, as the reference).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const rsqrt = unaryKernel('tfl.RSQRT', UNARY_OPS.rsqrt);
