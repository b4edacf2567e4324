// tfl.RANDOM_STANDARD_NORMAL: float32 N(0, 1) samples of the shape given by input 0. Each Philox
// block of four words gives four samples by the Box-Muller transform on word pairs, in float32
// as TensorFlow's NormalDistribution computes them. State handling as RANDOM_UNIFORM.
import { uint32ToFloat } from './philox';
import { philoxKernel } from './philox-kernel';

const f = Math.fround;

/** Box-Muller on two uniform words: [r·sin θ, r·cos θ]. */
function boxMuller(x0: number, x1: number): [number, number] {
  const u1 = Math.max(uint32ToFloat(x0), f(1e-7));
  const theta = f(f(2 * f(Math.PI)) * uint32ToFloat(x1));
  const r = f(Math.sqrt(f(-2 * f(Math.log(u1)))));
  return [f(r * f(Math.sin(theta))), f(r * f(Math.cos(theta)))];
}

export const randomStandardNormal = philoxKernel('tfl.RANDOM_STANDARD_NORMAL',
  (w) => [...boxMuller(w[0]!, w[1]!), ...boxMuller(w[2]!, w[3]!)]);
