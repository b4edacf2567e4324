// tfl.EXP on wasm (float32).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const exp = unaryKernel('tfl.EXP', UNARY_OPS.exp);
