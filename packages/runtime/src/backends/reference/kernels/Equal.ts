// tfl.EQUAL: a == b (bool), broadcasting; numeric, bool and string inputs.
import { comparisonKernel } from './comparison';

export const equal = comparisonKernel('tfl.EQUAL', (a, b) => a === b, (a, b) => a === b, { strings: true });
