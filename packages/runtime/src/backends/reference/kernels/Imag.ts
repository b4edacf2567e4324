// tfl.IMAG: the imaginary part of a complex tensor.
import { complexPartKernel } from './complex-utils';

export const imag = complexPartKernel('tfl.IMAG', (_re, im) => im);
