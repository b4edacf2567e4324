// tfl.TANH on wasm: float32, and int8/uint8 through TFLite's float lookup table.
import { UNARY_OPS, unaryKernel } from './unary-utils';

export const tanh = unaryKernel('tfl.TANH', UNARY_OPS.tanh, Math.tanh);
