// tfl.LESS: a < b (bool), broadcasting.
import { comparisonKernel } from './comparison';

export const less = comparisonKernel('tfl.LESS', (a, b) => a < b, (a, b) => a < b);
