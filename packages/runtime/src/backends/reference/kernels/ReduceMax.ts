// tfl.REDUCE_MAX over the constant axes (input 1), `keepDims`.
import { minMaxReduceKernel } from './minmax-reduce';

export const reduceMax = minMaxReduceKernel('tfl.REDUCE_MAX', true);
