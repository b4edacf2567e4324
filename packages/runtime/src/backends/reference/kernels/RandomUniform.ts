// tfl.RANDOM_UNIFORM: float32 samples in [0, 1) of the shape given by input 0, from Philox 4x32-10
// seeded with (seed, seed2). The generator state lives across runs (each run continues the
// stream) and restarts on re-plan, like TFLite's kernel state.
import type { KernelConfig } from '../../../kernel';
import { ints } from '../core-util';
import { philoxFor, uint32ToFloat, type Philox } from './philox';

export const randomUniform: KernelConfig = {
  op: 'tfl.RANDOM_UNIFORM',
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
      const block = rng.next();
      for (let k = 0; k < 4 && i + k < data.length; k++) data[i + k] = uint32ToFloat(block[k]!);
    }
  },
};
