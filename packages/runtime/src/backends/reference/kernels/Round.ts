// tfl.ROUND: rounds to the nearest integer, ties to even (TFLite uses nearbyint-style rounding), f32.
import { roundHalfEven } from '../fixed-point';
import { floatUnaryKernel } from './unary-utils';

export const round = floatUnaryKernel('tfl.ROUND', roundHalfEven);
