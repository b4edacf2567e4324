// tfl.GREATER_EQUAL: a >= b (bool), broadcasting.
import { comparisonKernel } from './comparison';

export const greaterEqual = comparisonKernel('tfl.GREATER_EQUAL', (a, b) => a >= b, (a, b) => a >= b);
