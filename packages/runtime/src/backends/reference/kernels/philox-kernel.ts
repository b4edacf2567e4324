// What RANDOM_UNIFORM and RANDOM_STANDARD_NORMAL share: a float32 output of the shape given by
// input 0, filled four samples at a time from one Philox block each. The generator state lives
// across runs (each run continues the stream) and restarts on re-plan (prepare).
import type { KernelConfig } from '../../../kernel';
import { ints } from '../core-util';
import { philoxFor, type Philox } from './philox';

/** `samples` turns one block of four uint32 words into four samples. */
export function philoxKernel(op: string, samples: (block: Uint32Array) => ArrayLike<number>): KernelConfig {
  return {
    op,
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
        const s = samples(rng.next());
        for (let k = 0; k < 4 && i + k < data.length; k++) data[i + k] = s[k]!;
      }
    },
  };
}
