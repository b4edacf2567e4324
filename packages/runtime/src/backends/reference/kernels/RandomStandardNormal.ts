// tfl.RANDOM_STANDARD_NORMAL: float32 N(0, 1) samples of the shape given by input 0. Each Philox
// block of four words gives four samples by the Box-Muller transform on word pairs, in float32
// as TensorFlow's NormalDistribution computes them. State handling as RANDOM_UNIFORM.
import type { KernelConfig } from '../../../kernel';
import { ints } from '../core-util';
import { philoxFor, uint32ToFloat, type Philox } from './philox';

const f = Math.fround;

/** Box-Muller on two uniform words: [r·sin θ, r·cos θ]. */
function boxMuller(x0: number, x1: number): [number, number] {
  const u1 = Math.max(uint32ToFloat(x0), f(1e-7));
  const theta = f(f(2 * f(Math.PI)) * uint32ToFloat(x1));
  const r = f(Math.sqrt(f(-2 * f(Math.log(u1)))));
  return [f(r * f(Math.sin(theta))), f(r * f(Math.cos(theta)))];
}

export const randomStandardNormal: KernelConfig = {
  op: 'tfl.RANDOM_STANDARD_NORMAL',
  backend: 'reference',
  supports: (node) => (node.outputs[0]?.dtype === 'f32' ? true : `output dtype ${node.outputs[0]?.dtype} is not supported (f32 only)`),
  prepare(ctx) {
    ctx.cache['rng'] = philoxFor(ctx.attrs);
  },
  run(ctx) {
    const out = ctx.output(0, ints(ctx.inputs[0], 'shape'));
    const data = out.data as Float32Array;
    const rng = ctx.cache['rng'] as Philox;
    for (let i = 0; i < data.length; i += 4) {
      const w = rng.next();
      const s = [...boxMuller(w[0]!, w[1]!), ...boxMuller(w[2]!, w[3]!)];
      for (let k = 0; k < 4 && i + k < data.length; k++) data[i + k] = s[k]!;
    }
  },
};
