// COMPLEX_ABS / REAL / IMAG: complex64/complex128 tensors hold interleaved (re, im) pairs.
import type { KernelConfig } from '../../../kernel';
import { kernel, nums, supportsDtypes } from './elementwise-utils';

export function complexPartKernel(op: string, f: (re: number, im: number) => number): KernelConfig {
  return kernel(op, {
    supports: supportsDtypes(['complex64', 'complex128']),
    run(ctx) {
      const a = ctx.inputs[0]!;
      const out = ctx.output(0, a.shape, a.dtype === 'complex128' ? 'f64' : 'f32');
      const x = nums(a), z = nums(out);
      for (let i = 0; i < z.length; i++) z[i] = f(x[2 * i]!, x[2 * i + 1]!);
    },
  });
}
