// tfl.REDUCE_MIN over the constant axes (input 1), `keepDims`.
import { minMaxReduceKernel } from './minmax-reduce';

export const reduceMin = minMaxReduceKernel('tfl.REDUCE_MIN', false);
