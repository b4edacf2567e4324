// tfl.REAL: the real part of a complex tensor.
import { complexPartKernel } from './complex-utils';

export const real = complexPartKernel('tfl.REAL', (re) => re);
