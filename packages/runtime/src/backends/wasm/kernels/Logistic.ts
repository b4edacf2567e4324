// tfl.LOGISTIC on wasm: float32, and int8/uint8 through TFLite's float lookup table (the
// reference's function: 1/(1 + e^−x) with each step rounded to float32).
import { UNARY_OPS, unaryKernel } from './unary-utils';

const F = Math.fround;

export const logistic = unaryKernel('tfl.LOGISTIC', UNARY_OPS.logistic, (v) => F(1 / F(1 + F(Math.exp(-v)))));
