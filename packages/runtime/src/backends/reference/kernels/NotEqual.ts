// tfl.NOT_EQUAL: a != b (bool), broadcasting; numeric, bool and string inputs.
import { comparisonKernel } from './comparison';

export const notEqual = comparisonKernel('tfl.NOT_EQUAL', (a, b) => a !== b, (a, b) => a !== b, { strings: true });
