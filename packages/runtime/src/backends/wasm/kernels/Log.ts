// tfl.LOG on wasm (float32).
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const log = unaryKernel('tfl.LOG', UNARY_OPS.log);
