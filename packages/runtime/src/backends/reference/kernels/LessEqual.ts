// tfl.LESS_EQUAL: a <= b (bool), broadcasting.
import { comparisonKernel } from './comparison';

export const lessEqual = comparisonKernel('tfl.LESS_EQUAL', (a, b) => a <= b, (a, b) => a <= b);
