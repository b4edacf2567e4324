// tfl.GREATER: a > b (bool), broadcasting.
import { comparisonKernel } from './comparison';

export const greater = comparisonKernel('tfl.GREATER', (a, b) => a > b, (a, b) => a > b);
