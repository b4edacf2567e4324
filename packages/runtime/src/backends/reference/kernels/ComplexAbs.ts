// tfl.COMPLEX_ABS: |re + i·im| of a complex tensor.
import { complexPartKernel } from './complex-utils';

export const complexAbs = complexPartKernel('tfl.COMPLEX_ABS', Math.hypot);
